package org.marquee.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import org.marquee.model.ErrorCode;
import org.marquee.model.Role;
import org.marquee.model.TerminalKind;
import org.marquee.server.auth.persistence.StaffSessionDao;
import org.marquee.server.auth.persistence.TerminalDao;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;

/**
 * Turns a bearer token, a terminal's own or a staff session's, into a {@link Principal}. Answers are cached for a few
 * seconds so that the hold path does not spend a database round trip on every request; a revocation, or a session
 * ended on another server instance, therefore takes effect within {@link #CACHE_TTL}. A session ended on this instance
 * is forgotten at once, and one that expires stops working at its expiry even while cached.
 */
public final class TerminalAuthenticator {

    static final Duration CACHE_TTL = Duration.ofSeconds(10);

    /** What a token hash turned out to be. */
    private sealed interface Lookup {
        /** A valid token; {@code endsAt} is a session's expiry, null for a terminal's own token. */
        record Valid(Principal principal, Instant endsAt) implements Lookup {}

        /** A session that was ended or expired, or whose staff member was deactivated. */
        record Ended() implements Lookup {}

        /** No such token, a revoked terminal, or a session started on a terminal since revoked. */
        record Unknown() implements Lookup {}
    }

    private final TerminalDao terminals;
    private final StaffSessionDao sessions;
    private final Cache<String, Lookup> byTokenHash;

    public TerminalAuthenticator(TerminalDao terminals, StaffSessionDao sessions) {
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
        return switch (byTokenHash.get(TokenHash.of(bearerToken), this::lookUp)) {
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

    /** Drops what this instance remembers of a token, so that a session ended here stops working at once. */
    void forget(String tokenHash) {
        byTokenHash.invalidate(tokenHash);
    }

    private Lookup lookUp(String tokenHash) {
        var terminal = terminals.findByTokenHash(tokenHash);
        if (terminal.isPresent()) {
            return terminal.filter(t -> t.revokedAt() == null)
                    .<Lookup>map(t -> new Lookup.Valid(
                            new Principal(t.id(), t.name(), t.kind(), t.theaterId(), ownRole(t.kind())), null))
                    .orElse(new Lookup.Unknown());
        }
        return sessions.findByTokenHash(tokenHash)
                .<Lookup>map(session -> {
                    if (session.terminalRevokedAt() != null) {
                        return new Lookup.Unknown();
                    }
                    return session.live()
                            ? new Lookup.Valid(session.principal(), session.expiresAt())
                            : new Lookup.Ended();
                })
                .orElse(new Lookup.Unknown());
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
