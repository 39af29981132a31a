package org.marquee.server.orders.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.marquee.model.HoldStatus;
import org.marquee.model.OrderStatus;
import org.marquee.model.SeatType;
import org.marquee.model.TicketType;
import org.marquee.server.db.Transactions;
import org.marquee.server.orders.BookingCode;
import org.marquee.server.orders.OrderRecord;
import org.marquee.server.orders.PricePlan;

/** Orders, their tickets and payments in PostgreSQL. */
public final class OrderStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER_COLUMNS = """
            o.id, o.code, o.status, o.showtime_id, o.hold_id, o.terminal_id, o.email, o.total_minor, o.currency,
            h.expires_at as hold_expires_at, h.status as hold_status, h.seat_ids as hold_seat_ids,
            now() as server_time""";

    private static final int CODE_DRAWS = 20;

    private final Jdbi jdbi;
    private final Supplier<String> codes;
    private final PaymentRows payments = new PaymentRows();

    public OrderStore(Jdbi jdbi) {
        this(jdbi, BookingCode::next);
    }

    /** With {@code codes} drawing booking codes (random ones but in tests). */
    public OrderStore(Jdbi jdbi, Supplier<String> codes) {
        this.jdbi = jdbi;
        this.codes = codes;
    }

    public Optional<PricePlan> pricePlan(long showtimeId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select p.currency, p.ticket_prices::text as tickets, p.seat_surcharges::text as seats
                          from showtimes s join price_plans p on p.id = s.price_plan_id where s.id = :id""")
                .bind("id", showtimeId)
                .map((rs, ctx) -> new PricePlan(
                        rs.getString("currency"),
                        enumMap(TicketType.class, rs.getString("tickets")),
                        enumMap(SeatType.class, rs.getString("seats"))))
                .findOne());
    }

    /** The outcome of writing an order for a hold. */
    public sealed interface Saved {
        record Written(OrderRecord order) implements Saved {}

        record HoldGone(HoldStatus status) implements Saved {}

        record AlreadyPaid(OrderRecord order) implements Saved {}
    }

    /**
     * Writes the order of an active hold, or replaces the tickets of its unpaid order (a customer going back to change
     * ticket types keeps one order and one booking code).
     */
    public Saved save(
            UUID holdId, long terminalId, Long staffId, String email, List<OrderRecord.Line> lines, String currency) {
        long total = lines.stream().mapToLong(OrderRecord.Line::priceMinor).sum();
        return Transactions.retrying(jdbi, handle -> {
            var hold = handle.createQuery(
                            // the active hold's row locked, or the ended hold read (V18)
                            "select status, expires_at > now() as live, showtime_id from marquee_lock_hold(:h)")
                    .bind("h", holdId)
                    .map((rs, ctx) ->
                            new Object[] {rs.getString("status"), rs.getBoolean("live"), rs.getLong("showtime_id")})
                    .one();
            HoldStatus holdStatus = HoldStatus.valueOf((String) hold[0]);
            if (holdStatus != HoldStatus.ACTIVE || !(Boolean) hold[1]) {
                return new Saved.HoldGone(holdStatus == HoldStatus.ACTIVE ? HoldStatus.EXPIRED : holdStatus);
            }
            Optional<OrderRecord> existing = findByHold(handle, holdId);
            if (existing.isPresent() && !existing.get().unpaid()) {
                return new Saved.AlreadyPaid(existing.get());
            }
            UUID orderId;
            if (existing.isPresent()) {
                orderId = existing.get().id();
                handle.createUpdate("delete from order_tickets where order_id = :o")
                        .bind("o", orderId)
                        .execute();
                handle.createUpdate("""
                                update orders set status = 'PENDING_PAYMENT', email = :email, total_minor = :total,
                                       currency = :currency, staff_id = coalesce(:staff, staff_id)
                                 where id = :o""")
                        .bind("email", email)
                        .bind("total", total)
                        .bind("currency", currency)
                        .bind("staff", staffId)
                        .bind("o", orderId)
                        .execute();
            } else {
                orderId = UUID.randomUUID();
                // 24^6 codes: at tens of thousands of orders two draws meet now and then (the soak saw 8 in 46,000);
                // a taken code inserts nothing and the next one is drawn, in the same transaction
                int inserted = 0;
                for (int draw = 0; inserted == 0; draw++) {
                    if (draw == CODE_DRAWS) {
                        throw new IllegalStateException("No free booking code after " + CODE_DRAWS + " draws");
                    }
                    inserted = handle.createUpdate("""
                                    insert into orders (id, code, hold_id, showtime_id, terminal_id, staff_id, status,
                                                        email, total_minor, currency)
                                    values (:id, :code, :hold, :showtime, :terminal, :staff, 'PENDING_PAYMENT', :email,
                                            :total, :currency)
                                    on conflict (code) do nothing""")
                            .bind("id", orderId)
                            .bind("code", codes.get())
                            .bind("hold", holdId)
                            .bind("showtime", (Long) hold[2])
                            .bind("terminal", terminalId)
                            .bind("staff", staffId)
                            .bind("email", email)
                            .bind("total", total)
                            .bind("currency", currency)
                            .execute();
                }
            }
            var batch = handle.prepareBatch("""
                    insert into order_tickets (order_id, seat_id, ticket_type, seat_type, price_minor)
                    values (:o, :seat, :type, :seatType, :price)""");
            for (OrderRecord.Line line : lines) {
                batch.bind("o", orderId)
                        .bind("seat", line.seatId())
                        .bind("type", line.type().name())
                        .bind("seatType", line.seatType().name())
                        .bind("price", line.priceMinor())
                        .add();
            }
            batch.execute();
            return new Saved.Written(find(handle, orderId).orElseThrow());
        });
    }

    public Optional<OrderRecord> find(UUID orderId) {
        return jdbi.withHandle(handle -> find(handle, orderId));
    }

    public Optional<OrderRecord> findByCode(String code) {
        return jdbi.withHandle(handle -> handle.createQuery("select id from orders where code = :c")
                .bind("c", code)
                .mapTo(UUID.class)
                .findOne()
                .flatMap(id -> find(handle, id)));
    }

    /** The outcome of confirming a charge against the order's hold. */
    public enum Confirmation {
        /** Seats SOLD, hold CONFIRMED, order PAID, payment recorded: all in one transaction. */
        PAID,
        /** The hold expired or lost its seats first: nothing was sold, and the charge must be given back. */
        HOLD_LOST,
        /** The order was no longer waiting for payment (paid, cancelled or refunded meanwhile). */
        NOT_PAYABLE
    }

    /**
     * Invariant 5: marks the seats SOLD and the order PAID in the same transaction that finds the hold still active
     * and all its seats still its own, recording the payment if one is given; otherwise changes nothing.
     */
    public Confirmation confirmPaid(UUID orderId, OrderRecord.Payment payment) {
        try {
            return confirm(orderId, payment);
        } catch (SeatsLost lost) {
            return Confirmation.HOLD_LOST;
        }
    }

    private Confirmation confirm(UUID orderId, OrderRecord.Payment payment) {
        return Transactions.retrying(jdbi, handle -> {
            OrderRecord order = lockOrder(handle, orderId);
            if (!order.unpaid()) {
                return Confirmation.NOT_PAYABLE;
            }
            if (!order.holdLive() || !sameSeats(order)) {
                return Confirmation.HOLD_LOST;
            }
            int sold = handle.createUpdate("""
                            update seat_claims set state = 'SOLD', expires_at = null,
                                   version = nextval('seat_claim_version')
                             where (showtime_id, seat_id) in (
                                    select showtime_id, seat_id from seat_claims
                                     where showtime_id = :s and seat_id = any(cast(:seats as text[]))
                                       and hold_id = :h and state = 'HELD' and expires_at > now()
                                     order by seat_id for update)""")
                    .bind("s", order.showtimeId())
                    .bind("seats", order.holdSeatIds().toArray(String[]::new))
                    .bind("h", order.holdId())
                    .execute();
            if (sold != order.holdSeatIds().size()) {
                throw new SeatsLost();
            }
            handle.createUpdate("update holds set status = 'CONFIRMED', ended_at = now() where id = :h")
                    .bind("h", order.holdId())
                    .execute();
            handle.createUpdate("update orders set status = 'PAID', paid_at = now() where id = :o")
                    .bind("o", orderId)
                    .execute();
            if (payment != null) {
                payments.insert(handle, orderId, payment, null);
            }
            return Confirmation.PAID;
        });
    }

    /**
     * Records a payment that did not buy the seats (declined, or taken and refunded), if given, and marks the order
     * failed.
     */
    public void recordFailedPayment(UUID orderId, OrderRecord.Payment payment, String note) {
        Transactions.retrying(jdbi, handle -> {
            if (payment != null) {
                payments.insert(handle, orderId, payment, note);
            }
            return handle.createUpdate("""
                            update orders set status = 'PAYMENT_FAILED'
                             where id = :o and status in ('PENDING_PAYMENT', 'PAYMENT_FAILED')""").bind("o", orderId).execute();
        });
    }

    /** Remembers the language the order's tickets and e-mail are written in ("en", "es"). */
    public void setLanguage(UUID orderId, String language) {
        jdbi.useHandle(handle -> handle.createUpdate("update orders set language = :l where id = :o")
                .bind("l", language)
                .bind("o", orderId)
                .execute());
    }

    /** The order's language tag, or empty when it has none (an English order). */
    public Optional<String> language(UUID orderId) {
        return jdbi.withHandle(handle -> handle.createQuery("select language from orders where id = :o")
                .bind("o", orderId)
                .mapTo(String.class)
                .findOne());
    }

    public void setEmail(UUID orderId, String email) {
        jdbi.useHandle(handle -> handle.createUpdate("update orders set email = :e where id = :o")
                .bind("e", email)
                .bind("o", orderId)
                .execute());
    }

    /**
     * Ends an unpaid order as CANCELLED; true when it was unpaid, and then {@code alsoInTransaction} (its audit entry)
     * runs in the same transaction. The hold is released by the caller.
     */
    public boolean cancel(UUID orderId, Runnable alsoInTransaction) {
        return Transactions.retrying(jdbi, handle -> {
            boolean cancelled = handle.createUpdate("""
                            update orders set status = 'CANCELLED', ended_at = now()
                             where id = :o and status in ('PENDING_PAYMENT', 'PAYMENT_FAILED')""").bind("o", orderId).execute() == 1;
            if (cancelled) {
                alsoInTransaction.run();
            }
            return cancelled;
        });
    }

    /**
     * Marks a paid order REFUNDED, its payments REFUNDED and its seats free again (GONE when its showtime is
     * cancelled); true when it was paid, and then {@code alsoInTransaction} (its audit entry) runs in the same
     * transaction. With a {@code cardRefundError}, the provider refused to give the card payment back: that payment is
     * REFUND_FAILED instead, to be tried again in {@code retryIn} (DESIGN §7.3).
     */
    public boolean refund(
            UUID orderId, String cardRefundError, java.time.Duration retryIn, Runnable alsoInTransaction) {
        return Transactions.retrying(jdbi, handle -> {
            OrderRecord order = lockOrder(handle, orderId);
            if (order.status() != OrderStatus.PAID) {
                return false;
            }
            handle.createUpdate("""
                            update seat_claims
                               set state = case when (select status from showtimes where id = :s) = 'CANCELLED'
                                                then 'GONE' else 'FREE' end,
                                   hold_id = null, expires_at = null, version = nextval('seat_claim_version')
                             where (showtime_id, seat_id) in (
                                    select showtime_id, seat_id from seat_claims
                                     where showtime_id = :s and hold_id = :h and state = 'SOLD'
                                     order by seat_id for update)""")
                    .bind("s", order.showtimeId())
                    .bind("h", order.holdId())
                    .execute();
            handle.createUpdate("update orders set status = 'REFUNDED', ended_at = now() where id = :o")
                    .bind("o", orderId)
                    .execute();
            if (cardRefundError != null) {
                handle.createUpdate("""
                                update payments
                                   set status = 'REFUND_FAILED', refund_attempts = 1, refund_failed_at = now(),
                                       refund_error = :error, next_refund_at = now() + make_interval(secs => :next),
                                       updated_at = now()
                                 where order_id = :o and status = 'APPROVED' and method = 'CARD'""")
                        .bind("error", cardRefundError)
                        .bind("next", retryIn.toMillis() / 1000.0)
                        .bind("o", orderId)
                        .execute();
            }
            handle.createUpdate("""
                            update payments set status = 'REFUNDED', refunded_at = now()
                             where order_id = :o and status = 'APPROVED'""").bind("o", orderId).execute();
            alsoInTransaction.run();
            return true;
        });
    }

    /** Cancels unpaid orders whose hold has ended or expired; returns how many. */
    public int cancelLapsed() {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        update orders o set status = 'CANCELLED', ended_at = now()
                          from holds h
                         where h.id = o.hold_id and o.status in ('PENDING_PAYMENT', 'PAYMENT_FAILED')
                           and (h.status <> 'ACTIVE' or h.expires_at <= now())""").execute());
    }

    private static boolean sameSeats(OrderRecord order) {
        return order.tickets().size() == order.holdSeatIds().size()
                && order.tickets().stream().allMatch(t -> order.holdSeatIds().contains(t.seatId()));
    }

    private OrderRecord lockOrder(Handle handle, UUID orderId) {
        handle.createQuery("select id from orders where id = :o for update")
                .bind("o", orderId)
                .mapTo(UUID.class)
                .one();
        handle.createQuery("select id from marquee_lock_hold((select hold_id from orders where id = :o))")
                .bind("o", orderId)
                .mapTo(UUID.class)
                .one();
        return find(handle, orderId).orElseThrow();
    }

    private Optional<OrderRecord> findByHold(Handle handle, UUID holdId) {
        return handle.createQuery("select id from orders where hold_id = :h")
                .bind("h", holdId)
                .mapTo(UUID.class)
                .findOne()
                .flatMap(id -> find(handle, id));
    }

    private Optional<OrderRecord> find(Handle handle, UUID orderId) {
        List<OrderRecord.Line> lines = handle.createQuery("""
                        select id, seat_id, ticket_type, seat_type, price_minor from order_tickets
                         where order_id = :o order by seat_id""")
                .bind("o", orderId)
                .map((rs, ctx) -> new OrderRecord.Line(
                        rs.getString("seat_id"),
                        TicketType.valueOf(rs.getString("ticket_type")),
                        SeatType.valueOf(rs.getString("seat_type")),
                        rs.getLong("price_minor"),
                        rs.getLong("id")))
                .list();
        List<OrderRecord.Payment> paid = payments.ofOrder(handle, orderId);
        return handle.createQuery("select " + ORDER_COLUMNS + " from orders o join holds h on h.id = o.hold_id"
                        + " where o.id = :o")
                .bind("o", orderId)
                .map((rs, ctx) -> new OrderRecord(
                        rs.getObject("id", UUID.class),
                        rs.getString("code"),
                        OrderStatus.valueOf(rs.getString("status")),
                        rs.getLong("showtime_id"),
                        rs.getObject("hold_id", UUID.class),
                        rs.getLong("terminal_id"),
                        rs.getString("email"),
                        rs.getLong("total_minor"),
                        rs.getString("currency"),
                        instant(rs.getObject("hold_expires_at", OffsetDateTime.class)),
                        HoldStatus.valueOf(rs.getString("hold_status")),
                        Arrays.asList((String[]) rs.getArray("hold_seat_ids").getArray()),
                        lines,
                        paid,
                        instant(rs.getObject("server_time", OffsetDateTime.class))))
                .findOne();
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static <E extends Enum<E>> Map<E, Long> enumMap(Class<E> type, String json) {
        try {
            Map<String, Long> raw = JSON.readValue(json, new TypeReference<Map<String, Long>>() {});
            Map<E, Long> map = new EnumMap<>(type);
            raw.forEach((key, value) -> map.put(Enum.valueOf(type, key), value));
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("A price plan in the database is not valid JSON", e);
        }
    }

    /** Rolls back a confirmation that found some of the hold's seats already gone. */
    private static final class SeatsLost extends RuntimeException {
        SeatsLost() {
            super("seats lost", null, false, false);
        }
    }
}
