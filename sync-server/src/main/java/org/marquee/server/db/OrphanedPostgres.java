package org.marquee.server.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops an embedded PostgreSQL that outlived its server: after a {@code kill -9} of the JVM the postmaster
 * is re-parented to PID 1 and keeps the data directory locked, so every later start on it would wait for a lock it
 * never gets. Only a postgres whose working directory is that very data directory is ever stopped (PostgreSQL
 * changes into its data directory at start); any other process named in a stale {@code postmaster.pid} is left
 * alone.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);

    private static final Duration GRACEFUL = Duration.ofSeconds(15);
    private static final Duration FORCED = Duration.ofSeconds(5);

    private OrphanedPostgres() {}

    /** Stops the postgres left running on {@code pgData}, if there is one; returns true when it stopped one. */
    static boolean stopIfRunning(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return false;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("event=embedded_postgres_pidfile_unreadable dataDir={} reason={}", pgData, e.toString());
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().strip());
        } catch (RuntimeException e) {
            return false; // PostgreSQL deals with a broken lock file itself
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false; // stale: the postgres is gone, and PostgreSQL removes the file at its next start
        }
        if (!isPostgresOf(process.get(), pgData)) {
            log.warn("event=embedded_postgres_pid_not_ours dataDir={} pid={} action=left_alone", pgData, pid);
            return false;
        }
        String port = lines.size() > 3 ? lines.get(3).strip() : "?";
        log.warn("event=embedded_postgres_orphan_found dataDir={} pid={} port={} action=stopping", pgData, pid, port);
        stop(process.get());
        return true;
    }

    /** True when the process runs a {@code postgres} binary inside {@code pgData}. */
    static boolean isPostgresOf(ProcessHandle process, Path pgData) {
        String command = process.info().command().orElse("");
        if (!Path.of(command).getFileName().toString().equals("postgres")) {
            return false;
        }
        try {
            Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"));
            return cwd.equals(pgData.toRealPath());
        } catch (IOException | UnsupportedOperationException e) {
            // no /proc (not Linux) or not ours to read: fall back to the command line naming the directory
            return process.info().commandLine().orElse("").contains(pgData.toString());
        }
    }

    private static void stop(ProcessHandle postmaster) {
        List<ProcessHandle> children = postmaster.children().toList();
        // SIGINT is PostgreSQL's fast shutdown: sessions end, a checkpoint is written (pg_ctl -m fast sends the same,
        // but refuses to run as root); SIGTERM, a smart shutdown, is the fallback: the server whose sessions it would
        // wait for is dead
        if (!signal("INT", postmaster.pid())) {
            postmaster.destroy();
        }
        if (waitFor(postmaster, GRACEFUL)) {
            log.info("event=embedded_postgres_orphan_stopped pid={} how=shutdown", postmaster.pid());
            return;
        }
        postmaster.destroyForcibly();
        // its backends would otherwise keep the shared memory that a new postmaster refuses to share
        children.forEach(ProcessHandle::destroyForcibly);
        waitFor(postmaster, FORCED);
        log.warn("event=embedded_postgres_orphan_stopped pid={} how=sigkill", postmaster.pid());
    }

    private static boolean waitFor(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static boolean signal(String signal, long pid) {
        try {
            Process process = new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
