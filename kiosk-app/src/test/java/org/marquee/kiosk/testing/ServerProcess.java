package org.marquee.kiosk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real sync server for the kiosk's tests, started from its jar as a separate process (the kiosk never links the
 * server's code; they meet over HTTP) with the demo fixture on its own embedded PostgreSQL.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Path JAR = Path.of("..", "sync-server", "target", "marquee-sync-server.jar");

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Path log;
    private final List<String> flags;

    private ServerProcess(Process process, int port, Path dataDir, Path log, List<String> flags) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
        this.flags = flags;
    }

    /** Starts a server with the demo data; extra flags such as {@code --hold-ttl 3s} are passed on. */
    public static ServerProcess start(String... flags) {
        try {
            return startOn(freePort(), flags);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a server with the demo data on {@code port}: the port of a server stopped earlier, so that a terminal
     * still pointing at it finds a server there again (each server has its own fresh database).
     */
    public static ServerProcess startOn(int port, String... flags) {
        try {
            return startOn(port, Files.createTempDirectory("marquee-kiosk-test-server"), flags);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops this server and starts another on the same port and data folder, with the same flags: the same database,
     * so holds and sales made before are still there, as after a real server restart.
     */
    public ServerProcess restart() {
        close();
        return startOn(port, dataDir, flags.toArray(String[]::new));
    }

    private static ServerProcess startOn(int port, Path dataDir, String... flags) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("Build the server first: " + JAR.toAbsolutePath() + " is missing");
        }
        try {
            Path log = dataDir.resolve("server-" + System.nanoTime() + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    JAR.toAbsolutePath().toString(),
                    "--demo-data",
                    "--port",
                    Integer.toString(port),
                    "--data-dir",
                    dataDir.toString()));
            if (!List.of(flags).contains("--payment-timeout")) {
                // the server accepts each flag once; a test that sets its own timeout keeps it
                command.addAll(List.of("--payment-timeout", "3s"));
            }
            command.addAll(List.of(flags));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ServerProcess server = new ServerProcess(process, port, dataDir, log, List.of(flags));
            server.awaitHealthy(Duration.ofSeconds(90));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the server the way Ctrl-C would, and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(30))) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHealthy(Duration limit) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server stopped while starting; see " + log);
            }
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/api/v1/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("The server did not become healthy within " + limit + "; see " + log);
    }

    public Path dataDir() {
        return dataDir;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
