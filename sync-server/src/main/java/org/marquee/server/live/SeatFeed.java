package org.marquee.server.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.marquee.model.SeatChange;
import org.marquee.model.SeatChanges;
import org.marquee.model.SeatMapVersion;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatView;
import org.marquee.server.seatmap.SeatMapSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One showtime's live events on this instance: the last snapshot it published (version and status per seat), the
 * recent events for clients that resume, and the subscribers. Publishing diffs the current snapshot against the last
 * one, so publishing an unchanged showtime sends nothing. Every method runs under the feed's lock, so each subscriber
 * sees events in version order with nothing lost between its replay and the live ones.
 */
final class SeatFeed {

    private static final Logger log = LoggerFactory.getLogger(SeatFeed.class);

    /** An event and the version it followed, so that a client at {@code from} can be brought forward. */
    private record Entry(long from, SeatChanges changes) {}

    private final long showtimeId;
    private final int historySize;
    private final Deque<Entry> history = new ArrayDeque<>();
    private final Set<SeatEventSink> subscribers = new CopyOnWriteArraySet<>();
    private long version = -1;
    private Map<String, SeatStatus> statuses = Map.of();

    SeatFeed(long showtimeId, int historySize) {
        this.showtimeId = showtimeId;
        this.historySize = historySize;
    }

    /** Brings the feed to {@code snapshot}; when seats changed, records the event and sends it to every subscriber. */
    synchronized void publish(SeatMapSnapshot snapshot) {
        if (snapshot.version() <= version) {
            return;
        }
        Map<String, SeatStatus> now = statusesOf(snapshot);
        if (version < 0) {
            version = snapshot.version();
            statuses = now;
            return;
        }
        List<SeatChange> changes = new ArrayList<>();
        now.forEach((seat, status) -> {
            if (statuses.get(seat) != status) {
                changes.add(new SeatChange(seat, status));
            }
        });
        long from = version;
        version = snapshot.version();
        statuses = now;
        if (changes.isEmpty()) {
            // the version moved without a visible change (a hold taken over, a lapsed hold freed): history stays whole
            // by recording an empty step, so that a client at the old version can still resume
            history.addLast(new Entry(from, new SeatChanges(showtimeId, version, List.of())));
            trim();
            return;
        }
        SeatChanges event = new SeatChanges(showtimeId, version, changes);
        history.addLast(new Entry(from, event));
        trim();
        // one event for all: encoded once, however many subscribers write it
        SeatEvent shared = new SeatEvent("seats", event, version);
        for (SeatEventSink subscriber : subscribers) {
            deliver(subscriber, shared);
        }
    }

    /**
     * Brings the feed to {@code snapshot} and tells every subscriber to {@code reload}: after the cross-instance
     * channel was down, notifications were lost and the diff against what this feed last saw may not be all that
     * happened (DESIGN §10). The step is still recorded, so that a client resuming from before it can catch up.
     */
    synchronized void reload(SeatMapSnapshot snapshot) {
        publish(snapshot);
        reloadAsIs();
    }

    /** Tells every subscriber to {@code reload} without a new snapshot: the database cannot be read yet. */
    synchronized void reloadAsIs() {
        SeatEvent reload = new SeatEvent("reload", new SeatMapVersion(showtimeId, version), version);
        for (SeatEventSink subscriber : subscribers) {
            deliver(subscriber, reload);
        }
    }

    /**
     * Adds a subscriber and brings it up to date: {@code hello} for a new one, nothing for one that is current, the
     * missed events for one whose {@code lastEventId} is still in the history, else {@code reload}.
     */
    synchronized void subscribe(SeatEventSink subscriber, Long lastEventId) {
        if (lastEventId == null) {
            deliver(subscriber, new SeatEvent("hello", new SeatMapVersion(showtimeId, version), version));
        } else if (lastEventId != version) {
            List<Entry> missed = missedSince(lastEventId);
            if (missed == null) {
                deliver(subscriber, new SeatEvent("reload", new SeatMapVersion(showtimeId, version), version));
            } else {
                for (Entry entry : missed) {
                    if (!entry.changes().changes().isEmpty()) {
                        deliver(
                                subscriber,
                                new SeatEvent(
                                        "seats",
                                        entry.changes(),
                                        entry.changes().version()));
                    }
                }
            }
        }
        subscribers.add(subscriber);
    }

    /** Removes the subscriber; true when none is left. */
    synchronized boolean unsubscribe(SeatEventSink subscriber) {
        subscribers.remove(subscriber);
        return subscribers.isEmpty();
    }

    synchronized boolean idle() {
        return subscribers.isEmpty();
    }

    synchronized long version() {
        return version;
    }

    /** The events after {@code since}, oldest first, or null when the history no longer reaches back that far. */
    private List<Entry> missedSince(long since) {
        List<Entry> missed = null;
        for (Entry entry : history) {
            if (missed == null && entry.from() == since) {
                missed = new ArrayList<>();
            }
            if (missed != null) {
                missed.add(entry);
            }
        }
        return missed;
    }

    private void trim() {
        while (history.size() > historySize) {
            history.removeFirst();
        }
    }

    private void deliver(SeatEventSink subscriber, SeatEvent event) {
        try {
            subscriber.send(event);
        } catch (RuntimeException e) {
            subscribers.remove(subscriber);
            log.debug("event=seat_subscriber_dropped showtime={} reason={}", showtimeId, e.toString());
        }
    }

    private static Map<String, SeatStatus> statusesOf(SeatMapSnapshot snapshot) {
        List<SeatView> seats = snapshot.seatMap().seats();
        Map<String, SeatStatus> map = new HashMap<>(seats.size() * 2);
        for (SeatView seat : seats) {
            map.put(seat.id(), seat.status());
        }
        return map;
    }
}
