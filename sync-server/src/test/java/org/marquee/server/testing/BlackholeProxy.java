package org.marquee.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy between the server and PostgreSQL that can make the network go silent the way a dead switch, a
 * stateful firewall or a VM migration does: {@link #blackhole} stops every open connection from carrying anything in
 * either direction, with no reset and no close on either side, for ever; connections made during the next {@code
 * window} are accepted and just as silent; later ones pass normally. Neither end ever learns what happened except by
 * its own timeouts.
 */
public final class BlackholeProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private volatile long silentUntilNanos = System.nanoTime();
    private volatile boolean closed;

    private BlackholeProxy(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
        Thread.ofPlatform().daemon().name("blackhole-proxy-accept").start(this::accept);
    }

    /** A proxy on a free local port forwarding to {@code targetPort} on 127.0.0.1. */
    public static BlackholeProxy to(int targetPort) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            return new BlackholeProxy(listener, new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Silences every open connection for good, and new ones for {@code window}. */
    public void blackhole(Duration window) {
        silentUntilNanos = System.nanoTime() + window.toNanos();
        links.forEach(link -> link.silent = true);
    }

    /** Connections carrying bytes now. */
    public long liveLinks() {
        return links.stream().filter(link -> !link.silent && !link.ended).count();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(target, 2_000);
                Link link = new Link(client, server, System.nanoTime() - silentUntilNanos < 0);
                links.add(link);
                Thread.ofPlatform().daemon().start(() -> link.pump(client, server));
                Thread.ofPlatform().daemon().start(() -> link.pump(server, client));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** One proxied connection. While silent it reads and drops what either side sends, so neither sees an error. */
    private static final class Link {
        private final Socket client;
        private final Socket server;
        volatile boolean silent;
        volatile boolean ended;

        Link(Socket client, Socket server, boolean silent) {
            this.client = client;
            this.server = server;
            this.silent = silent;
        }

        void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (!silent) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
                if (!silent) {
                    ended = true;
                    close();
                }
            } catch (IOException e) {
                if (!silent) {
                    ended = true;
                    close();
                }
            }
            // a silent link never passes on a close: the far side must find out by itself
        }

        void close() {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        links.forEach(Link::close);
    }
}
