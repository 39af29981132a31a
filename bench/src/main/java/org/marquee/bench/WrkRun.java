package org.marquee.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP phase run by wrk (Debian's {@code wrk}, C and epoll) instead of the generator's own clients: on a 2-core
 * machine the generator's threads take nearly a core from the server they measure, and wrk takes far less. Requests
 * cycle through the clients' terminal tokens, as the generator's own clients do; {@code If-None-Match} is sent when a
 * version is given.
 */
final class WrkRun {

    /** What wrk counted: requests in the measured run and its warm-up, answers outside 2xx/3xx, and latencies. */
    record Result(double perSecond, long requests, long warmupRequests, long errors, String latencies) {}

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|90|99)%\\s+(\\S+)$", Pattern.MULTILINE);

    private WrkRun() {}

    /** True when {@code wrk} can be run here ({@code apt-get install wrk}). */
    static boolean available() {
        try {
            Process probe = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            probe.waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Result run(String url, int clients, int warmup, int seconds, String version) throws Exception {
        Path script = Files.createTempFile("marquee-wrk", ".lua");
        try {
            Files.writeString(script, script(clients, version), StandardCharsets.UTF_8);
            long warmupRequests = 0;
            if (warmup > 0) {
                warmupRequests = count(TOTAL, wrk(url, clients, warmup, script));
            }
            String out = wrk(url, clients, seconds, script);
            Matcher rate = RATE.matcher(out);
            if (!rate.find()) {
                throw new IllegalStateException("wrk printed no rate:\n" + out);
            }
            long errors = count(ERRORS, out);
            Matcher socket = SOCKET_ERRORS.matcher(out);
            if (socket.find()) {
                for (int g = 1; g <= 4; g++) {
                    errors += Long.parseLong(socket.group(g));
                }
            }
            List<String> percentiles = new ArrayList<>();
            Matcher p = PERCENTILE.matcher(out);
            while (p.find()) {
                percentiles.add("p" + p.group(1) + " " + p.group(2));
            }
            return new Result(
                    Double.parseDouble(rate.group(1)),
                    count(TOTAL, out),
                    warmupRequests,
                    errors,
                    String.join(", ", percentiles));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** Each wrk thread walks the tokens from its own start, so all {@code clients} terminals are used. */
    static String script(int clients, String version) {
        StringBuilder lua = new StringBuilder();
        lua.append("local tokens = {");
        for (int client = 0; client < clients; client++) {
            lua.append(client == 0 ? "" : ", ")
                    .append('"')
                    .append(Target.token(client))
                    .append('"');
        }
        lua.append("}\n");
        lua.append("local n = 0\n");
        lua.append("request = function()\n");
        lua.append("  n = n + 1\n");
        lua.append("  local headers = { [\"Authorization\"] = tokens[(n % #tokens) + 1] }\n");
        if (version != null) {
            lua.append("  headers[\"If-None-Match\"] = '")
                    .append(version.replace("'", ""))
                    .append("'\n");
        }
        lua.append("  return wrk.format(\"GET\", nil, headers)\n");
        lua.append("end\n");
        return lua.toString();
    }

    private static String wrk(String url, int clients, int seconds, Path script) throws Exception {
        Process wrk = new ProcessBuilder(
                        "wrk",
                        "-t" + Math.min(2, clients),
                        "-c" + clients,
                        "-d" + seconds + "s",
                        "--latency",
                        "-s",
                        script.toString(),
                        url)
                .redirectErrorStream(true)
                .start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        return out;
    }

    private static long count(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
