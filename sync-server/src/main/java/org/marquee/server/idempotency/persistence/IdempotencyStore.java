package org.marquee.server.idempotency.persistence;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.marquee.server.db.Transactions;
import org.marquee.server.idempotency.StoredAnswer;

/**
 * First answers to mutating requests, by terminal and Idempotency-Key, written in the transaction of their effect. A
 * request that is running holds a transaction-level advisory lock on its key instead of a row: a crash or a lost
 * connection ends the transaction, and with it the lock, so a key whose request died without an effect is free at
 * once.
 */
public final class IdempotencyStore {

    private final Jdbi jdbi;

    public IdempotencyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Waits up to {@code waitMillis} for a request with the same key to end, then holds the key until the surrounding
     * transaction ends; false when the other request is still running.
     */
    public boolean lock(long terminalId, String key, long waitMillis) {
        try {
            return Transactions.retrying(jdbi, handle -> {
                // the wait's own lock_timeout, set first (the FROM clause is read before the select list) and kept to
                // the end of this transaction: one round trip on the path of every keyed request
                handle.createQuery("""
                                select pg_advisory_xact_lock(hashtextextended(:t || ':' || :k, 0))::text
                                  from (select set_config('lock_timeout', :wait, true)) as timeout""")
                        .bind("t", terminalId)
                        .bind("k", key)
                        .bind("wait", waitMillis + "ms")
                        .mapTo(String.class)
                        .one();
                return true;
            });
        } catch (RuntimeException e) {
            if ("55P03".equals(Transactions.sqlState(e))) {
                return false;
            }
            throw e;
        }
    }

    /** The answer stored under the key, if a request with it finished. */
    public Optional<StoredAnswer> find(long terminalId, String key) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select request_hash, status_code, response_body from idempotency_keys
                         where terminal_id = :t and key = :k and status_code is not null""")
                .bind("t", terminalId)
                .bind("k", key)
                .map((rs, ctx) -> new StoredAnswer(
                        rs.getString("request_hash"), rs.getInt("status_code"), rs.getBytes("response_body")))
                .findOne());
    }

    /** Keeps the answer; in the transaction of the request's effect, so that both or neither are kept. */
    public void save(long terminalId, String key, String requestHash, int status, byte[] body) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        insert into idempotency_keys (terminal_id, key, request_hash, status_code, response_body)
                        values (:t, :k, :h, :s, :b)
                        on conflict (terminal_id, key) do update
                           set request_hash = excluded.request_hash, status_code = excluded.status_code,
                               response_body = excluded.response_body, created_at = now()
                         where idempotency_keys.status_code is null""")
                .bind("t", terminalId)
                .bind("k", key)
                .bind("h", requestHash)
                .bind("s", status)
                .bind("b", body)
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
