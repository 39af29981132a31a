package org.marquee.server.ticketkeys.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.marquee.server.db.Transactions;
import org.marquee.server.ticketkeys.SealedKey;
import org.marquee.server.ticketkeys.TicketKeyRecord;
import org.marquee.server.ticketkeys.TicketKeyRepository;

/** Ticket keys in {@code ticket_keys}; rotation joins the caller's unit of work (its audit entry commits with it). */
public final class TicketKeyStore implements TicketKeyRepository {

    private final Jdbi jdbi;

    public TicketKeyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<TicketKeyRecord> all() {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("""
                        select kid, public_key, private_key_sealed, private_key_nonce, not_before, not_after, retired_at
                          from ticket_keys order by not_before, kid""")
                        .map((rs, ctx) -> new TicketKeyRecord(
                                rs.getString("kid"),
                                rs.getBytes("public_key"),
                                new SealedKey(rs.getBytes("private_key_sealed"), rs.getBytes("private_key_nonce")),
                                instant(rs.getObject("not_before", OffsetDateTime.class)),
                                instant(rs.getObject("not_after", OffsetDateTime.class)),
                                instant(rs.getObject("retired_at", OffsetDateTime.class))))
                        .list());
    }

    @Override
    public boolean addFirst(TicketKeyRecord key) {
        return Transactions.retrying(jdbi, handle -> insert(handle, key, true) == 1);
    }

    @Override
    public String rotate(TicketKeyRecord next, Duration grace) {
        return Transactions.retrying(jdbi, handle -> {
            // the lock makes two managers rotating at once take turns: each retires the key the other made current
            String retired = handle.createQuery("select kid from ticket_keys where retired_at is null for update")
                    .mapTo(String.class)
                    .findOne()
                    .orElse(null);
            handle.createUpdate("""
                            update ticket_keys
                               set retired_at = now(),
                                   not_after = greatest(now(), coalesce((select max(starts_at) from showtimes), now()))
                                               + make_interval(secs => :grace)
                             where retired_at is null""").bind("grace", grace.toSeconds()).execute();
            insert(handle, next, false);
            return retired;
        });
    }

    private static int insert(Handle handle, TicketKeyRecord key, boolean onlyIfNoCurrent) {
        return handle.createUpdate("""
                        insert into ticket_keys (kid, public_key, private_key_sealed, private_key_nonce, not_before)
                        values (:kid, :publicKey, :sealed, :nonce, now())""" + (onlyIfNoCurrent ? " on conflict do nothing" : ""))
                .bind("kid", key.kid())
                .bind("publicKey", key.publicKey())
                .bind("sealed", key.privateKey().sealed())
                .bind("nonce", key.privateKey().nonce())
                .execute();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
