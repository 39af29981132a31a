package org.marquee.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.marquee.model.ErrorCode;
import org.marquee.model.Role;
import org.marquee.model.TerminalKind;
import org.marquee.server.auth.persistence.StaffSessionDao;
import org.marquee.server.auth.persistence.TerminalDao;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;
import org.marquee.server.db.Reads;

/**
 * Turns a bearer token, a terminal's own or a staff session's, into a {@link Principal}. Answers are cached for a few
 * seconds so that the hold path does not spend a database round trip on every request. A session ended on this
 * instance is forgotten at once, and one that expires stops working at its expiry even while cached; a session ended on
 * another instance within {@link #CACHE_TTL}.
 *
 * <p>Revoked and replaced terminal tokens, and the sessions of a staff member deactivated or given another role, stop
 * working at once on every instance (DESIGN §7.2): the change sends a notification on the {@code marquee_tokens}
 * channel in its own transaction, and every instance, on {@link #tokensChanged}, treats every answer it cached before
 * as stale ({@link TokenChangeSync} carries the notifications and their acknowledgements). Each cached answer carries the {@link #generation} it was looked up in, so that a lookup that read the
 * database before the change and finished after the notification is not trusted either. Changes are rare (a manager
 * at work), so dropping everything costs one lookup per live token. After any loss of the listening connection the
 * notifications sent meanwhile are gone: {@link #forgetAll} drops the whole cache (DESIGN §10). While the channel is
 * not listening (at start, and from a loss until it listens again) nothing is cached at all: every request looks its
 * token up, so that a change made meanwhile through another instance still takes effect at once.
 */
public final class TerminalAuthenticator {

    static final Duration CACHE_TTL = Duration.ofSeconds(10);

    /** What a token hash turned out to be. */
    private sealed interface Lookup {
        /** The {@link #generation} this answer was looked up in. */
        long generation();

        /** A valid token; {@code endsAt} is a session's expiry, null for a terminal's own token. */
        record Valid(long generation, Principal principal, Instant endsAt) implements Lookup {}

        /** A session that was ended or expired, or whose staff member was deactivated. */
        record Ended(long generation) implements Lookup {}

        /** No such token, a revoked terminal, or a session started on a terminal since revoked. */
        record Unknown(long generation) implements Lookup {}
    }

    /** True while the {@code marquee_tokens} channel listens; answers are cached only then. */
    private volatile boolean listening;

    /** Bumped by every token change seen; answers cached in an older generation are looked up again. */
    private final AtomicLong generation = new AtomicLong();

    private final TerminalDao terminals;
    private final StaffSessionDao sessions;
    private final Cache<String, Lookup> byTokenHash;
    private final Reads reads;

    public TerminalAuthenticator(TerminalDao terminals, StaffSessionDao sessions) {
        this(terminals, sessions, null);
    }

    /**
     * With {@code reads}, a lookup whose pooled connection turned out broken (PostgreSQL restarted, a failover) is run
     * once more on a fresh one, as every read is: while the token channel is down nothing is cached, so the first
     * request after a restart would otherwise be a 503.
     */
    public TerminalAuthenticator(TerminalDao terminals, StaffSessionDao sessions, Reads reads) {
        this.reads = reads;
        this.terminals = terminals;
        this.sessions = sessions;
        this.byTokenHash = Caffeine.newBuilder()
                .expireAfterWrite(CACHE_TTL)
                .maximumSize(50_000)
                .build();
    }

    public Principal authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new MarqueeException(
                    ErrorCode.UNAUTHORIZED,
                    "This request needs a terminal token: send 'Authorization: Bearer <token>'.");
        }
        return switch (current(TokenHash.of(bearerToken))) {
            case Lookup.Valid valid
            when valid.endsAt() == null || Instant.now().isBefore(valid.endsAt()) -> valid.principal();
            case Lookup.Valid expired -> throw sessionEnded();
            case Lookup.Ended ended -> throw sessionEnded();
            case Lookup.Unknown unknown ->
                throw new MarqueeException(
                        ErrorCode.UNAUTHORIZED,
                        "This token is not known or has been revoked. Ask a manager for a valid one.");
        };
    }

    /** The cached answer for a token hash, looked up again when a token change was seen since it was cached. */
    private Lookup current(String tokenHash) {
        if (!listening) {
            return read(tokenHash);
        }
        while (true) {
            Lookup lookup = byTokenHash.get(tokenHash, this::read);
            if (lookup.generation() == generation.get()) {
                return lookup;
            }
            byTokenHash.asMap().remove(tokenHash, lookup);
        }
    }

    /** Drops what this instance remembers of a token, so that a session ended here stops working at once. */
    void forget(String tokenHash) {
        byTokenHash.invalidate(tokenHash);
    }

    /** Tokens changed (a notification on {@code marquee_tokens}): nothing cached before is trusted any more. */
    public void tokensChanged() {
        generation.incrementAndGet();
    }

    /** The channel listens (again): answers may be cached from now on. */
    public void channelListening() {
        listening = true;
    }

    /** The channel's connection was lost: notifications may be missed, so nothing is cached until it listens again. */
    public void channelLost() {
        listening = false;
        forgetAll();
    }

    /**
     * Forgets every cached answer: this instance made a token change, or the listening connection was lost and
     * notifications may have been missed.
     */
    public void forgetAll() {
        generation.incrementAndGet();
        byTokenHash.invalidateAll();
    }

    private Lookup read(String tokenHash) {
        return reads == null ? lookUp(tokenHash) : reads.run(() -> lookUp(tokenHash));
    }

    private Lookup lookUp(String tokenHash) {
        long seen = generation.get();
        var terminal = terminals.findByTokenHash(tokenHash);
        if (terminal.isPresent()) {
            return terminal.filter(t -> t.revokedAt() == null)
                    .<Lookup>map(t -> new Lookup.Valid(
                            seen, new Principal(t.id(), t.name(), t.kind(), t.theaterId(), ownRole(t.kind())), null))
                    .orElse(new Lookup.Unknown(seen));
        }
        return sessions.findByTokenHash(tokenHash)
                .<Lookup>map(session -> {
                    if (session.terminalRevokedAt() != null) {
                        return new Lookup.Unknown(seen);
                    }
                    return session.live()
                            ? new Lookup.Valid(seen, session.principal(), session.expiresAt())
                            : new Lookup.Ended(seen);
                })
                .orElse(new Lookup.Unknown(seen));
    }

    /** The role a terminal's own token acts with: its kind's. */
    static Role ownRole(TerminalKind kind) {
        return switch (kind) {
            case KIOSK -> Role.KIOSK;
            case COUNTER -> Role.COUNTER;
            case SCANNER -> Role.SCANNER;
        };
    }

    private static MarqueeException sessionEnded() {
        return new MarqueeException(ErrorCode.UNAUTHORIZED, "This session has ended; sign in again.");
    }
}
