package org.marquee.server.people;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.marquee.server.auth.TerminalAuthenticator;
import org.marquee.server.auth.TokenChangeSync;
import org.marquee.server.db.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a revoked or replaced token, or the sessions of a staff member who lost their role, stop working at once on
 * every server instance (DESIGN §7.2). Inside the change's transaction a notification goes out on
 * {@code marquee_tokens} (PostgreSQL delivers it at the commit, never for a rollback); after the commit this instance
 * forgets what it cached and waits, briefly, until every listening instance has acknowledged it ({@link
 * TokenChangeSync}), so the manager's answer comes after the change is known everywhere.
 */
public final class TokenChanges {

    private static final Logger log = LoggerFactory.getLogger(TokenChanges.class);

    /** Longest a change waits for its acknowledgements; an instance that missed it drops its cache on reconnecting. */
    static final Duration ACK_WAIT = Duration.ofSeconds(2);

    private final TerminalAuthenticator authenticator;
    private final TokenChangeSync sync;
    private final Consumer<String> notifyInTransaction;

    /** {@code notifyInTransaction} sends a payload on {@code marquee_tokens} in the current transaction. */
    public TokenChanges(
            TerminalAuthenticator authenticator, TokenChangeSync sync, Consumer<String> notifyInTransaction) {
        this.authenticator = authenticator;
        this.sync = sync;
        this.notifyInTransaction = notifyInTransaction;
    }

    /** Announces a token change of the current unit of work; {@code what} names it in the log. */
    public void announce(String what) {
        String changeId = UUID.randomUUID().toString();
        notifyInTransaction.accept(TokenChangeSync.announcement(changeId));
        UnitOfWork.afterCommit(() -> {
            authenticator.forgetAll();
            if (!sync.awaitAcknowledged(changeId, ACK_WAIT)) {
                log.warn("event=token_change_not_acknowledged change={} waitedMs={}", what, ACK_WAIT.toMillis());
            }
        });
    }
}
