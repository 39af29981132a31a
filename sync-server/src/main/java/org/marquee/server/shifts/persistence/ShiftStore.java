package org.marquee.server.shifts.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.marquee.model.CashShift;
import org.marquee.server.db.Transactions;
import org.marquee.server.shifts.CashDrawer;

/** Cash shifts and the cash moves counted into them, in {@code cash_shifts} and {@code cash_moves}. */
public final class ShiftStore implements CashDrawer {

    /** A shift with its running totals, the staff member's username and the terminal's name. */
    private static final String SHIFT = """
            select s.id, s.staff_id, st.username, s.terminal_id, t.name as terminal_name, s.opened_at, s.float_minor,
                   s.closed_at, s.counted_cash_minor,
                   coalesce((select sum(m.amount_minor) from cash_moves m
                              where m.shift_id = s.id and m.kind = 'SALE'), 0) as sales,
                   coalesce((select sum(m.amount_minor) from cash_moves m
                              where m.shift_id = s.id and m.kind = 'REFUND'), 0) as refunds
              from cash_shifts s
              join staff st on st.id = s.staff_id
              join terminals t on t.id = s.terminal_id
            """;

    private final Jdbi jdbi;

    public ShiftStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<CashShift> open(long staffId, long terminalId, long floatMinor) {
        return Transactions.retrying(jdbi, handle -> {
            Optional<Long> id = handle.createQuery("""
                            insert into cash_shifts (staff_id, terminal_id, float_minor)
                            values (:staff, :terminal, :float)
                            on conflict (staff_id, terminal_id) where closed_at is null do nothing
                            returning id""")
                    .bind("staff", staffId)
                    .bind("terminal", terminalId)
                    .bind("float", floatMinor)
                    .mapTo(Long.class)
                    .findOne();
            return id.map(shift -> find(handle, shift));
        });
    }

    @Override
    public Optional<CashShift> current(long staffId, long terminalId) {
        return jdbi.withHandle(
                handle -> openShift(handle, staffId, terminalId, "").map(id -> find(handle, id)));
    }

    @Override
    public Optional<CashShift> close(long staffId, long terminalId, long countedCashMinor) {
        return Transactions.retrying(jdbi, handle -> {
            // FOR UPDATE, not NO KEY UPDATE (decision 0037): it is meant to stop new moves into the shift; it waits for
            // those being counted (FOR SHARE in openOrStart), and later ones wait for it and go to the next shift
            Optional<Long> open = openShift(handle, staffId, terminalId, "for update");
            if (open.isEmpty()) {
                return Optional.<CashShift>empty();
            }
            CashShift shift = find(handle, open.get());
            handle.createUpdate("""
                            update cash_shifts
                               set closed_at = now(), counted_cash_minor = :counted, expected_cash_minor = :expected
                             where id = :id""")
                    .bind("counted", countedCashMinor)
                    .bind("expected", shift.expectedCashMinor())
                    .bind("id", shift.shiftId())
                    .execute();
            return Optional.of(find(handle, shift.shiftId()));
        });
    }

    @Override
    public void countSale(long staffId, long terminalId, UUID orderId) {
        count(staffId, terminalId, orderId, "SALE", "APPROVED");
    }

    @Override
    public void countRefund(long staffId, long terminalId, UUID orderId) {
        count(staffId, terminalId, orderId, "REFUND", "REFUNDED");
    }

    @Override
    public void countPayout(long staffId, long terminalId, UUID paymentId) {
        Transactions.retrying(jdbi, handle -> {
            long shift = openOrStart(handle, staffId, terminalId);
            return handle.createUpdate("""
                            insert into cash_moves (shift_id, payment_id, kind, amount_minor)
                            select :shift, p.id, 'REFUND', p.amount_minor
                              from payments p
                             where p.id = :payment and p.status = 'REFUNDED' and p.refunded_in_cash_by is not null
                            on conflict (payment_id, kind) do nothing""")
                    .bind("shift", shift)
                    .bind("payment", paymentId)
                    .execute();
        });
    }

    @Override
    public List<CashShift> day(long theaterId, LocalDate date) {
        return jdbi.withHandle(handle -> handle.createQuery(SHIFT + """
                         join theaters th on th.id = t.theater_id
                        where th.id = :theater and (s.opened_at at time zone th.time_zone)::date = :date
                        order by s.opened_at, s.id""")
                .bind("theater", theaterId)
                .bind("date", date)
                .map((rs, ctx) -> shift(rs))
                .list());
    }

    /** Counts the order's cash payment in the given status, once per payment and kind, into the open shift. */
    private void count(long staffId, long terminalId, UUID orderId, String kind, String paymentStatus) {
        Transactions.retrying(jdbi, handle -> {
            long shift = openOrStart(handle, staffId, terminalId);
            return handle.createUpdate("""
                            insert into cash_moves (shift_id, payment_id, kind, amount_minor)
                            select :shift, p.id, :kind, p.amount_minor
                              from payments p
                             where p.order_id = :order and p.method = 'CASH' and p.status = :status
                            on conflict (payment_id, kind) do nothing""")
                    .bind("shift", shift)
                    .bind("kind", kind)
                    .bind("order", orderId)
                    .bind("status", paymentStatus)
                    .execute();
        });
    }

    /**
     * The staff member's open shift on the terminal, locked {@code FOR SHARE} until the move counted into it commits; a
     * shift is opened with float 0 when none is (DESIGN §7.3). A close locks the shift {@code FOR UPDATE}, so it waits
     * for moves being counted into it and counts them; a move that comes while a close commits waits for it and goes
     * into the next shift: never into a closed one, whose figures would change after the drawer was counted. Moves
     * counted at once into one shift do not wait for each other, and rows that reference the shift can still be
     * written (decision 0037).
     */
    private static long openOrStart(Handle handle, long staffId, long terminalId) {
        while (true) {
            // the unique index keeps it to one, whatever number of requests open one at once
            handle.createUpdate("""
                            insert into cash_shifts (staff_id, terminal_id, float_minor) values (:staff, :terminal, 0)
                            on conflict (staff_id, terminal_id) where closed_at is null do nothing""")
                    .bind("staff", staffId)
                    .bind("terminal", terminalId)
                    .execute();
            Optional<Long> open = openShift(handle, staffId, terminalId, "for share");
            if (open.isPresent()) {
                return open.get();
            }
            // closed between the insert and the lock: open the next one
        }
    }

    /** The id of the staff member's open shift on the terminal, read with {@code lock} (SQL, may be empty). */
    private static Optional<Long> openShift(Handle handle, long staffId, long terminalId, String lock) {
        return handle.createQuery("""
                        select id from cash_shifts
                         where staff_id = :staff and terminal_id = :terminal and closed_at is null
                        """ + lock)
                .bind("staff", staffId)
                .bind("terminal", terminalId)
                .mapTo(Long.class)
                .findOne();
    }

    private static CashShift find(Handle handle, long id) {
        return handle.createQuery(SHIFT + " where s.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> shift(rs))
                .one();
    }

    private static CashShift shift(ResultSet rs) throws SQLException {
        long floatMinor = rs.getLong("float_minor");
        long sales = rs.getLong("sales");
        long refunds = rs.getLong("refunds");
        long expected = floatMinor + sales - refunds;
        Timestamp closed = rs.getTimestamp("closed_at");
        Long counted = rs.getObject("counted_cash_minor", Long.class);
        return new CashShift(
                rs.getLong("id"),
                rs.getLong("staff_id"),
                rs.getString("username"),
                rs.getLong("terminal_id"),
                rs.getString("terminal_name"),
                rs.getTimestamp("opened_at").toInstant(),
                floatMinor,
                sales,
                refunds,
                expected,
                closed == null ? null : closed.toInstant(),
                counted,
                counted == null ? null : counted - expected);
    }
}
