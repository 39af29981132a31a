package org.marquee.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.marquee.server.web.Json;

/**
 * HTTP over a plain socket, for requests no HTTP client library will send: bad escapes, unknown methods, a body that
 * stops short of its Content-Length. The connection stays open after sending, as a slow or broken client's would.
 */
public final class RawHttp {

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** An answer as read off the wire: status, headers (names in lower case), body, and how long it took. */
    public record Reply(int status, Map<String, String> headers, String body, Duration took) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }
    }

    /** Sends the request head (CRLF line ends added) and then {@code body}, and reads one answer. */
    public Reply send(String head, String body) {
        byte[] request = (head.replace("\n", "\r\n") + "\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1);
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            String raw = readAnswer(socket.getInputStream());
            return parse(raw, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET of {@code target} (sent as is, not encoded) with a kiosk token. */
    public Reply get(String target, String... extraHeaderLines) {
        StringBuilder head = new StringBuilder("GET " + target + " HTTP/1.1\nHost: localhost\n"
                + "Authorization: Bearer demo-kiosk-1\nConnection: close");
        for (String line : extraHeaderLines) {
            head.append('\n').append(line);
        }
        return send(head.toString(), "");
    }

    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (complete(out.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // whatever arrived before the server closed or went quiet is the answer
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** True once the head and a Content-Length's worth of body have arrived (an answer without one ends at EOF). */
    private static boolean complete(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : raw.substring(0, end).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                int length = Integer.parseInt(line.substring(15).strip());
                return raw.getBytes(StandardCharsets.UTF_8).length >= end + 4 + length;
            }
        }
        return false;
    }

    private static Reply parse(String raw, Duration took) {
        if (raw.isEmpty()) {
            return new Reply(0, Map.of(), "", took);
        }
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Reply(status, headers, body, took);
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int lineEnd = body.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
