package org.marquee.kiosk.testing;

import static org.marquee.kiosk.testing.Refusals.refused;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.marquee.kiosk.client.SeatFeed;
import org.marquee.model.ErrorCode;
import org.marquee.model.SeatChange;
import org.marquee.model.SeatChanges;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatLayout;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatRestriction;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatView;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.ShowtimeListing.AuditoriumRef;
import org.marquee.model.ShowtimeListing.MovieRef;
import org.marquee.model.ShowtimeStatus;

/**
 * The fake box office's showtimes, their seats with a version, and the live listeners told of every seat change.
 * Not thread-safe by itself: every call is made holding the {@link FakeBoxOffice}'s lock.
 */
final class ShowtimeSeats {

    record Showtime(ShowtimeListing listing, Map<String, SeatView> seats, long[] version) {}

    private final AtomicLong ids;
    private final Map<Long, Showtime> showtimes = new LinkedHashMap<>();
    private final Map<Long, List<SeatFeed.Listener>> listeners = new HashMap<>();

    /** @param ids the box office's id sequence, shared with its booking codes */
    ShowtimeSeats(AtomicLong ids) {
        this.ids = ids;
    }

    /** A showtime on sale of {@code movie} in {@code room} laid out as {@code layout}, starting at {@code startsAt}. */
    ShowtimeListing add(MovieRef movie, AuditoriumRef room, Instant startsAt, String format, List<String> layout) {
        long id = ids.incrementAndGet();
        Map<String, SeatView> seats = new LinkedHashMap<>();
        for (SeatDefinition seat : SeatLayout.parse(layout).seats()) {
            seats.put(
                    seat.id(),
                    new SeatView(
                            seat.id(),
                            seat.row(),
                            seat.number(),
                            seat.x(),
                            seat.y(),
                            seat.type(),
                            seat.blocked() ? SeatStatus.BLOCKED : SeatStatus.AVAILABLE));
        }
        var listing = new ShowtimeListing(
                id, movie, room, startsAt, format, ShowtimeStatus.ON_SALE, seats.size(), seats.size());
        showtimes.put(id, new Showtime(listing, seats, new long[] {1}));
        return listing;
    }

    /** The showtime as a listing shows it now: its seats left are those not held, sold or blocked. */
    ShowtimeListing listing(long showtimeId) {
        Showtime showtime = showtime(showtimeId);
        ShowtimeListing made = showtime.listing();
        int left = (int) showtime.seats().values().stream()
                .filter(seat -> seat.status() == SeatStatus.AVAILABLE)
                .count();
        return new ShowtimeListing(
                made.id(),
                made.movie(),
                made.auditorium(),
                made.startsAt(),
                made.format(),
                made.status(),
                left,
                made.seatsTotal());
    }

    /** Every showtime made so far, in the order made. */
    List<ShowtimeListing> listings() {
        return showtimes.values().stream().map(Showtime::listing).toList();
    }

    /** The status of a seat now. */
    SeatStatus status(long showtimeId, String seatId) {
        return showtimes.get(showtimeId).seats().get(seatId).status();
    }

    SeatMap seatMap(long showtimeId) {
        Showtime showtime = showtime(showtimeId);
        return new SeatMap(
                showtimeId, showtime.version()[0], List.copyOf(showtime.seats().values()));
    }

    void listen(long showtimeId, SeatFeed.Listener listener) {
        listeners
                .computeIfAbsent(showtimeId, id -> new CopyOnWriteArrayList<>())
                .add(listener);
    }

    /** The server went away (every stream drops) or came back (every stream opens again). */
    void streams(boolean up) {
        listeners.values().stream().flatMap(List::stream).forEach(listener -> {
            if (up) {
                listener.connected();
            } else {
                listener.disconnected("the server cannot be reached");
            }
        });
    }

    void unlisten(long showtimeId, SeatFeed.Listener listener) {
        listeners.get(showtimeId).remove(listener);
    }

    Showtime showtime(long id) {
        Showtime showtime = showtimes.get(id);
        if (showtime == null) {
            throw refused(404, ErrorCode.NOT_FOUND, "No showtime has this id.", Map.of());
        }
        return showtime;
    }

    /** Takes {@code wanted} for a hold that has {@code own} already: all or nothing, naming the seats others have. */
    void claim(Showtime showtime, List<String> wanted, List<String> own) {
        List<String> taken = wanted.stream()
                .filter(seat -> !own.contains(seat))
                .filter(seat -> {
                    SeatView view = showtime.seats().get(seat);
                    return view == null || view.status() != SeatStatus.AVAILABLE;
                })
                .toList();
        if (!taken.isEmpty()) {
            String seats = String.join(", ", taken);
            throw refused(
                    409,
                    ErrorCode.SEATS_UNAVAILABLE,
                    taken.size() == 1
                            ? "Seat " + seats + " was just taken by someone else. Please choose another."
                            : "Seats " + seats + " were just taken by someone else. Please choose others.",
                    Map.of("seatIds", taken));
        }
        wanted.forEach(seat -> mark(showtime, seat, SeatStatus.HELD));
    }

    /**
     * Keeps {@code seatIds} of a showtime for some callers (DESIGN §8): {@code ACCESSIBLE} for accessible holds only,
     * {@code HOUSE} for the counter (this fake's terminals are kiosks: they never get one); null lets anyone have them.
     */
    void restrict(long showtimeId, List<String> seatIds, SeatRestriction restriction) {
        Showtime showtime = showtime(showtimeId);
        for (String seatId : seatIds) {
            SeatView seat = showtime.seats().get(seatId);
            showtime.seats()
                    .put(
                            seatId,
                            new SeatView(
                                    seat.id(),
                                    seat.row(),
                                    seat.number(),
                                    seat.x(),
                                    seat.y(),
                                    seat.type(),
                                    seat.status(),
                                    restriction));
        }
        showtime.version()[0]++;
    }

    /** Refuses seats kept from this caller, as the server words it: house seats, then accessible ones. */
    void checkRules(Showtime showtime, List<String> wanted, boolean accessible) {
        List<String> house = kept(showtime, wanted, SeatRestriction.HOUSE);
        if (!house.isEmpty()) {
            throw refused(
                    409,
                    ErrorCode.HOUSE_SEATS,
                    "Seats " + String.join(", ", house)
                            + " are kept for the box office. Please ask at the counter, or choose other seats.",
                    Map.of("seatIds", house));
        }
        List<String> reserved = kept(showtime, wanted, SeatRestriction.ACCESSIBLE);
        if (!accessible && !reserved.isEmpty()) {
            throw refused(
                    409,
                    ErrorCode.ACCESSIBLE_SEATS_RESERVED,
                    "Seats " + String.join(", ", reserved)
                            + " are kept for wheelchair users and their companions. Please choose other seats, or ask"
                            + " for accessible seats.",
                    Map.of("seatIds", reserved));
        }
    }

    private static List<String> kept(Showtime showtime, List<String> wanted, SeatRestriction restriction) {
        return wanted.stream()
                .filter(seat -> showtime.seats().containsKey(seat)
                        && showtime.seats().get(seat).restriction() == restriction)
                .toList();
    }

    /** Changes a seat and tells the showtime's live listeners, in order, as the server's stream does. */
    void mark(Showtime showtime, String seatId, SeatStatus status) {
        SeatView seat = showtime.seats().get(seatId);
        showtime.seats()
                .put(
                        seatId,
                        new SeatView(
                                seat.id(),
                                seat.row(),
                                seat.number(),
                                seat.x(),
                                seat.y(),
                                seat.type(),
                                status,
                                seat.restriction()));
        showtime.version()[0]++;
        var event = new SeatChanges(
                showtime.listing().id(), showtime.version()[0], List.of(new SeatChange(seatId, status)));
        listeners.getOrDefault(showtime.listing().id(), List.of()).forEach(listener -> listener.seats(event));
    }
}
