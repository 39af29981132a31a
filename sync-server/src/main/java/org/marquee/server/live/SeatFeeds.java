package org.marquee.server.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.marquee.server.seatmap.SeatMapSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live seat-map feeds of this instance, one per showtime that has subscribers. A showtime without subscribers has
 * no feed: nothing reloads its snapshot, and its last published state is forgotten rather than left to go stale.
 */
public final class SeatFeeds {

    private static final Logger log = LoggerFactory.getLogger(SeatFeeds.class);

    /** Events kept per showtime for clients that resume with {@code Last-Event-ID}. */
    public static final int HISTORY = 500;

    private static final int RELOAD_ATTEMPTS = 10;
    private static final long RELOAD_PAUSE_MILLIS = 500;

    /** An open subscription; closing it removes the subscriber. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final LongFunction<SeatMapSnapshot> current;
    private final int historySize;
    private final Map<Long, SeatFeed> feeds = new ConcurrentHashMap<>();

    /** {@code current} gives a showtime's current snapshot (SeatMapService::current). */
    public SeatFeeds(LongFunction<SeatMapSnapshot> current) {
        this(current, HISTORY);
    }

    public SeatFeeds(LongFunction<SeatMapSnapshot> current, int historySize) {
        this.current = current;
        this.historySize = historySize;
    }

    /**
     * Subscribes {@code sink} to the showtime's events, first bringing the feed to the current snapshot. {@code
     * lastEventId} is the last event id the subscriber saw, or null for a new one.
     */
    public Subscription subscribe(long showtimeId, Long lastEventId, SeatEventSink sink) {
        SeatMapSnapshot snapshot = current.apply(showtimeId);
        SeatFeed feed;
        while (true) {
            feed = feeds.computeIfAbsent(showtimeId, id -> new SeatFeed(id, historySize));
            synchronized (feed) {
                // a feed just dropped for having no subscribers must not get one: take (or make) the live one
                if (feeds.get(showtimeId) != feed) {
                    continue;
                }
                feed.publish(snapshot);
                feed.subscribe(sink, lastEventId);
                break;
            }
        }
        SeatFeed subscribed = feed;
        return () -> {
            synchronized (subscribed) {
                if (subscribed.unsubscribe(sink)) {
                    feeds.remove(showtimeId, subscribed);
                }
            }
        };
    }

    /** Publishes what changed in each of these showtimes; showtimes without subscribers here are skipped. */
    public void publish(Collection<Long> showtimeIds) {
        for (long showtimeId : showtimeIds) {
            SeatFeed feed = feeds.get(showtimeId);
            if (feed == null) {
                continue;
            }
            try {
                SeatMapSnapshot snapshot = current.apply(showtimeId);
                synchronized (feed) {
                    if (feed.idle()) {
                        feeds.remove(showtimeId, feed);
                    } else {
                        feed.publish(snapshot);
                    }
                }
            } catch (RuntimeException e) {
                log.warn("event=seat_publish_failed showtime={} reason={}", showtimeId, e.toString());
            }
        }
    }

    /**
     * Tells every subscriber here to reload its seat map, each feed first brought to the current snapshot: after the
     * cross-instance channel was lost, the notifications sent meanwhile are gone. The channel is often back before the
     * pool is (PostgreSQL still starting), so a snapshot that cannot be read yet is tried again for a few seconds;
     * then the subscribers are told to reload anyway, from the server's seat map.
     */
    public void reloadAll() {
        List<Long> pending = new ArrayList<>(feeds.keySet());
        for (int attempt = 1; !pending.isEmpty() && attempt <= RELOAD_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                try {
                    Thread.sleep(RELOAD_PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            pending.removeIf(this::reload);
        }
        for (long showtimeId : pending) {
            SeatFeed feed = feeds.get(showtimeId);
            if (feed != null) {
                synchronized (feed) {
                    feed.reloadAsIs();
                }
            }
        }
        log.info("event=seat_feeds_reloaded showtimes={} withoutSnapshot={}", feeds.size(), pending.size());
    }

    /** Reloads one feed from its current snapshot; false when the snapshot could not be read. */
    private boolean reload(long showtimeId) {
        SeatFeed feed = feeds.get(showtimeId);
        if (feed == null) {
            return true;
        }
        try {
            SeatMapSnapshot snapshot = current.apply(showtimeId);
            synchronized (feed) {
                feed.reload(snapshot);
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("event=seat_reload_failed showtime={} reason={}", showtimeId, e.toString());
            return false;
        }
    }
}
