package org.marquee.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One client's persistent HTTP/1.1 connection, as lean as a load generator can be: the generator shares the two cores
 * with the server and PostgreSQL, and java.net.http.HttpClient spent more CPU per request than the server did.
 * Understands Content-Length and chunked bodies; reopens the connection when the server closed it.
 */
final class MiniHttp implements AutoCloseable {

    /** Status, the ETag header if any, the body's length, and the body itself when asked for ({@link #exchange}). */
    record Answer(int status, String etag, int bodyLength, String body) {}

    private final String host;
    private final int port;
    private String authorization;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    MiniHttp(String server, String authorization) {
        URI uri = URI.create(server);
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
        this.authorization = authorization;
    }

    Answer get(String path, String ifNoneMatch) throws IOException {
        return send("GET", path, ifNoneMatch == null ? "" : "If-None-Match: " + ifNoneMatch + "\r\n", null);
    }

    Answer post(String path, String json) throws IOException {
        return send("POST", path, "Content-Type: application/json\r\n", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Any request, keeping the answer's body: {@code headers} are extra header lines, each ending in CRLF; {@code json}
     * may be null.
     */
    Answer exchange(String method, String path, String headers, String json) throws IOException {
        byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
        return send(method, path, (json == null ? "" : "Content-Type: application/json\r\n") + headers, body, true);
    }

    /** From now on, send this {@code Authorization} header (a staff session's token after signing in). */
    void authorization(String value) {
        this.authorization = value;
    }

    private Answer send(String method, String path, String headers, byte[] body) throws IOException {
        return send(method, path, headers, body, false);
    }

    private Answer send(String method, String path, String headers, byte[] body, boolean keepBody) throws IOException {
        for (int attempt = 1; ; attempt++) {
            boolean fresh = socket == null;
            try {
                if (fresh) {
                    open();
                }
                String head = method + " /api/v1" + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                        + "\r\nAuthorization: " + authorization + "\r\n" + headers
                        + (body != null
                                ? "Content-Length: " + body.length + "\r\n"
                                : method.equals("POST") || method.equals("PUT") ? "Content-Length: 0\r\n" : "")
                        + "\r\n";
                // head and body in one write, so in one segment as a browser or terminal sends a small request:
                // two writes on a TCP_NODELAY socket are two segments, and the server reads the body as a second event
                byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
                byte[] request = headBytes;
                if (body != null) {
                    request = Arrays.copyOf(headBytes, headBytes.length + body.length);
                    System.arraycopy(body, 0, request, headBytes.length, body.length);
                }
                out.write(request);
                out.flush();
                return read(keepBody);
            } catch (IOException e) {
                close();
                if (fresh || attempt > 1) {
                    throw e;
                }
            }
        }
    }

    private void open() throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        in = new Buffered(socket.getInputStream());
        out = socket.getOutputStream();
    }

    private Answer read(boolean keepBody) throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        String etag = null;
        int length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Integer.parseInt(value);
                case "transfer-encoding" ->
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "etag" -> etag = value;
                case "connection" -> closes = value.equalsIgnoreCase("close");
                default -> {}
            }
        }
        int total = 0;
        ByteArrayOutputStream kept = keepBody ? new ByteArrayOutputStream(Math.max(length, 256)) : null;
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
                    size > 0;
                    size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                skip(size, kept);
                total += size;
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            skip(length, kept);
            total = length;
        }
        if (closes) {
            close();
        }
        return new Answer(code, etag, total, kept == null ? null : kept.toString(StandardCharsets.UTF_8));
    }

    private void skip(int n, ByteArrayOutputStream kept) throws IOException {
        if (kept != null) {
            byte[] bytes = in.readNBytes(n);
            if (bytes.length < n) {
                throw new EOFException();
            }
            kept.write(bytes);
            return;
        }
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private byte[] lineBuffer = new byte[256];

    private String line() throws IOException {
        int length = 0;
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed");
            }
            if (b != '\r') {
                if (length == lineBuffer.length) {
                    lineBuffer = Arrays.copyOf(lineBuffer, length * 2);
                }
                lineBuffer[length++] = (byte) b;
            }
        }
        return new String(lineBuffer, 0, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * A read buffer without locks: {@link java.io.BufferedInputStream} and {@link ByteArrayOutputStream} take a lock
     * per byte, and the answer's head is read byte by byte. One connection is only ever used by one client thread.
     */
    private static final class Buffered extends InputStream {
        private final InputStream socket;
        private final byte[] buffer = new byte[16_384];
        private int position;
        private int limit;

        Buffered(InputStream socket) {
            this.socket = socket;
        }

        private boolean fill() throws IOException {
            int n = socket.read(buffer, 0, buffer.length);
            if (n <= 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        }

        @Override
        public int read() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return buffer[position++] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position == limit && !fill()) {
                return -1;
            }
            int n = Math.min(length, limit - position);
            System.arraycopy(buffer, position, into, offset, n);
            position += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            if (n <= 0) {
                return 0;
            }
            if (position == limit && !fill()) {
                return 0;
            }
            int skipped = (int) Math.min(n, limit - position);
            position += skipped;
            return skipped;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
    }
}
