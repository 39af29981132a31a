package org.marquee.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sync server as an operator runs it: its own JVM started from {@code ServerMain} with command-line flags, so that
 * a test can kill it as {@code kill -9} would (or let it halt itself at a crash point) and start it again on the same
 * database and data directory. Its output goes to {@code server.log} in the data directory.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a server on {@code jdbcUrl} with demo data and the simulated card terminal, its ledger under
     * {@code dataDir}; {@code jvmFlags} such as {@code -Dmarquee.crashAt=after_charge}, {@code flags} added to the
     * command line. Returns once {@code /api/v1/health} answers 200.
     */
    public static ServerProcess start(String jdbcUrl, Path dataDir, List<String> jvmFlags, List<String> flags) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.marquee.server.ServerMain"));
        command.addAll(List.of(
                "--port",
                String.valueOf(port),
                "--host",
                "127.0.0.1",
                "--db",
                jdbcUrl,
                "--data-dir",
                dataDir.toString(),
                "--demo-data",
                "--card-terminal",
                "simulated"));
        command.addAll(flags);
        try {
            Files.createDirectories(dataDir);
            Path log = dataDir.resolve("server.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("MARQUEE_DB_USER", "postgres");
            builder.environment().put("MARQUEE_DB_PASSWORD", "postgres");
            ServerProcess server = new ServerProcess(builder.start(), port, log);
            server.awaitHealthy(Duration.ofSeconds(60));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public ApiClient client(String token) {
        return new ApiClient(base(), token);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself (a crash point halts it); returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("The server did not stop within " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the JVM as {@code kill -9} does: no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(20));
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        ApiClient client = client("none");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The server exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (client.get("/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(Duration.ofMillis(200));
        }
        kill();
        throw new AssertionError("The server did not become healthy within " + timeout + ":\n" + log());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
