package org.marquee.kiosk.testing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.model.ErrorCode;

/**
 * {@link FakeAdmin}'s paid orders and live holds per showtime (what blocks a layout change and what a cancellation
 * refunds and releases), and the refusals it words as the server does. Guarded by FakeAdmin's lock.
 */
final class SeatLedger {

    private record Sale(UUID orderId, Set<String> seatIds, boolean refundFails) {}

    /** What ending a showtime's sales did: refunds that went through, those that failed, holds released. */
    record Ended(int refunded, List<UUID> failedRefunds, int releasedHolds) {}

    private final Map<Long, List<Sale>> sales = new LinkedHashMap<>();
    private final Map<Long, List<Set<String>>> holds = new LinkedHashMap<>();

    UUID sell(long showtimeId, boolean refundFails, String... seatIds) {
        UUID orderId = UUID.randomUUID();
        sales.computeIfAbsent(showtimeId, id -> new ArrayList<>()).add(new Sale(orderId, Set.of(seatIds), refundFails));
        return orderId;
    }

    void hold(long showtimeId, String... seatIds) {
        holds.computeIfAbsent(showtimeId, id -> new ArrayList<>()).add(Set.of(seatIds));
    }

    /** Seats sold or held for the showtime. */
    Set<String> takenSeats(long showtimeId) {
        Set<String> taken = new TreeSet<>();
        sales.getOrDefault(showtimeId, List.of()).forEach(sale -> taken.addAll(sale.seatIds()));
        holds.getOrDefault(showtimeId, List.of()).forEach(taken::addAll);
        return taken;
    }

    int soldSeats(long showtimeId) {
        return sales.getOrDefault(showtimeId, List.of()).stream()
                .mapToInt(sale -> sale.seatIds().size())
                .sum();
    }

    int heldSeats(long showtimeId) {
        return holds.getOrDefault(showtimeId, List.of()).stream()
                .mapToInt(Set::size)
                .sum();
    }

    /** The showtime is cancelled: every paid order refunded (or its failure listed), every hold released. */
    Ended end(long showtimeId) {
        List<Sale> paid = sales.getOrDefault(showtimeId, List.of());
        List<UUID> failed =
                paid.stream().filter(Sale::refundFails).map(Sale::orderId).toList();
        int released = holds.getOrDefault(showtimeId, List.of()).size();
        holds.remove(showtimeId);
        return new Ended(paid.size() - failed.size(), failed, released);
    }

    static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw invalid(field + ": '" + text + "' is not a date like 2026-12-01");
        }
    }

    static DayOfWeek dayOf(String day) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equals(day)) {
                return d;
            }
        }
        throw invalid("daysOfWeek: '" + day + "' is not one of MON, TUE, WED, THU, FRI, SAT, SUN");
    }

    static ApiProblem invalid(String message) {
        return new ApiProblem(422, ErrorCode.INVALID_REQUEST, message, Map.of());
    }

    static ApiProblem notFound(String what) {
        return new ApiProblem(404, ErrorCode.NOT_FOUND, "No " + what + ".", Map.of());
    }
}
