package org.marquee.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.marquee.model.ErrorCode;
import org.marquee.model.Role;
import org.marquee.model.TerminalKind;
import org.marquee.server.auth.persistence.TerminalDao;
import org.marquee.server.common.MarqueeException;

/**
 * Turns a bearer token into a {@link Principal}. Answers are cached for a few seconds so that the hold path does not
 * spend a database round trip on every request; a revocation therefore takes effect within {@link #CACHE_TTL}.
 */
public final class TerminalAuthenticator {

    static final Duration CACHE_TTL = Duration.ofSeconds(10);

    private final TerminalDao terminals;
    private final Cache<String, Optional<Principal>> byTokenHash;

    public TerminalAuthenticator(TerminalDao terminals) {
        this.terminals = terminals;
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
        return byTokenHash
                .get(TokenHash.of(bearerToken), this::lookUp)
                .orElseThrow(() -> new MarqueeException(
                        ErrorCode.UNAUTHORIZED,
                        "This token is not known or has been revoked. Ask a manager for a valid one."));
    }

    private Optional<Principal> lookUp(String tokenHash) {
        return terminals
                .findByTokenHash(tokenHash)
                .filter(terminal -> terminal.revokedAt() == null)
                .map(terminal -> new Principal(
                        terminal.id(),
                        terminal.name(),
                        terminal.kind(),
                        terminal.theaterId(),
                        terminal.kind() == TerminalKind.KIOSK ? Role.KIOSK : Role.COUNTER));
    }
}
