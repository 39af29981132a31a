package org.marquee.server.admissions.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.marquee.model.AdmissionResult;
import org.marquee.model.AdmissionVerdict;
import org.marquee.model.RevokedTicket;
import org.marquee.model.RevokedTickets;
import org.marquee.server.admissions.AdmissionRepository;
import org.marquee.server.admissions.DoorScan;
import org.marquee.server.admissions.GenuineTicket;
import org.marquee.server.admissions.TicketFacts;
import org.marquee.server.db.Transactions;

/**
 * Scans and admissions in PostgreSQL. A ticket is admitted by inserting its row into {@code admissions}, whose primary
 * key is the ticket: of two doors admitting one ticket at once, the second waits for the first to commit, then finds
 * the row and answers {@code ALREADY_ADMITTED}. A scan's answer is kept in {@code admission_scans} under (terminal,
 * scanId) in the same transaction, so a re-sent scan, even one racing the first, answers the same.
 */
public final class AdmissionStore implements AdmissionRepository {

    private static final String FACTS = """
            select t.id, t.seat_id, o.code, o.status as order_status, o.showtime_id, s.status as showtime_status,
                   s.starts_at
              from order_tickets t
              join orders o on o.id = t.order_id
              join showtimes s on s.id = o.showtime_id
            """;

    private final Jdbi jdbi;

    public AdmissionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public AdmissionResult record(DoorScan scan, Function<TicketFacts, Decision> decide) {
        return Transactions.retrying(jdbi, handle -> {
            boolean first = handle.createUpdate("""
                            insert into admission_scans (terminal_id, scan_id, scanned_at)
                            values (:terminal, :scanId, :scannedAt) on conflict do nothing""")
                            .bind("terminal", scan.terminalId())
                            .bind("scanId", scan.scanId())
                            .bind("scannedAt", OffsetDateTime.ofInstant(scan.scannedAt(), java.time.ZoneOffset.UTC))
                            .execute()
                    == 1;
            if (!first) {
                return stored(handle, scan);
            }
            TicketFacts facts =
                    scan.ticket() == null ? null : facts(handle, scan.ticket()).orElse(null);
            AdmissionResult result = switch (decide.apply(facts)) {
                case ADMIT -> admit(handle, scan, facts);
                case REVOKED -> ticketResult(scan, AdmissionVerdict.REVOKED, facts, null, null);
                case WRONG_SHOWTIME -> ticketResult(scan, AdmissionVerdict.WRONG_SHOWTIME, facts, null, null);
                case INVALID ->
                    new AdmissionResult(scan.scanId(), AdmissionVerdict.INVALID, null, null, null, null, null);
            };
            handle.createUpdate("""
                            update admission_scans
                               set result = :result, ticket_id = :ticketId, seat_id = :seatId, showtime_id = :showtimeId,
                                   admitted_at = :admittedAt, admitted_by = :admittedBy
                             where terminal_id = :terminal and scan_id = :scanId""")
                    .bind("result", result.result().name())
                    .bind("ticketId", result.ticketId())
                    .bind("seatId", result.seatId())
                    .bind("showtimeId", result.showtimeId())
                    .bind("admittedAt", utc(result.admittedAt()))
                    .bind("admittedBy", result.admittedBy())
                    .bind("terminal", scan.terminalId())
                    .bind("scanId", scan.scanId())
                    .execute();
            return result;
        });
    }

    private static AdmissionResult admit(Handle handle, DoorScan scan, TicketFacts facts) {
        Optional<Instant> admitted = handle.createQuery("""
                        insert into admissions (ticket_id, showtime_id, terminal_id, scan_id, admitted_at)
                        values (:ticket, :showtime, :terminal, :scanId, :at)
                        on conflict (ticket_id) do nothing
                        returning admitted_at""")
                .bind("ticket", facts.ticketId())
                .bind("showtime", facts.showtimeId())
                .bind("terminal", scan.terminalId())
                .bind("scanId", scan.scanId())
                .bind("at", utc(scan.scannedAt()))
                .map((rs, ctx) ->
                        rs.getObject("admitted_at", OffsetDateTime.class).toInstant())
                .findOne();
        if (admitted.isPresent()) {
            String door = handle.createQuery("select name from terminals where id = :id")
                    .bind("id", scan.terminalId())
                    .mapTo(String.class)
                    .one();
            return ticketResult(scan, AdmissionVerdict.ADMITTED, facts, admitted.get(), door);
        }
        return handle.createQuery("""
                        select a.admitted_at, t.name from admissions a join terminals t on t.id = a.terminal_id
                         where a.ticket_id = :ticket""")
                .bind("ticket", facts.ticketId())
                .map((rs, ctx) -> ticketResult(
                        scan,
                        AdmissionVerdict.ALREADY_ADMITTED,
                        facts,
                        rs.getObject("admitted_at", OffsetDateTime.class).toInstant(),
                        rs.getString("name")))
                .one();
    }

    private static AdmissionResult ticketResult(
            DoorScan scan, AdmissionVerdict verdict, TicketFacts facts, Instant admittedAt, String admittedBy) {
        return new AdmissionResult(
                scan.scanId(), verdict, facts.ticketId(), facts.seatId(), facts.showtimeId(), admittedAt, admittedBy);
    }

    private static AdmissionResult stored(Handle handle, DoorScan scan) {
        return handle.createQuery("""
                        select result, ticket_id, seat_id, showtime_id, admitted_at, admitted_by from admission_scans
                         where terminal_id = :terminal and scan_id = :scanId""")
                .bind("terminal", scan.terminalId())
                .bind("scanId", scan.scanId())
                .map((rs, ctx) -> new AdmissionResult(
                        scan.scanId(),
                        AdmissionVerdict.valueOf(rs.getString("result")),
                        (Long) rs.getObject("ticket_id", Long.class),
                        rs.getString("seat_id"),
                        (Long) rs.getObject("showtime_id", Long.class),
                        instant(rs, "admitted_at"),
                        rs.getString("admitted_by")))
                .one();
    }

    private static Optional<TicketFacts> facts(Handle handle, GenuineTicket ticket) {
        var query = ticket.ticketId() > 0
                ? handle.createQuery(FACTS + " where t.id = :id").bind("id", ticket.ticketId())
                // an MQT1 token has no ticket id: its booking code and seat name the ticket
                : handle.createQuery(FACTS + " where o.code = :code and t.seat_id = :seat")
                        .bind("code", ticket.orderCode())
                        .bind("seat", ticket.seatId());
        return query.map((rs, ctx) -> new TicketFacts(
                        rs.getLong("id"),
                        rs.getString("seat_id"),
                        rs.getString("code"),
                        rs.getString("order_status"),
                        rs.getLong("showtime_id"),
                        rs.getString("showtime_status"),
                        rs.getObject("starts_at", OffsetDateTime.class).toInstant()))
                .findOne();
    }

    @Override
    public RevokedTickets revokedSince(long since) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            // as the catalog feed: the oldest transaction still running, so a slow writer's rows come next time
            long cursor = handle.createQuery("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                    .mapTo(Long.class)
                    .one();
            List<RevokedTicket> revoked = handle.createQuery("""
                            select r.ticket_id, r.showtime_id, r.seat_id, r.reason
                              from ticket_revocations r join showtimes s on s.id = r.showtime_id
                             where r.change_xid >= cast(cast(:since as text) as xid8)
                               and (:since > 0 or s.starts_at >= now() - interval '1 day')
                             order by r.change_xid, r.ticket_id""")
                    .bind("since", since)
                    .map((rs, ctx) -> new RevokedTicket(
                            rs.getLong("ticket_id"),
                            rs.getLong("showtime_id"),
                            rs.getString("seat_id"),
                            rs.getString("reason")))
                    .list();
            return new RevokedTickets(
                    Long.toString(cursor),
                    revoked.stream().map(RevokedTicket::ticketId).distinct().toList(),
                    revoked);
        });
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
