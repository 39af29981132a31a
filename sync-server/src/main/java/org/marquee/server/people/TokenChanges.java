package org.marquee.server.people;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.marquee.server.auth.TerminalAuthenticator;
import org.marquee.server.db.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a revoked or replaced token, or the sessions of a staff member who lost their role, stop working at once on
 * every server instance (DESIGN §7.2). Inside the change's transaction a notification goes out on
 * {@code marquee_tokens} (PostgreSQL delivers it at the commit, never for a rollback); after the commit this instance
 * forgets what it cached and waits, briefly, until its own listener has read the notification back: by then
 * PostgreSQL has sent it to every other listening instance too, so the manager's answer comes after the change is
 * known everywhere.
 */
public final class TokenChanges {

    private static final Logger log = LoggerFactory.getLogger(TokenChanges.class);

    /** Longest a change waits for its notification; an instance that missed it drops its cache on reconnecting. */
    static final Duration SEEN_WAIT = Duration.ofSeconds(2);

    private final TerminalAuthenticator authenticator;
    private final Consumer<String> notifyInTransaction;

    /** {@code notifyInTransaction} sends the change's id on {@code marquee_tokens} in the current transaction. */
    public TokenChanges(TerminalAuthenticator authenticator, Consumer<String> notifyInTransaction) {
        this.authenticator = authenticator;
        this.notifyInTransaction = notifyInTransaction;
    }

    /** Announces a token change of the current unit of work; {@code what} names it in the log. */
    public void announce(String what) {
        String changeId = UUID.randomUUID().toString();
        notifyInTransaction.accept(changeId);
        UnitOfWork.afterCommit(() -> {
            authenticator.forgetAll();
            if (!authenticator.awaitSeen(changeId, SEEN_WAIT)) {
                log.warn("event=token_change_not_seen change={} waitedMs={}", what, SEEN_WAIT.toMillis());
            }
        });
    }
}
