package org.marquee.server.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marquee.model.CancelShowtimeRequest;
import org.marquee.model.PaymentMethod;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatLayout;
import org.marquee.model.ShowtimeCancellation;
import org.marquee.model.ShowtimeStatus;
import org.marquee.server.audit.AuditLog;
import org.marquee.server.catalog.CatalogService;
import org.marquee.server.catalog.ShowtimeDetails;
import org.marquee.server.cinema.Fields;
import org.marquee.server.cinema.ShowtimeChanges;
import org.marquee.server.cinema.persistence.AuditoriumStore;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;
import org.marquee.server.db.UnitOfWork;
import org.marquee.server.orders.FailedRefunds;
import org.marquee.server.orders.OrderRecord;
import org.marquee.server.orders.OrderService;
import org.marquee.server.schedule.persistence.ScheduleStore;
import org.marquee.server.shifts.CashDrawer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancelling a showtime (DESIGN §7.1), in three steps so that no provider is called inside a transaction: {@link #stop}
 * (one unit of work: status CANCELLED, live holds ended, every seat that is not sold GONE, audited), then
 * {@link #refund} (each PAID order refunded through its payment method and committed with its audit entry on its own;
 * a card refund the provider refuses leaves the order REFUNDED with its payment REFUND_FAILED, listed in the answer,
 * never hidden, and tried again by the sweeper; buyers with an e-mail are told), then {@link #answer}. Cancelling a
 * cancelled showtime only retries the refunds still open (PAID orders, and failed card refunds right away).
 */
public final class ShowtimeCancellations {

    private static final Logger log = LoggerFactory.getLogger(ShowtimeCancellations.class);

    /** What a buyer is told: which booking, which showtime, and whether the money is on its way back. */
    public record Notice(
            String email,
            String bookingCode,
            String movieTitle,
            String theaterName,
            Instant startsAt,
            ZoneId zone,
            boolean refunded,
            String reason) {

        private static final java.time.format.DateTimeFormatter WHEN =
                java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", java.util.Locale.ENGLISH);

        public String subject() {
            return "Cancelled: " + movieTitle + ", " + WHEN.format(startsAt.atZone(zone)) + " (booking " + bookingCode
                    + ")";
        }

        public String body() {
            return "We are sorry: the showtime of " + movieTitle + " at " + theaterName + " on "
                    + WHEN.format(startsAt.atZone(zone)) + " has been cancelled.\n\nReason: " + reason + "\n\n"
                    + (refunded
                            ? "Your booking " + bookingCode + " has been refunded to the way you paid.\n"
                            : "We could not refund your booking " + bookingCode + " automatically yet. We will refund"
                                    + " it as soon as we can; you may also bring the booking code to the box office.\n");
        }
    }

    /** Tells buyers of a cancelled showtime; must not block (mail goes out on its own threads). */
    @FunctionalInterface
    public interface Notices {
        Notices NONE = notice -> {};

        void tell(Notice notice);
    }

    /** What the first step did. */
    public record Stopped(long showtimeId, String reason, int releasedHolds) {}

    /** What the second step did. */
    public record Refunds(int refunded, List<UUID> failed) {}

    private final ScheduleStore store;
    private final OrderService orders;
    private final CatalogService catalog;
    private final AuditLog audit;
    private final ShowtimeChanges changes;
    private final Notices notices;
    private final UnitOfWork unit;
    private final CashDrawer drawer;
    private final FailedRefunds failedRefunds;

    /** {@code drawer} counts cash given back out of the cancelling manager's shift, in the refund's transaction. */
    public ShowtimeCancellations(
            ScheduleStore store,
            OrderService orders,
            CatalogService catalog,
            AuditLog audit,
            ShowtimeChanges changes,
            Notices notices,
            UnitOfWork unit,
            CashDrawer drawer,
            FailedRefunds failedRefunds) {
        this.failedRefunds = failedRefunds;
        this.unit = unit;
        this.drawer = drawer;
        this.store = store;
        this.orders = orders;
        this.catalog = catalog;
        this.audit = audit;
        this.changes = changes;
        this.notices = notices;
    }

    /** Step 1, inside the request's unit of work: no new hold from now on, live ones ended. */
    public Stopped stop(Principal caller, long showtimeId, CancelShowtimeRequest request) {
        String reason = Fields.text(Fields.required(request, "body").reason(), "reason", 500);
        ScheduleStore.Locked showtime = store.lock(showtimeId).orElseThrow(() -> ScheduleService.notFound(showtimeId));
        if (showtime.status() == ShowtimeStatus.CANCELLED) {
            return new Stopped(showtimeId, reason, 0);
        }
        store.markCancelled(showtimeId, reason);
        int released = store.endHolds(showtimeId);
        List<String> seats = new ArrayList<>();
        for (SeatDefinition seat : SeatLayout.parse(showtime.layout()).seats()) {
            seats.add(seat.id());
        }
        seats.add(AuditoriumStore.LAYOUT_MARKER);
        seats.sort(null);
        store.sealAll(showtimeId, seats);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        details.put("releasedHolds", released);
        details.put("paidOrders", store.paidOrders(showtimeId).size());
        audit.record(caller, "SHOWTIME_CANCELLED", "SHOWTIME", showtimeId, details);
        changes.changed(showtimeId);
        return new Stopped(showtimeId, reason, released);
    }

    /** Step 2, outside any transaction: every PAID order refunded and its buyer told. */
    public Refunds refund(Principal caller, Stopped stopped) {
        ShowtimeDetails showtime = catalog.details(stopped.showtimeId());
        int refunded = 0;
        List<UUID> failed = new ArrayList<>();
        // card refunds refused before: asked again now (the sweeper would, later)
        for (UUID orderId : failedRefunds.ordersOfShowtime(stopped.showtimeId())) {
            if (failedRefunds.retryOrder(orderId)) {
                refunded++;
            } else {
                failed.add(orderId);
            }
        }
        for (ScheduleStore.PaidOrder order : store.paidOrders(stopped.showtimeId())) {
            boolean ok;
            try {
                // one transaction per refund: the order, its audit entry and the cash drawer agree, whatever fails
                ok = unit.run(() -> {
                    OrderRecord done = orders.refund(caller, order.id());
                    if (caller.isStaff()
                            && done.payments().stream()
                                    .anyMatch(p -> p.method() == PaymentMethod.CASH
                                            && p.status().equals("REFUNDED"))) {
                        drawer.countRefund(caller.staffId(), caller.terminalId(), done.id());
                    }
                    return done.payments().stream().noneMatch(p -> p.status().equals("REFUND_FAILED"));
                });
                if (ok) {
                    refunded++;
                } else {
                    failed.add(order.id());
                    log.warn(
                            "event=cancellation_refund_failed showtime={} order={} reason=REFUND_FAILED",
                            stopped.showtimeId(),
                            order.id());
                }
            } catch (MarqueeException | IllegalStateException e) {
                ok = false;
                failed.add(order.id());
                log.warn(
                        "event=cancellation_refund_failed showtime={} order={} reason={}",
                        stopped.showtimeId(),
                        order.id(),
                        e instanceof MarqueeException m
                                ? m.code()
                                : e.getClass().getSimpleName());
            }
            if (order.email() != null) {
                notices.tell(new Notice(
                        order.email(),
                        order.code(),
                        showtime.movieTitle(),
                        showtime.theaterName(),
                        showtime.startsAt(),
                        showtime.zone(),
                        ok,
                        stopped.reason()));
            }
        }
        return new Refunds(refunded, List.copyOf(failed));
    }

    /** Step 3, in the unit of work that keeps the answer: the refunds that failed are in the audit log too. */
    public ShowtimeCancellation answer(Principal caller, Stopped stopped, Refunds refunds) {
        if (refunds.refunded() > 0 || !refunds.failed().isEmpty()) {
            audit.record(
                    caller,
                    "SHOWTIME_REFUNDS",
                    "SHOWTIME",
                    stopped.showtimeId(),
                    Map.of("refundedOrders", refunds.refunded(), "failedRefunds", refunds.failed()));
        }
        return new ShowtimeCancellation(
                stopped.showtimeId(),
                ShowtimeStatus.CANCELLED,
                refunds.refunded(),
                refunds.failed(),
                stopped.releasedHolds());
    }
}
