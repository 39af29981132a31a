package org.marquee.server.seatrules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.marquee.model.Role;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatRestriction;
import org.marquee.model.SeatType;

/**
 * Everything the seat rules of DESIGN §8 need about one showtime: its hall, the theater's single-seat rule and
 * accessible release, its start and its house seats. Pure: the time and whether every other seat is sold are passed
 * in, read by the caller in the transaction that decides.
 */
public record ShowtimeRules(
        Hall hall, SingleSeatRule rule, int accessibleReleaseMinutes, Instant startsAt, HouseSeats house) {

    /** The same rules with the house seats as the deciding transaction read them. */
    public ShowtimeRules withHouse(HouseSeats seen) {
        return new ShowtimeRules(hall, rule, accessibleReleaseMinutes, startsAt, seen);
    }

    public static boolean accessibleType(SeatDefinition seat) {
        return seat.type() == SeatType.WHEELCHAIR || seat.type() == SeatType.COMPANION;
    }

    /** When wheelchair spaces and companion seats go to everyone, unless every other seat is sold before. */
    public Instant accessibleReleasesAt() {
        return startsAt.minus(Duration.ofMinutes(accessibleReleaseMinutes));
    }

    public boolean accessibleReleased(Instant now, boolean othersAllSold) {
        return othersAllSold || !now.isBefore(accessibleReleasesAt());
    }

    public boolean houseReleased(Instant now) {
        return !now.isBefore(house.releasesAt(startsAt));
    }

    /** Why {@code seat} is kept from some callers at {@code now}, or null when anyone may have it. */
    public SeatRestriction restriction(SeatDefinition seat, Instant now, boolean othersAllSold) {
        if (seat.blocked()) {
            return null;
        }
        if (accessibleType(seat) && !accessibleReleased(now, othersAllSold)) {
            return SeatRestriction.ACCESSIBLE;
        }
        if (house.seatIds().contains(seat.id()) && !houseReleased(now)) {
            return SeatRestriction.HOUSE;
        }
        return null;
    }

    /** The next instant after {@code now} at which a restriction ends by itself, or null when none is ahead. */
    public Instant nextRelease(Instant now) {
        Instant next = accessibleReleasesAt().isAfter(now) ? accessibleReleasesAt() : null;
        Instant houseAt = house.releasesAt(startsAt);
        if (!house.seatIds().isEmpty() && houseAt.isAfter(now) && (next == null || houseAt.isBefore(next))) {
            next = houseAt;
        }
        return next;
    }

    /** The latest instant at or before {@code now} at which a restriction ended by itself, or null. */
    public Instant lastRelease(Instant now) {
        Instant last = accessibleReleasesAt().isAfter(now) ? null : accessibleReleasesAt();
        Instant houseAt = house.releasesAt(startsAt);
        if (!house.seatIds().isEmpty() && !houseAt.isAfter(now) && (last == null || houseAt.isAfter(last))) {
            last = houseAt;
        }
        return last;
    }

    /** The seats that are neither wheelchair spaces nor companion seats nor out of service: "every other seat". */
    public List<String> otherSeats() {
        List<String> others = new ArrayList<>();
        for (Hall.Segment segment : hall.segments()) {
            for (SeatDefinition seat : segment.seats()) {
                if (!seat.blocked() && !accessibleType(seat)) {
                    others.add(seat.id());
                }
            }
        }
        return others;
    }

    /** Which seats {@code role} may have at {@code now}, asking {@code accessible} or not. */
    public Predicate<SeatDefinition> eligible(Role role, boolean accessible, Instant now, boolean accessibleReleased) {
        boolean houseKept = role == Role.KIOSK && !houseReleased(now);
        return seat -> !seat.blocked()
                && !(houseKept && house.seatIds().contains(seat.id()))
                && (accessible || accessibleReleased || !accessibleType(seat));
    }

    /**
     * While accessible seats are kept: each companion seat of {@code seats} must sit in one run of wheelchair spaces
     * and companion seats with a wheelchair space of the same hold, at most one companion per wheelchair space. The
     * companion seats that break it, or an empty list.
     */
    public List<String> lonelyCompanions(Collection<String> seats) {
        List<String> lonely = new ArrayList<>();
        for (String id : seats) {
            SeatDefinition seat = hall.seat(id);
            if (seat.type() != SeatType.COMPANION) {
                continue;
            }
            List<SeatDefinition> run = accessibleRun(id);
            long wheelchairs = run.stream()
                    .filter(s -> s.type() == SeatType.WHEELCHAIR && seats.contains(s.id()))
                    .count();
            long companions = run.stream()
                    .filter(s -> s.type() == SeatType.COMPANION && seats.contains(s.id()))
                    .count();
            if (companions > wheelchairs) {
                lonely.add(id);
            }
        }
        return lonely;
    }

    /** The wheelchair spaces and companion seats side by side with {@code seatId}, itself included. */
    private List<SeatDefinition> accessibleRun(String seatId) {
        List<SeatDefinition> seats = hall.segmentOf(seatId).seats();
        int p = hall.positionOf(seatId);
        int from = p;
        while (from > 0 && accessibleType(seats.get(from - 1))) {
            from--;
        }
        int to = p;
        while (to + 1 < seats.size() && accessibleType(seats.get(to + 1))) {
            to++;
        }
        return seats.subList(from, to + 1);
    }
}
