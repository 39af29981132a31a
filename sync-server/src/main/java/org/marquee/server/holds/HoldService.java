package org.marquee.server.holds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.marquee.model.ChangeSeatsRequest;
import org.marquee.model.CreateHoldRequest;
import org.marquee.model.ErrorCode;
import org.marquee.model.HoldStatus;
import org.marquee.model.Role;
import org.marquee.model.SeatDefinition;
import org.marquee.model.ShowtimeStatus;
import org.marquee.server.audit.AuditLog;
import org.marquee.server.catalog.CatalogService;
import org.marquee.server.catalog.ShowtimeFacts;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;
import org.marquee.server.holds.persistence.HoldStore;
import org.marquee.server.seatmap.SeatMapChanges;
import org.marquee.server.seatmap.SeatsInMemory;
import org.marquee.server.seatrules.Hall;
import org.marquee.server.seatrules.SeatRules;
import org.marquee.server.seatrules.ShowtimeRules;
import org.marquee.server.seatrules.SingleSeatRule;

/**
 * Seat holds: checks a request against the showtime's layout and the hold limits, then lets {@link HoldStore} decide
 * in PostgreSQL. A terminal has at most one active hold; creating one releases its previous one.
 */
public final class HoldService {

    /** Sales stay open this long after a showtime starts, for latecomers at the counter. */
    static final Duration SALES_CLOSE_AFTER_START = Duration.ofMinutes(30);

    private final CatalogService catalog;
    private final HoldStore store;
    private final HoldPolicy policy;
    private final HoldEvents events;
    private final SeatMapChanges changes;
    private final SeatRules rules;
    private final AuditLog audit;
    private final SeatsInMemory memory;

    /**
     * {@code events} is told of every grant and refusal of seats, {@code changes} of every showtime whose seat statuses
     * a committed request changed; {@code memory} may refuse seats that this instance's trusted seat map shows taken
     * by others, without asking PostgreSQL (decision 0030).
     */
    public HoldService(
            CatalogService catalog,
            HoldStore store,
            HoldPolicy policy,
            HoldEvents events,
            SeatMapChanges changes,
            SeatRules rules,
            AuditLog audit,
            SeatsInMemory memory) {
        this.memory = memory;
        this.rules = rules;
        this.audit = audit;
        this.catalog = catalog;
        this.store = store;
        this.policy = policy;
        this.events = events;
        this.changes = changes;
    }

    /**
     * {@code POST /holds}: the asked seats under the seat rules, or (with {@code count} and no seats) the best block
     * the caller may have (DESIGN §8).
     */
    public HoldResult create(Principal caller, CreateHoldRequest request) {
        Long showtimeId = request.showtimeId();
        if (showtimeId == null) {
            throw MarqueeException.invalid("Say which showtime: 'showtimeId' is missing.");
        }
        boolean accessible = Boolean.TRUE.equals(request.accessible());
        boolean override = overrides(caller, request.allowSingleSeatGap());
        if (request.count() != null && request.seatIds() != null) {
            throw MarqueeException.invalid(
                    "Ask either for seats ('seatIds') or for a number of best seats ('count'), not both.");
        }
        if (request.count() != null) {
            int limit = limit(caller);
            if (request.count() < 1 || request.count() > limit) {
                throw new MarqueeException(
                        ErrorCode.INVALID_REQUEST,
                        "'count' must be between 1 and " + limit + " here; " + request.count() + " was asked for.",
                        Map.of("maxSeats", limit));
            }
        }
        ShowtimeFacts showtime = onSale(showtimeId);
        ShowtimeRules seatRules = rules.of(showtime);
        if (request.count() != null) {
            return counted(store.create(
                    caller.terminalId(),
                    showtimeId,
                    new BestSeats(seatRules, caller, request.count(), accessible),
                    false,
                    accessible,
                    policy.ttl(),
                    policy.maxTotal()));
        }
        List<String> seats = checkedSeats(caller, seatRules.hall(), request.seatIds());
        // the first check the database would make, from this instance's trusted snapshot: the same answer, without
        // the round trip; a request that may succeed always goes on to PostgreSQL, which alone grants seats
        List<String> takenInMemory =
                memory.takenByOthers(showtimeId, caller.terminalId(), seats).orElse(List.of());
        if (!takenInMemory.isEmpty()) {
            events.refusedFromMemory();
            return counted(new HoldResult.Taken(takenInMemory));
        }
        SeatChoice choice = new AskedSeats(showtimeId, seatRules, caller, accessible, override, audit, seats);
        // when the choice passes on what this instance last saw, trusted or not, the first check would very likely pass
        // too and only cost a round trip: the transaction decides anyway (a wrong hint costs a refusal there, never a
        // grant). Not while requests wait for connections: then the hint is as old as that wait, a refusal in the
        // transaction holds a connection others wait for, and the waiting first checks share one read (decision 0038)
        boolean firstCheck = store.connectionsScarce()
                || memory.recent(showtimeId)
                        .map(claimedBy -> !RememberedSeats.wouldPass(choice, claimedBy, caller.terminalId()))
                        .orElse(true);
        long stamp = memory.stamp();
        HoldResult result = counted(store.create(
                caller.terminalId(), showtimeId, choice, firstCheck, accessible, policy.ttl(), policy.maxTotal()));
        if (result instanceof HoldResult.Taken taken) {
            // contention: what this refusal read of the whole showtime answers the next refusals, else a fresh snapshot
            taken.seen()
                    .ifPresentOrElse(
                            seen -> memory.observed(showtimeId, stamp, seen.claimedBy(), seen.nextExpiry()),
                            () -> memory.refusedByDatabase(showtimeId));
        }
        return result;
    }

    private ShowtimeFacts onSale(long showtimeId) {
        ShowtimeFacts showtime = catalog.showtime(showtimeId);
        if (showtime.status() != ShowtimeStatus.ON_SALE) {
            throw new MarqueeException(ErrorCode.SHOWTIME_NOT_ON_SALE, "This showtime has been cancelled.");
        }
        if (Instant.now().isAfter(showtime.startsAt().plus(SALES_CLOSE_AFTER_START))) {
            throw new MarqueeException(ErrorCode.SHOWTIME_NOT_ON_SALE, "Sales for this showtime have closed.");
        }
        return showtime;
    }

    /** True when a clerk or manager asks to leave a single seat; a kiosk may not ask. */
    private static boolean overrides(Principal caller, Boolean allowSingleSeatGap) {
        if (!Boolean.TRUE.equals(allowSingleSeatGap)) {
            return false;
        }
        if (!SingleSeatRule.overridableBy(caller.role())) {
            throw new MarqueeException(
                    ErrorCode.FORBIDDEN, "Only a clerk or a manager may leave a single seat ('allowSingleSeatGap').");
        }
        return true;
    }

    public HoldRecord get(Principal caller, UUID holdId) {
        return owned(caller, holdId);
    }

    public HoldResult changeSeats(Principal caller, UUID holdId, ChangeSeatsRequest request) {
        HoldRecord hold = owned(caller, holdId);
        boolean override = overrides(caller, request.allowSingleSeatGap());
        ShowtimeRules seatRules = rules.of(catalog.showtime(hold.showtimeId()));
        List<String> seats = checkedSeats(caller, seatRules.hall(), request.seatIds());
        SeatChoice choice =
                new AskedSeats(hold.showtimeId(), seatRules, caller, store.accessible(holdId), override, audit, seats);
        return counted(store.changeSeats(holdId, choice));
    }

    /** Tells {@link #events} what the database decided; a lapsed hold is neither a grant nor a refusal of seats. */
    private HoldResult counted(HoldResult result) {
        switch (result) {
            case HoldResult.Granted granted -> {
                events.granted();
                changes.changed(granted.hold().showtimeId());
                granted.releasedElsewhere().ifPresent(changes::changed);
            }
            case HoldResult.Taken taken -> events.refused();
            case HoldResult.Lapsed lapsed -> {}
        }
        return result;
    }

    public HoldResult extend(Principal caller, UUID holdId) {
        owned(caller, holdId);
        return store.extend(holdId, policy.ttl());
    }

    /** Releases the hold; releasing one that already expired or was released changes nothing. */
    public void release(Principal caller, UUID holdId) {
        owned(caller, holdId);
        HoldRecord after = store.release(holdId);
        changes.changed(after.showtimeId());
        if (after.storedStatus() == HoldStatus.CONFIRMED) {
            throw lapsed(after);
        }
    }

    /**
     * Releases a hold on behalf of whoever may end it without owning it: a cancelled order, a cancelled showtime, a
     * manager's force release; the seats go back on sale.
     */
    public void releaseOnBehalf(UUID holdId) {
        changes.changed(store.release(holdId).showtimeId());
    }

    /** The error for a hold that can no longer be changed, by what became of it. */
    public static MarqueeException lapsed(HoldRecord hold) {
        return switch (hold.status()) {
            case EXPIRED ->
                new MarqueeException(
                        ErrorCode.HOLD_EXPIRED,
                        "This hold has expired and its seats were released. Please choose seats again.",
                        Map.of("holdId", hold.id().toString()));
            case CONFIRMED ->
                new MarqueeException(
                        ErrorCode.HOLD_NOT_ACTIVE,
                        "These seats have already been paid for; the hold cannot change any more.",
                        Map.of("holdId", hold.id().toString()));
            default ->
                new MarqueeException(
                        ErrorCode.HOLD_NOT_ACTIVE,
                        "This hold was released. Please choose seats again.",
                        Map.of("holdId", hold.id().toString()));
        };
    }

    private HoldRecord owned(Principal caller, UUID holdId) {
        HoldRecord hold =
                store.find(holdId).orElseThrow(() -> MarqueeException.notFound("There is no hold " + holdId + "."));
        if (hold.terminalId() != caller.terminalId()) {
            throw new MarqueeException(ErrorCode.FORBIDDEN, "This hold belongs to another terminal.");
        }
        return hold;
    }

    /** The requested seats, sorted (so that concurrent requests lock rows in one order), or a clear refusal. */
    private List<String> checkedSeats(Principal caller, Hall hall, List<String> seatIds) {
        if (seatIds == null || seatIds.isEmpty()) {
            throw MarqueeException.invalid("Choose at least one seat: 'seatIds' is empty.");
        }
        if (seatIds.contains(null)) {
            throw MarqueeException.invalid("'seatIds' contains an empty entry.");
        }
        Set<String> unique = new LinkedHashSet<>(seatIds);
        if (unique.size() != seatIds.size()) {
            List<String> repeated = seatIds.stream()
                    .filter(id -> seatIds.indexOf(id) != seatIds.lastIndexOf(id))
                    .distinct()
                    .toList();
            throw new MarqueeException(
                    ErrorCode.INVALID_REQUEST,
                    "Each seat may be asked for once; repeated: " + String.join(", ", repeated) + ".",
                    Map.of("seatIds", repeated));
        }
        int limit = limit(caller);
        if (unique.size() > limit) {
            throw new MarqueeException(
                    ErrorCode.INVALID_REQUEST,
                    "At most " + limit + " seats can be held at once here; " + unique.size() + " were asked for.",
                    Map.of("maxSeats", limit));
        }
        // the hall's own index of its seats, in one pass: no map of the layout, no stream, per request
        List<String> unknown = new ArrayList<>(0);
        List<String> blocked = new ArrayList<>(0);
        for (String id : unique) {
            SeatDefinition seat = hall.seat(id);
            if (seat == null) {
                unknown.add(id);
            } else if (seat.blocked()) {
                blocked.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw new MarqueeException(
                    ErrorCode.INVALID_REQUEST,
                    "This auditorium has no seat "
                            + abbreviate(unknown).stream()
                                    .map(id -> "'" + id + "'")
                                    .collect(Collectors.joining(", "))
                            + ".",
                    Map.of("seatIds", abbreviate(unknown)));
        }
        if (!blocked.isEmpty()) {
            throw new MarqueeException(
                    ErrorCode.SEATS_UNAVAILABLE,
                    "Seat " + String.join(", ", blocked) + " is out of service. Please choose another.",
                    Map.of("seatIds", blocked));
        }
        List<String> sorted = new ArrayList<>(unique);
        sorted.sort(null);
        return sorted;
    }

    private int limit(Principal caller) {
        return caller.role() == Role.KIOSK ? policy.kioskMaxSeats() : policy.staffMaxSeats();
    }

    /** Unknown ids as they may be shown back: at most 20, each short, without control characters. */
    private static List<String> abbreviate(List<String> ids) {
        return ids.stream()
                .limit(20)
                .map(id -> id.length() > 12 ? id.substring(0, 12) + "…" : id)
                .map(id -> id.replaceAll("\\p{Cntrl}", "?"))
                .toList();
    }

    /** The error for seats someone else holds, naming them. */
    public static MarqueeException taken(HoldResult.Taken taken) {
        String seats = String.join(", ", taken.seatIds());
        String message = taken.seatIds().size() == 1
                ? "Seat " + seats + " was just taken by someone else. Please choose another."
                : "Seats " + seats + " were just taken by someone else. Please choose others.";
        // the most common answer under contention: no stack trace to fill in (MarqueeException#refusal)
        return MarqueeException.refusal(ErrorCode.SEATS_UNAVAILABLE, message, Map.of("seatIds", taken.seatIds()));
    }
}
