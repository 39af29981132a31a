package org.marquee.server.idempotency.persistence;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.marquee.server.idempotency.StoredAnswer;

/** First answers to mutating requests, by terminal and Idempotency-Key. */
public final class IdempotencyStore {

    private final Jdbi jdbi;

    public IdempotencyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Claims the key for a request, or returns what is stored under it. An unfinished claim older than
     * {@code staleSeconds} (its server died mid-request) is taken over.
     */
    public Optional<StoredAnswer> claim(long terminalId, String key, String requestHash, long staleSeconds) {
        return jdbi.inTransaction(handle -> {
            int claimed = handle.createUpdate("""
                            insert into idempotency_keys (terminal_id, key, request_hash) values (:t, :k, :h)
                            on conflict (terminal_id, key) do update
                               set request_hash = excluded.request_hash, created_at = now()
                             where idempotency_keys.status_code is null
                               and idempotency_keys.created_at < now() - make_interval(secs => :stale)""")
                    .bind("t", terminalId)
                    .bind("k", key)
                    .bind("h", requestHash)
                    .bind("stale", (double) staleSeconds)
                    .execute();
            if (claimed == 1) {
                return Optional.empty();
            }
            return handle.createQuery("""
                            select request_hash, status_code, response_body from idempotency_keys
                             where terminal_id = :t and key = :k""")
                    .bind("t", terminalId)
                    .bind("k", key)
                    .map((rs, ctx) -> new StoredAnswer(
                            rs.getString("request_hash"),
                            (Integer) rs.getObject("status_code"),
                            rs.getBytes("response_body")))
                    .findOne();
        });
    }

    public void complete(long terminalId, String key, int status, byte[] body) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        update idempotency_keys set status_code = :s, response_body = :b
                         where terminal_id = :t and key = :k""")
                .bind("s", status)
                .bind("b", body)
                .bind("t", terminalId)
                .bind("k", key)
                .execute());
    }

    /** Forgets a claim whose request ended without an answer worth replaying, so a retry runs it again. */
    public void forget(long terminalId, String key) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "delete from idempotency_keys where terminal_id = :t and key = :k and status_code is null")
                .bind("t", terminalId)
                .bind("k", key)
                .execute());
    }

    /** Drops answers older than {@code days}; a retry comes within minutes, not weeks. */
    public int purgeOlderThan(int days) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "delete from idempotency_keys where created_at < now() - make_interval(days => :d)")
                .bind("d", days)
                .execute());
    }
}
