package org.marquee.server.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.marquee.server.live.persistence.NotificationChannel;
import org.marquee.server.seatmap.SeatMapChanges;
import org.marquee.server.seatmap.SeatMapSnapshot;
import org.marquee.server.seatmap.SnapshotTrust;

/**
 * Live seat events of this instance wired together: changes reported here are coalesced, published to this instance's
 * subscribers and sent to the other instances; changes the other instances send are published here. Every change
 * seen, local or notified, also tells the seat maps' {@link SnapshotTrust} at once, and the listener's heartbeat tells
 * it whether notifications arrive on time (decision 0029). Created before the seat-map service (which reports lazy
 * frees to it) and {@link #start started} with it.
 */
public final class LiveSeats implements SeatMapChanges, AutoCloseable {

    /** How long changes are collected before they are published and sent as one notification. */
    public static final Duration COALESCE = Duration.ofMillis(100);

    private final NotificationChannel channel;
    private final ChangeCoalescer coalescer;
    private final SnapshotTrust trust;
    private final ListenerHeartbeat heartbeat;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("seat-listener-heartbeat").daemon().factory());
    private volatile SeatFeeds feeds;

    public LiveSeats(NotificationChannel channel) {
        this(channel, new SnapshotTrust());
    }

    /** {@code trust} is told of every change seen and of the listener's health. */
    public LiveSeats(NotificationChannel channel, SnapshotTrust trust) {
        this.channel = channel;
        this.trust = trust;
        this.coalescer = new ChangeCoalescer(COALESCE, this::publishHere, channel::notify);
        this.heartbeat = new ListenerHeartbeat(channel::send);
        trust.listening(heartbeat);
    }

    /** Starts listening to the other instances; {@code current} gives a showtime's current seat-map snapshot. */
    public SeatFeeds start(LongFunction<SeatMapSnapshot> current) {
        SeatFeeds started = new SeatFeeds(current);
        feeds = started;
        channel.listenNotifications(
                this::received,
                () -> {
                    // snapshots read before this connection listened may have missed notifications
                    trust.allChanged();
                    heartbeat.listening();
                },
                // notifications sent while the listener was away are lost: every watched showtime may have changed,
                // and its subscribers are told to reload (DESIGN §10)
                started::reloadAll,
                () -> {
                    heartbeat.lost();
                    trust.allChanged();
                });
        long every = ListenerHeartbeat.EVERY.toMillis();
        beats.scheduleWithFixedDelay(heartbeat::beat, 0, every, TimeUnit.MILLISECONDS);
        return started;
    }

    @Override
    public void changed(long showtimeId) {
        // before the answer of the request that made the change: this instance's next read sees it
        trust.changed(showtimeId);
        coalescer.changed(showtimeId);
    }

    private void received(List<NotificationChannel.Notification> notifications) {
        List<String> changes = new ArrayList<>(notifications.size());
        List<String> fromOthers = new ArrayList<>(notifications.size());
        for (NotificationChannel.Notification notification : notifications) {
            if (!heartbeat.received(notification.payload())) {
                changes.add(notification.payload());
                if (!notification.fromHere()) {
                    fromOthers.add(notification.payload());
                }
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        // this instance's own changes told its trust at commit (changed); their echo says nothing new, and would only
        // untrust the snapshots read since (decision 0030)
        for (long id : NotificationChannel.showtimeIds(fromOthers)) {
            trust.changed(id);
        }
        publishHere(NotificationChannel.showtimeIds(changes));
    }

    private void publishHere(Collection<Long> showtimeIds) {
        SeatFeeds started = feeds;
        if (started != null) {
            started.publish(showtimeIds);
        }
    }

    @Override
    public void close() {
        beats.shutdownNow();
        try {
            coalescer.close();
        } finally {
            channel.close();
        }
    }
}
