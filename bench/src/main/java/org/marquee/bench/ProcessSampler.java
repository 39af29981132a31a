package org.marquee.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the server JVM's resources from {@code /proc} (RSS, threads, open file descriptors, CPU time, and the
 * machine's load average) and its database's connections by state from {@code pg_stat_activity}, on a JDBC connection
 * of its own.
 */
final class ProcessSampler implements AutoCloseable {

    /** What one reading found: RSS in kB, CPU seconds so far, database connections (all and by state). */
    record Reading(
            long rssKb,
            long threads,
            long fds,
            long dbConnections,
            Map<String, Long> dbByState,
            double serverCpuSeconds,
            double loadAverage) {}

    private final long pid;
    private final Connection db;

    private ProcessSampler(long pid, Connection db) {
        this.pid = pid;
        this.db = db;
    }

    /** A sampler of process {@code pid} and of the database of {@code target}. */
    static ProcessSampler connect(long pid, Target target) throws SQLException {
        return new ProcessSampler(pid, DriverManager.getConnection(target.jdbc, target.dbUser, target.dbPassword));
    }

    Reading read() throws IOException, SQLException {
        long rss = -1;
        long threads = -1;
        Path proc = Path.of("/proc/" + pid);
        if (!Files.exists(proc)) {
            throw new IllegalStateException("the server process " + pid + " is gone");
        }
        for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        long fds;
        try (Stream<Path> list = Files.list(proc.resolve("fd"))) {
            fds = list.count();
        }
        // utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks (100 a second on Linux)
        String stat = Files.readString(proc.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        double load =
                Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        Map<String, Long> byState = new TreeMap<>();
        long connections = 0;
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select coalesce(state, 'none'), count(*) from pg_stat_activity"
                        + " where datname = current_database() and pid <> pg_backend_pid() group by 1")) {
            while (rs.next()) {
                byState.put(rs.getString(1), rs.getLong(2));
                connections += rs.getLong(2);
            }
        }
        return new Reading(rss, threads, fds, connections, byState, cpu, load);
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }

    /** The server JVM: a java process whose command line names the sync server and the {@code server} URL's port. */
    static long findServerPid(String server) throws IOException {
        int port = URI.create(server).getPort();
        List<Long> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String[] args;
                try {
                    args = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).split("\0");
                } catch (IOException e) {
                    continue;
                }
                if (args.length == 0
                        || !args[0].endsWith("java")
                        || !String.join(" ", args).contains("marquee-sync-server")) {
                    continue;
                }
                String portArg = null;
                for (int i = 0; i < args.length; i++) {
                    if (args[i].equals("--port") && i + 1 < args.length) {
                        portArg = args[i + 1];
                    } else if (args[i].startsWith("--port=")) {
                        portArg = args[i].substring(7);
                    }
                }
                if (String.valueOf(port).equals(portArg) || (portArg == null && port == 8080)) {
                    found.add(Long.parseLong(name));
                }
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException("found server JVMs " + found + " for port " + port + "; pass --server-pid");
        }
        return found.getFirst();
    }
}
