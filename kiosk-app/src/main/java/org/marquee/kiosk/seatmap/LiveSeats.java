package org.marquee.kiosk.seatmap;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.marquee.kiosk.client.SeatEvents;
import org.marquee.kiosk.client.SeatFeed;
import org.marquee.kiosk.core.UiThread;
import org.marquee.model.SeatChanges;
import org.marquee.model.SeatMapVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seat map's live feed while it is shown: one subscription at a time, its events handed to the view-model on the
 * UI thread, and those of a subscription already given up dropped. Keeps, too, the seats someone else has just taken,
 * for {@link #JUST_TAKEN}, so the map can draw them with a brief highlight.
 */
final class LiveSeats implements AutoCloseable {

    /** How long a seat someone else just took stays highlighted. */
    static final Duration JUST_TAKEN = Duration.ofSeconds(3);

    /** What the view-model does with the events, on the UI thread. */
    record Handlers(
            Consumer<SeatChanges> seats,
            Consumer<SeatMapVersion> hello,
            Consumer<SeatMapVersion> reload,
            Runnable resumed) {}

    private static final Logger log = LoggerFactory.getLogger(LiveSeats.class);

    private final SeatEvents source;
    private final UiThread ui;
    private final ObservableSet<String> justTaken = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<String> justTakenView = FXCollections.unmodifiableObservableSet(justTaken);
    private final Map<String, Instant> takenAt = new HashMap<>();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);
    private AutoCloseable feed;
    private long showtimeId;
    private long generation;

    LiveSeats(SeatEvents source, UiThread ui) {
        this.source = source;
        this.ui = ui;
    }

    /** Follows {@code showtime}'s events from now on; nothing new when it already does. */
    void follow(long showtime, Handlers handlers) {
        if (feed != null && showtime == showtimeId) {
            return;
        }
        close();
        showtimeId = showtime;
        long gen = generation;
        feed = source.open(showtime, new SeatFeed.Listener() {
            @Override
            public void hello(SeatMapVersion version) {
                deliver(gen, () -> handlers.hello().accept(version));
            }

            @Override
            public void seats(SeatChanges changes) {
                deliver(gen, () -> handlers.seats().accept(changes));
            }

            @Override
            public void reload(SeatMapVersion version) {
                deliver(gen, () -> handlers.reload().accept(version));
            }

            @Override
            public void disconnected(String reason) {
                // the feed opens itself again and resumes where it was; the map stays as it is meanwhile, marked
                deliver(gen, () -> paused.set(true));
            }

            @Override
            public void connected() {
                deliver(gen, () -> {
                    if (paused.get()) {
                        paused.set(false);
                        handlers.resumed().run();
                    }
                });
            }
        });
    }

    /** Marks {@code seatId} as just taken by someone else, from {@code now}. */
    void taken(String seatId, Instant now) {
        takenAt.put(seatId, now);
        justTaken.add(seatId);
    }

    /** Forgets the seats taken longer than {@link #JUST_TAKEN} before {@code now}. */
    void expire(Instant now) {
        if (takenAt.isEmpty()) {
            return;
        }
        takenAt.entrySet().removeIf(entry -> !now.isBefore(entry.getValue().plus(JUST_TAKEN)));
        justTaken.retainAll(takenAt.keySet());
    }

    /** True while the stream is down: the map shown may be out of date ("live updates paused"). */
    ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    ObservableSet<String> justTaken() {
        return justTakenView;
    }

    /** Stops following: the feed is closed and events still on their way are dropped. */
    @Override
    public void close() {
        generation++;
        paused.set(false);
        takenAt.clear();
        justTaken.clear();
        AutoCloseable open = feed;
        feed = null;
        showtimeId = 0;
        if (open != null) {
            try {
                open.close();
            } catch (Exception e) {
                log.warn("event=seat_feed_close_failed reason={}", e.getMessage());
            }
        }
    }

    private void deliver(long gen, Runnable event) {
        ui.run(() -> {
            if (gen == generation) {
                event.run();
            }
        });
    }
}
