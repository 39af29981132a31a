package org.marquee.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 cluster of its own, as an operator runs one: made with Debian's {@code initdb} in a temporary
 * folder, on a free port, with password authentication over TCP and a {@code marquee} role that owns a {@code
 * marquee} database. Tests stop it, kill it ({@code pg_ctl stop -m immediate}) and start it again under a running
 * server, and make a streaming standby of it with {@code pg_basebackup -R} to promote. PostgreSQL refuses to run as
 * root, so as root every command runs as the {@code postgres} OS user.
 */
public final class ExternalPostgres implements AutoCloseable {

    public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    public static final String USER = "marquee";
    public static final String PASSWORD = "marquee-test-secret";
    private static final String SUPERUSER_PASSWORD = "postgres-test-secret";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path dataDir;
    private final int port;

    private ExternalPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** True when the PostgreSQL 15 binaries are installed (.ci/run installs them). */
    public static boolean available() {
        return Files.isExecutable(BIN.resolve("initdb"));
    }

    /** A new cluster, started, with the {@code marquee} role and database. */
    public static ExternalPostgres start() {
        Path base = tempDir("marquee-pg");
        Path data = base.resolve("data");
        Path pwfile = base.resolve("pwfile");
        try {
            Files.writeString(pwfile, SUPERUSER_PASSWORD + "\n");
            own(pwfile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(
                "initdb",
                "-D",
                data.toString(),
                "-U",
                "postgres",
                "--pwfile=" + pwfile,
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "--no-sync",
                "-E",
                "UTF8",
                "--locale=C");
        ExternalPostgres postgres = new ExternalPostgres(data, freePort());
        postgres.configure();
        postgres.startAgain();
        postgres.superuser(statement -> {
            statement.execute("create role " + USER + " login password '" + PASSWORD + "'");
            statement.execute("create database marquee owner " + USER);
        });
        return postgres;
    }

    private void configure() {
        try {
            Files.writeString(
                    dataDir.resolve("postgresql.auto.conf"),
                    String.join(
                            "\n",
                            "listen_addresses = '127.0.0.1'",
                            "port = " + port,
                            "unix_socket_directories = '" + dataDir + "'",
                            // a test cluster needs the semantics of durability, not the disk writes
                            "fsync = off",
                            "full_page_writes = off",
                            "shared_buffers = 16MB",
                            "max_connections = 60",
                            "wal_level = replica",
                            "max_wal_senders = 4",
                            "hot_standby = on",
                            ""),
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** {@code host:port} of this cluster, for a multi-host URL. */
    public String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    /** The URL of the {@code marquee} database with no credentials in it. */
    public String url() {
        return "jdbc:postgresql://" + hostAndPort() + "/marquee";
    }

    /** The URL with the {@code marquee} user and its password as parameters. */
    public String urlWithCredentials() {
        return url() + "?user=" + USER + "&password=" + PASSWORD;
    }

    /** Starts it again after {@link #stop} or {@link #kill}, on the same port. */
    public void startAgain() {
        run(
                "pg_ctl",
                "-D",
                dataDir.toString(),
                "-l",
                dataDir.resolveSibling("log").toString(),
                "-w",
                "start");
    }

    /** A clean shutdown: sessions are ended, the server waits for nothing. */
    public void stop() {
        run("pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
    }

    /** As a crash: every process of the cluster ends at once, without a checkpoint. */
    public void kill() {
        run("pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "-w", "stop");
    }

    /** A streaming standby of this cluster ({@code pg_basebackup -R}), started on a port of its own. */
    public ExternalPostgres standby() {
        Path base = tempDir("marquee-pg-standby");
        Path data = base.resolve("data");
        run(
                Map.of("PGPASSWORD", SUPERUSER_PASSWORD),
                "pg_basebackup",
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-U",
                "postgres",
                "-D",
                data.toString(),
                "-R",
                // an immediate checkpoint: the default spreads it over minutes
                "--checkpoint=fast",
                "-X",
                "stream",
                "--no-sync");
        ExternalPostgres standby = new ExternalPostgres(data, freePort());
        standby.configure();
        standby.startAgain();
        return standby;
    }

    /** Makes a standby the primary. */
    public void promote() {
        run("pg_ctl", "-D", dataDir.toString(), "-w", "promote");
    }

    /** Runs statements as the superuser, over TCP with a password. */
    public void superuser(SqlWork work) {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", SUPERUSER_PASSWORD);
                Statement statement = connection.createStatement()) {
            work.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL on the test cluster failed: " + e.getMessage(), e);
        }
    }

    /** Statements run by {@link #superuser}. */
    @FunctionalInterface
    public interface SqlWork {
        void run(Statement statement) throws SQLException;
    }

    @Override
    public void close() {
        try {
            run("pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "-w", "stop");
        } catch (IllegalStateException e) {
            // already stopped
        }
        delete(dataDir.getParent());
    }

    private static void run(String command, String... args) {
        run(Map.of(), command, args);
    }

    private static void run(Map<String, String> env, String command, String... args) {
        List<String> line = new ArrayList<>();
        if (ROOT) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        if (!env.isEmpty()) {
            line.add("env");
            env.forEach((k, v) -> line.add(k + "=" + v));
        }
        line.add(BIN.resolve(command).toString());
        line.addAll(Arrays.asList(args));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A temporary folder that the postgres OS user owns (as root) or this user owns. */
    private static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            own(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void own(Path path) throws IOException {
        if (ROOT) {
            UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(path, users.lookupPrincipalByName("postgres"));
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
