package org.marquee.server.holds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.marquee.model.ErrorCode;
import org.marquee.model.Role;
import org.marquee.model.SeatDefinition;
import org.marquee.server.audit.AuditLog;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;
import org.marquee.server.seatrules.BestAvailable;
import org.marquee.server.seatrules.Gaps;
import org.marquee.server.seatrules.Hall;
import org.marquee.server.seatrules.HouseSeats;
import org.marquee.server.seatrules.ShowtimeRules;
import org.marquee.server.seatrules.SingleSeatRule;

/**
 * The seats a caller asked for, checked against the seat rules of DESIGN §8 in the hold's transaction: house seats,
 * wheelchair spaces and companion seats, and no single seat left alone where a choice without one exists. When the
 * single-seat rule binds the caller, the segments of the asked seats are locked before anything is read, so that two
 * holds closing in on one seat from both sides are decided one after the other and the second sees the first.
 */
public final class AskedSeats implements SeatChoice {

    private final long showtimeId;
    private final ShowtimeRules rules;
    private final Principal caller;
    private final boolean accessible;
    private final boolean override;
    private final AuditLog audit;
    private final List<String> seats;
    private final boolean binds;
    private final boolean kiosk;
    private final boolean accessibleAsked;

    /** {@code seats} sorted, known to the layout and in service. */
    public AskedSeats(
            long showtimeId,
            ShowtimeRules rules,
            Principal caller,
            boolean accessible,
            boolean override,
            AuditLog audit,
            List<String> seats) {
        this.showtimeId = showtimeId;
        this.rules = rules;
        this.caller = caller;
        this.accessible = accessible;
        this.override = override;
        this.audit = audit;
        this.seats = List.copyOf(seats);
        this.binds = rules.rule().binds(caller.role(), override);
        // a kiosk may meet house seats anywhere; anyone may meet wheelchair spaces and companion seats
        this.kiosk = caller.role() == Role.KIOSK;
        this.accessibleAsked = seats.stream()
                .anyMatch(id -> ShowtimeRules.accessibleType(rules.hall().seat(id)));
    }

    @Override
    public boolean choosesSeats() {
        return false;
    }

    @Override
    public Optional<Unread> withoutReading() {
        if (!ruleFree()) {
            return Optional.empty();
        }
        return Optional.of(new Unread(
                seats, kiosk ? Optional.of(rules.startsAt()) : Optional.empty(), AskedSeats::houseSeatsRefusal));
    }

    /** No seat rule binds, is overridden, or guards an asked seat: only house seats may be left to check. */
    private boolean ruleFree() {
        return !binds && !overriding() && !accessibleAsked;
    }

    private boolean overriding() {
        return rules.rule() == SingleSeatRule.ALL && !binds;
    }

    @Override
    public List<String> decide(SeatsSeen seen) {
        boolean overriding = overriding();
        if (seen.deciding() && ruleFree()) {
            if (!kiosk) {
                // nothing to decide but the claim itself, which the claim statement does: no read on the hot path
                return seats;
            }
            Optional<SeatsSeen.Opening> opening = seen.opening();
            if (opening.isPresent()) {
                // only house seats to check, read with the terminal's lock: still no read of the claims
                checkHouseSeats(opening.get().now(), opening.get().house());
                return seats;
            }
        }
        Hall hall = rules.hall();
        if (binds && seen.deciding()) {
            seen.lock(hall.neighbourLocks(seats));
        }
        // the first check reads the whole showtime at once: a refusal for a single seat needs it anyway (is there a
        // choice without one?), and a refusal leaves it for the next refusals from memory (decision 0030); inside the
        // transaction, the seats of the segments it touches: all a single seat could be left alone among
        boolean whole = !seen.deciding();
        SeatsSeen.Seen now = seen.read(
                whole
                        ? List.of()
                        : seats.stream()
                                .map(hall::segmentOf)
                                .distinct()
                                .flatMap(segment -> segment.seats().stream())
                                .map(SeatDefinition::id)
                                .toList());
        List<String> taken = seats.stream().filter(now.taken()::contains).toList();
        if (!taken.isEmpty()) {
            throw new SeatsTaken(taken);
        }
        checkHouseSeats(now.now(), now.house());
        checkAccessible(seen, now);
        if (binds || overriding) {
            checkGaps(seen, now, whole, overriding);
        }
        return seats;
    }

    private void checkHouseSeats(Instant now, HouseSeats houseSeats) {
        if (!kiosk) {
            return;
        }
        if (rules.withHouse(houseSeats).houseReleased(now)) {
            return;
        }
        List<String> house =
                seats.stream().filter(houseSeats.seatIds()::contains).toList();
        if (!house.isEmpty()) {
            throw houseSeatsRefusal(house);
        }
    }

    /** A kiosk's answer for asked seats kept for the box office. */
    private static MarqueeException houseSeatsRefusal(List<String> house) {
        return MarqueeException.refusal(
                ErrorCode.HOUSE_SEATS,
                (house.size() == 1 ? "Seat " + house.getFirst() + " is" : "Seats " + String.join(", ", house) + " are")
                        + " kept for the box office. Please ask at the counter, or choose other seats.",
                Map.of("seatIds", house));
    }

    private void checkAccessible(SeatsSeen seen, SeatsSeen.Seen now) {
        List<String> kept = seats.stream()
                .filter(id -> ShowtimeRules.accessibleType(rules.hall().seat(id)))
                .toList();
        if (kept.isEmpty() || rules.accessibleReleased(now.now(), false) || seen.allSold(rules.otherSeats())) {
            return;
        }
        if (!accessible) {
            throw MarqueeException.refusal(
                    ErrorCode.ACCESSIBLE_SEATS_RESERVED,
                    (kept.size() == 1 ? "Seat " + kept.getFirst() + " is" : "Seats " + String.join(", ", kept) + " are")
                            + " kept for wheelchair users and their companions. Please choose other seats, or ask"
                            + " for accessible seats.",
                    Map.of("seatIds", kept));
        }
        List<String> lonely = rules.lonelyCompanions(seats);
        if (!lonely.isEmpty()) {
            throw MarqueeException.refusal(
                    ErrorCode.ACCESSIBLE_SEATS_RESERVED,
                    "A companion seat goes with the wheelchair space beside it: choose that wheelchair space too for "
                            + String.join(", ", lonely) + ".",
                    Map.of("seatIds", lonely));
        }
    }

    private void checkGaps(SeatsSeen seen, SeatsSeen.Seen now, boolean whole, boolean overriding) {
        List<String> stranded = Gaps.stranded(rules.hall(), now.taken(), seats);
        if (stranded.isEmpty()) {
            return;
        }
        if (overriding) {
            if (seen.deciding()) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("showtimeId", showtimeId);
                details.put("seatIds", seats);
                details.put("stranded", stranded);
                audit.record(caller, "SINGLE_SEAT_GAP_ALLOWED", "SHOWTIME", showtimeId, details);
            }
            return;
        }
        SeatsSeen.Seen all = whole ? now : seen.read(List.of());
        ShowtimeRules seenRules = rules.withHouse(all.house());
        boolean released = seenRules.accessibleReleased(all.now(), false);
        BestAvailable.Ask ask = new BestAvailable.Ask(
                seats.size(),
                seenRules.eligible(caller.role(), accessible, all.now(), released),
                accessible,
                !released);
        if (!BestAvailable.gapFreeBlockExists(seenRules, all.taken(), ask)) {
            return;
        }
        // taken once the hold would be granted, without copying the showtime's taken seats
        Predicate<String> after = id -> now.taken().contains(id) || seats.contains(id);
        throw MarqueeException.refusal(
                ErrorCode.SINGLE_SEAT_GAP, message(stranded, after), Map.of("seatIds", stranded));
    }

    private String message(List<String> stranded, Predicate<String> after) {
        List<String> parts = new ArrayList<>();
        for (String id : stranded) {
            parts.add(id + " alone " + Gaps.why(rules.hall(), id, after));
        }
        String them = stranded.size() == 1 ? stranded.getFirst() : String.join(" and ", stranded);
        return "This would leave " + String.join(", and ", parts) + ". Choose " + them
                + " too, or choose seats that leave no single seat.";
    }
}
