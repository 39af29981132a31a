package org.marquee.kiosk.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.marquee.model.AdmissionResult;
import org.marquee.model.RevokedTicket;
import org.marquee.model.TicketKeyView;

/**
 * A door scanner's store in an H2 file under {@code <dataDir>/door}: the ticket keys and the revoked tickets it checks
 * offline (with the revocation feed's cursor), and every scan, queued until the server has answered it. Blocking
 * calls: off the FX thread.
 */
public final class DoorCache implements AutoCloseable {

    private static final String CURSOR = "revoked.cursor";

    private final JdbcConnectionPool pool;
    private final Jdbi jdbi;

    private DoorCache(JdbcConnectionPool pool) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
    }

    /** A scan as the door saw it; {@code localResult} is the verdict shown at the door. */
    public record QueuedScan(
            String scanId,
            String token,
            Instant scannedAt,
            Long showtimeId,
            Long ticketId,
            String seatId,
            String localResult) {}

    /** Opens (creating) the store under {@code <dataDir>/door}. */
    public static DoorCache open(Path dataDir) {
        Path directory = dataDir.toAbsolutePath().normalize().resolve("door");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the door scanner's folder " + directory, e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(
                "jdbc:h2:file:" + directory.resolve("door") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/door")
                    .load()
                    .migrate();
            return new DoorCache(pool);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /** Replaces the keys with those the server publishes now. */
    public void saveKeys(List<TicketKeyView> keys) {
        jdbi.useTransaction(handle -> {
            handle.execute("delete from door_keys");
            for (TicketKeyView key : keys) {
                handle.createUpdate("insert into door_keys (kid, public_key, not_after) values (:kid, :key, :notAfter)")
                        .bind("kid", key.kid())
                        .bind("key", key.publicKey())
                        .bind("notAfter", utc(key.notAfter()))
                        .execute();
            }
        });
    }

    public List<TicketKeyView> keys() {
        return jdbi.withHandle(handle -> handle.createQuery("select kid, public_key, not_after from door_keys")
                .map((rs, ctx) -> new TicketKeyView(
                        rs.getString("kid"),
                        "Ed25519",
                        rs.getString("public_key"),
                        null,
                        instant(rs.getObject("not_after", OffsetDateTime.class))))
                .list());
    }

    /** Adds revoked tickets and keeps the cursor to ask with next time, in one transaction. */
    public void addRevoked(List<RevokedTicket> revoked, String cursor) {
        jdbi.useTransaction(handle -> {
            for (RevokedTicket ticket : revoked) {
                handle.createUpdate("""
                                merge into door_revoked (ticket_id, showtime_id, seat_id, reason) key (ticket_id)
                                values (:id, :showtime, :seat, :reason)""")
                        .bind("id", ticket.ticketId())
                        .bind("showtime", ticket.showtimeId())
                        .bind("seat", ticket.seatId())
                        .bind("reason", ticket.reason())
                        .execute();
            }
            handle.createUpdate("merge into door_settings (k, v) key (k) values (:k, :v)")
                    .bind("k", CURSOR)
                    .bind("v", cursor)
                    .execute();
        });
    }

    public List<RevokedTicket> revoked() {
        return jdbi.withHandle(
                handle -> handle.createQuery("select ticket_id, showtime_id, seat_id, reason from door_revoked")
                        .map((rs, ctx) -> new RevokedTicket(
                                rs.getLong("ticket_id"),
                                rs.getLong("showtime_id"),
                                rs.getString("seat_id"),
                                rs.getString("reason")))
                        .list());
    }

    /** The revocation feed's cursor, "0" before the first download. */
    public String revokedCursor() {
        return jdbi.withHandle(handle -> handle.createQuery("select v from door_settings where k = :k")
                .bind("k", CURSOR)
                .mapTo(String.class)
                .findOne()
                .orElse("0"));
    }

    public void queue(QueuedScan scan) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        insert into door_scans (scan_id, token, scanned_at, showtime_id, ticket_id, seat_id, local_result)
                        values (:scanId, :token, :scannedAt, :showtimeId, :ticketId, :seatId, :localResult)""")
                .bindMethods(scan)
                .bind("scannedAt", utc(scan.scannedAt()))
                .execute());
    }

    /** Scans the server has not answered yet, oldest first. */
    public List<QueuedScan> pending(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select scan_id, token, scanned_at, showtime_id, ticket_id, seat_id, local_result from door_scans
                         where not uploaded order by scanned_at, scan_id limit :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new QueuedScan(
                        rs.getString("scan_id"),
                        rs.getString("token"),
                        instant(rs.getObject("scanned_at", OffsetDateTime.class)),
                        (Long) rs.getObject("showtime_id", Long.class),
                        (Long) rs.getObject("ticket_id", Long.class),
                        rs.getString("seat_id"),
                        rs.getString("local_result")))
                .list());
    }

    /** Keeps the server's answers; those scans are not sent again. */
    public void uploaded(List<AdmissionResult> results) {
        jdbi.useTransaction(handle -> {
            for (AdmissionResult result : results) {
                handle.createUpdate("""
                                update door_scans set uploaded = true, server_result = :result, admitted_by = :by
                                 where scan_id = :scanId""")
                        .bind("result", result.result().name())
                        .bind("by", result.admittedBy())
                        .bind("scanId", result.scanId())
                        .execute();
            }
        });
    }

    /** Tickets this door let in (its own verdict ADMITTED), with when: a second scan here is already admitted. */
    public List<QueuedScan> admittedHere() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select scan_id, token, scanned_at, showtime_id, ticket_id, seat_id, local_result from door_scans
                         where local_result = 'ADMITTED'""")
                .map((rs, ctx) -> new QueuedScan(
                        rs.getString("scan_id"),
                        rs.getString("token"),
                        instant(rs.getObject("scanned_at", OffsetDateTime.class)),
                        (Long) rs.getObject("showtime_id", Long.class),
                        (Long) rs.getObject("ticket_id", Long.class),
                        rs.getString("seat_id"),
                        rs.getString("local_result")))
                .list());
    }

    public Optional<String> serverResult(String scanId) {
        return jdbi.withHandle(handle -> handle.createQuery("select server_result from door_scans where scan_id = :s")
                .bind("s", scanId)
                .mapTo(String.class)
                .findOne());
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
