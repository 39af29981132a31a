package org.marquee.server.live;

import java.time.Duration;
import java.util.Collection;
import java.util.function.LongFunction;
import org.marquee.server.live.persistence.NotificationChannel;
import org.marquee.server.seatmap.SeatMapChanges;
import org.marquee.server.seatmap.SeatMapSnapshot;

/**
 * Live seat events of this instance wired together: changes reported here are coalesced, published to this instance's
 * subscribers and sent to the other instances; changes the other instances send are published here. Created before
 * the seat-map service (which reports lazy frees to it) and {@link #start started} with it.
 */
public final class LiveSeats implements SeatMapChanges, AutoCloseable {

    /** How long changes are collected before they are published and sent as one notification. */
    public static final Duration COALESCE = Duration.ofMillis(100);

    private final NotificationChannel channel;
    private final ChangeCoalescer coalescer;
    private volatile SeatFeeds feeds;

    public LiveSeats(NotificationChannel channel) {
        this.channel = channel;
        this.coalescer = new ChangeCoalescer(COALESCE, this::publishHere, channel::notify);
    }

    /** Starts listening to the other instances; {@code current} gives a showtime's current seat-map snapshot. */
    public SeatFeeds start(LongFunction<SeatMapSnapshot> current) {
        SeatFeeds started = new SeatFeeds(current);
        feeds = started;
        // notifications sent while the listener was away are lost: every watched showtime may have changed, and its
        // subscribers are told to reload (DESIGN §10)
        channel.listen(this::publishHere, started::reloadAll);
        return started;
    }

    @Override
    public void changed(long showtimeId) {
        coalescer.changed(showtimeId);
    }

    private void publishHere(Collection<Long> showtimeIds) {
        SeatFeeds started = feeds;
        if (started != null) {
            started.publish(showtimeIds);
        }
    }

    @Override
    public void close() {
        try {
            coalescer.close();
        } finally {
            channel.close();
        }
    }
}
