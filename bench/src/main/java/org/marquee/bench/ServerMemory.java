package org.marquee.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A server JVM's memory at one moment: RSS and threads from /proc, the heap after a full GC (through jcmd). */
record ServerMemory(long rssKb, long heapKb, long threads) {

    /** Null when no pid was given or the process cannot be read. */
    static ServerMemory of(Long pid) {
        if (pid == null) {
            return null;
        }
        try {
            run("jcmd", pid.toString(), "GC.run");
            long heapKb = 0;
            for (String line : run("jcmd", pid.toString(), "GC.heap_info").split("\n")) {
                // "garbage-first heap   total reserved 24510464K, committed 262144K, used 81234K"
                int used = line.indexOf(" used ");
                if (line.contains("heap") && line.contains("total") && used > 0) {
                    heapKb = Long.parseLong(line.substring(used + 6).replaceAll("[^0-9].*$", ""));
                    break;
                }
            }
            long rss = 0;
            long threads = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return new ServerMemory(rss, heapKb, threads);
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("server memory not read: " + e);
            return null;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
