package org.marquee.server.live.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL notification channel between server instances: {@code marquee_seats} (changed showtimes) unless another
 * is named, such as {@code marquee_tokens} (revoked and replaced tokens). {@link #notify} sends changed showtime ids on
 * a short transaction of its own; the listener thread holds one dedicated connection (not from the pool, which it would
 * occupy for ever) doing {@code LISTEN}, and reconnects with backoff when that connection drops.
 */
public final class NotificationChannel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotificationChannel.class);
    static final String CHANNEL = "marquee_seats";
    private static final java.util.regex.Pattern CHANNEL_NAME = java.util.regex.Pattern.compile("[a-z_]{1,40}");
    /** PostgreSQL refuses payloads of 8000 bytes or more. */
    static final int MAX_PAYLOAD = 7900;

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /**
     * A connection that only waits for notifications never notices a network that went silent (TCP keepalive takes
     * hours): a tiny query this often does, within the socket timeout, so the listener reconnects and reloads.
     */
    private static final Duration PING = Duration.ofSeconds(2);

    private final String channel;
    /** What its log lines start with: {@code seat} for {@code marquee_seats}, {@code token} for {@code marquee_tokens}. */
    private final String label;

    /**
     * How long a backend this instance notified from counts as its own: long enough for its notification to come back,
     * too short for PostgreSQL to hand the same process id to another instance's connection.
     */
    private static final Duration OWN_PID_MEMORY = Duration.ofSeconds(30);

    private final Jdbi jdbi;
    private final Supplier<Connection> connect;
    /** Backend process ids this instance sent notifications from, with the time (nanoTime) of the latest. */
    private final java.util.Map<Integer, Long> notifiedFrom = new java.util.concurrent.ConcurrentHashMap<>();

    private volatile boolean closed;
    private volatile Connection listening;

    private Thread listener;

    /** {@code connect} opens a new dedicated connection to the same database as {@code jdbi}. */
    public NotificationChannel(Jdbi jdbi, Supplier<Connection> connect) {
        this(CHANNEL, jdbi, connect);
    }

    /** The channel {@code channel} (lower-case letters and underscores: it is written into {@code LISTEN}). */
    public NotificationChannel(String channel, Jdbi jdbi, Supplier<Connection> connect) {
        if (!CHANNEL_NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
        this.channel = channel;
        this.label = channel.replaceFirst("^marquee_", "").replaceFirst("s$", "");
        this.jdbi = jdbi;
        this.connect = connect;
    }

    /**
     * A notification as the listener read it: its payload, and whether this instance sent it with {@link #notify} (its
     * sending backend is one this instance notified from lately).
     */
    public record Notification(String payload, boolean fromHere) {}

    /** Tells every instance (this one included) that these showtimes changed: one NOTIFY per 8 kB of ids. */
    public void notify(List<Long> showtimeIds) {
        List<String> payloads = payloads(showtimeIds);
        jdbi.useTransaction(handle -> {
            for (String payload : payloads) {
                int pid = handle.createQuery("select pg_backend_pid() from (select pg_notify(:channel, :payload)) n")
                        .bind("channel", channel)
                        .bind("payload", payload)
                        .mapTo(Integer.class)
                        .one();
                long now = System.nanoTime();
                notifiedFrom.put(pid, now);
                // connections the pool replaced: a handful of entries at most
                notifiedFrom.values().removeIf(at -> now - at > OWN_PID_MEMORY.toNanos());
            }
        });
    }

    /** True when this instance sent a {@link #notify} from backend {@code pid} within {@link #OWN_PID_MEMORY}. */
    private boolean notifiedFromHere(int pid) {
        Long at = notifiedFrom.get(pid);
        return at != null && System.nanoTime() - at <= OWN_PID_MEMORY.toNanos();
    }

    /** Sends one payload on this channel at once, on a short transaction of its own. */
    public void send(String payload) {
        jdbi.useTransaction(handle -> handle.createQuery("select pg_notify(:channel, :payload)")
                .bind("channel", channel)
                .bind("payload", payload)
                .mapTo(String.class)
                .findOne());
    }

    static List<String> payloads(List<Long> showtimeIds) {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder();
        for (long id : showtimeIds) {
            String next = Long.toString(id);
            if (!payload.isEmpty() && payload.length() + 1 + next.length() > MAX_PAYLOAD) {
                payloads.add(payload.toString());
                payload.setLength(0);
            }
            if (!payload.isEmpty()) {
                payload.append(',');
            }
            payload.append(next);
        }
        if (!payload.isEmpty()) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    /**
     * Starts the listener thread: {@code onChanged} gets the showtime ids of each notification; {@code onReconnected}
     * runs after the connection was lost and listening again, since notifications sent in between are gone.
     */
    public synchronized void listen(Consumer<Set<Long>> onChanged, Runnable onReconnected) {
        listenText(payloads -> deliver(payloads, onChanged), () -> {}, onReconnected, () -> {});
    }

    /**
     * Starts the listener thread: {@code onPayloads} gets the payloads of the notifications read together, as sent;
     * {@code onListening} runs each time it listens (the first time too), {@code onReconnected} after that when the
     * connection had been lost, {@code onLost} as soon as it is lost: until it listens again, notifications are missed.
     */
    public synchronized void listenText(
            Consumer<List<String>> onPayloads, Runnable onListening, Runnable onReconnected, Runnable onLost) {
        listenNotifications(
                notifications -> onPayloads.accept(
                        notifications.stream().map(Notification::payload).toList()),
                onListening,
                onReconnected,
                onLost);
    }

    /** As {@link #listenText}, with each payload marked when this instance sent it. */
    public synchronized void listenNotifications(
            Consumer<List<Notification>> onPayloads, Runnable onListening, Runnable onReconnected, Runnable onLost) {
        String name = label + "-change-listener";
        listener = Thread.ofPlatform()
                .name(name)
                .daemon()
                .start(() -> run(onPayloads, onListening, onReconnected, onLost));
    }

    private void run(
            Consumer<List<Notification>> onPayloads, Runnable onListening, Runnable onReconnected, Runnable onLost) {
        long backoff = 100;
        boolean lost = false;
        while (!closed) {
            try (Connection connection = connect.get()) {
                listening = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                log.info("event={}_listener_connected reconnect={}", label, lost);
                backoff = 100;
                onListening.run();
                if (lost) {
                    onReconnected.run();
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                long nextPing = System.nanoTime() + PING.toNanos();
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
                    if (notifications != null && notifications.length > 0) {
                        List<Notification> payloads = new ArrayList<>();
                        for (PGNotification notification : notifications) {
                            payloads.add(new Notification(
                                    notification.getParameter(), notifiedFromHere(notification.getPID())));
                        }
                        try {
                            onPayloads.accept(payloads);
                        } catch (RuntimeException e) {
                            log.warn("event={}_notification_failed reason={}", label, e.toString());
                        }
                    }
                    if (System.nanoTime() - nextPing > 0) {
                        try (Statement ping = connection.createStatement()) {
                            ping.execute("select 1");
                        }
                        nextPing = System.nanoTime() + PING.toNanos();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    break;
                }
                lost = true;
                onLost.run();
                log.warn("event={}_listener_lost reason={} retryMs={}", label, e.toString(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            } finally {
                listening = null;
            }
        }
    }

    private static void deliver(List<String> payloads, Consumer<Set<Long>> onChanged) {
        onChanged.accept(showtimeIds(payloads));
    }

    /** The showtime ids of {@code marquee_seats} payloads as {@link #notify} sends them; malformed parts are skipped. */
    public static Set<Long> showtimeIds(List<String> payloads) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String payload : payloads) {
            for (String part : payload.split(",")) {
                try {
                    ids.add(Long.parseLong(part.strip()));
                } catch (NumberFormatException e) {
                    log.warn("event=seat_notification_ignored reason=malformed");
                }
            }
        }
        return ids;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening; the dedicated connection is closed. */
    @Override
    public void close() {
        closed = true;
        Thread thread;
        synchronized (this) {
            thread = listener;
        }
        if (thread == null) {
            return;
        }
        if (listening == null) {
            // waiting to reconnect; a listening thread notices the flag at its next poll
            thread.interrupt();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
