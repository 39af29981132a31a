package org.marquee.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.marquee.model.ErrorCode;
import org.marquee.model.SessionView;
import org.marquee.server.auth.persistence.StaffDao;
import org.marquee.server.auth.persistence.StaffSessionDao;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff sign-in on a counter terminal with username and PIN, and sign-out. A wrong username and a wrong PIN get the
 * same answer after the same bcrypt work, so neither the message nor the time tells whether a username exists.
 * {@link #MAX_FAILED_ATTEMPTS} wrong PINs in a row lock the account for a while. PINs and tokens are never logged;
 * usernames only once they are known to be staff (a PIN typed into the username field must not end up in a log). The
 * terminal's name is in every log line of a request already (MDC).
 */
public final class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    /** A session lasts a working day and a bit; the clerk signs in again after that. */
    public static final Duration SESSION_LENGTH = Duration.ofHours(12);

    public static final int MAX_FAILED_ATTEMPTS = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(5);

    static final String WRONG_CREDENTIALS = "Unknown user or wrong PIN.";

    private static final Pattern PIN = Pattern.compile("[0-9]{4,8}");
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Checked against when the username is unknown, so that the answer takes as long as for a wrong PIN. Its cost (10)
     * must match that of the stored PIN hashes; nobody knows what it is the hash of.
     */
    private static final String DUMMY_HASH = "$2a$10$GQrDViRZvzWgniXNPlQZ7eXkyU3wgGKnKbIz3585R5X1hrUcjHLte";

    private final StaffDao staff;
    private final StaffSessionDao sessions;
    private final TerminalAuthenticator authenticator;
    private final Duration lockDuration;

    public SessionService(StaffDao staff, StaffSessionDao sessions, TerminalAuthenticator authenticator) {
        this(staff, sessions, authenticator, LOCK_DURATION);
    }

    /** With another lock duration, for tests that want to see a lock lift. */
    SessionService(
            StaffDao staff, StaffSessionDao sessions, TerminalAuthenticator authenticator, Duration lockDuration) {
        this.staff = staff;
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.lockDuration = lockDuration;
    }

    /** Signs a staff member in on the calling counter terminal; returns the session token, shown only this once. */
    public SessionView signIn(Principal terminal, String username, String pin) {
        checkInput(username, pin);
        Optional<StaffRecord> found = staff.findByUsername(username.strip()).filter(StaffRecord::active);
        if (found.isEmpty()) {
            BCrypt.verifyer().verify(pin.toCharArray(), DUMMY_HASH);
            log.info("event=sign_in_refused reason=unknown_or_inactive_user");
            throw wrongCredentials();
        }
        StaffRecord member = found.get();
        if (member.lock().locked()) {
            log.info("event=sign_in_refused reason=locked username={}", member.username());
            throw locked(member.lock());
        }
        if (!BCrypt.verifyer().verify(pin.toCharArray(), member.pinHash()).verified) {
            LockState after = staff.recordFailure(member.id(), MAX_FAILED_ATTEMPTS, seconds(lockDuration));
            log.info(
                    "event=sign_in_refused reason=wrong_pin username={} failedAttempts={} locked={}",
                    member.username(),
                    after.failedAttempts(),
                    after.locked());
            throw after.locked() ? locked(after) : wrongCredentials();
        }
        if (!staff.recordSuccess(member.id())) {
            // locked by concurrent wrong PINs, or deactivated, since it was read
            LockState now = staff.findByUsername(member.username())
                    .map(StaffRecord::lock)
                    .orElseThrow(SessionService::wrongCredentials);
            throw now.locked() ? locked(now) : wrongCredentials();
        }
        String token = newToken();
        Instant expiresAt = sessions.create(
                TokenHash.of(token), member.id(), terminal.terminalId(), member.role(), seconds(SESSION_LENGTH));
        log.info("event=session_started username={} role={}", member.username(), member.role());
        return new SessionView(token, member.role(), member.username(), member.displayName(), expiresAt);
    }

    /** Ends the caller's own session, at once on this server instance and within seconds on the others. */
    public void end(Principal caller, String bearerToken) {
        if (!caller.isStaff()) {
            throw MarqueeException.notFound(
                    "Nobody is signed in with this token: it is a terminal's own token, not a staff session.");
        }
        String tokenHash = TokenHash.of(bearerToken);
        sessions.end(tokenHash);
        authenticator.forget(tokenHash);
        log.info("event=session_ended username={}", caller.username());
    }

    /** Refuses a missing username and a PIN that is not 4 to 8 digits, without ever repeating what was typed. */
    static void checkInput(String username, String pin) {
        if (username == null || username.isBlank()) {
            throw MarqueeException.invalid("Say who is signing in: 'username' is missing.");
        }
        if (pin == null || pin.isBlank()) {
            throw MarqueeException.invalid("Type the PIN: 'pin' is missing.");
        }
        if (!PIN.matcher(pin).matches()) {
            throw MarqueeException.invalid("A PIN is 4 to 8 digits.");
        }
    }

    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static MarqueeException wrongCredentials() {
        return new MarqueeException(ErrorCode.UNAUTHORIZED, WRONG_CREDENTIALS);
    }

    /**
     * 403, not 429: this API's 429 means "the server is busy, retry in a moment" (clients may retry it on their own),
     * while a locked account is a refusal for this account that a person has to wait out, whoever sends the request.
     */
    private static MarqueeException locked(LockState lock) {
        long seconds = Math.max(1, lock.remaining().toSeconds());
        long minutes = Math.max(1, (seconds + 59) / 60);
        String wait = minutes == 1 ? "about a minute" : "about " + minutes + " minutes";
        return new MarqueeException(
                ErrorCode.FORBIDDEN,
                "This account is locked after " + MAX_FAILED_ATTEMPTS + " wrong PINs in a row. Try again in " + wait
                        + ", or ask a manager.",
                Map.of("lockedUntil", lock.lockedUntil().toString(), "retryAfterSeconds", seconds));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
