package org.marquee.server.people;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marquee.model.AdminTerminal;
import org.marquee.model.ErrorCode;
import org.marquee.model.TerminalRequest;
import org.marquee.server.audit.AuditLog;
import org.marquee.server.auth.TokenHash;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;
import org.marquee.server.people.persistence.AdminTerminalDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Terminals for managers (DESIGN §7.2): create one with a new token, revoke it, give it a new token. A token is 256
 * random bits, shown in the answer that makes it and never again; only its SHA-256 is stored. Every method runs inside
 * the request's unit of work, with its audit entry.
 */
public final class TerminalAdmin {

    private static final Logger log = LoggerFactory.getLogger(TerminalAdmin.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private final AdminTerminalDao terminals;
    private final AuditLog audit;
    private final TokenChanges tokenChanges;

    public TerminalAdmin(AdminTerminalDao terminals, AuditLog audit, TokenChanges tokenChanges) {
        this.terminals = terminals;
        this.audit = audit;
        this.tokenChanges = tokenChanges;
    }

    public List<AdminTerminal> list() {
        return terminals.list();
    }

    /** Creates a terminal; {@code serverUrl} is this server's address as terminals reach it, for the enrollment text. */
    public AdminTerminal create(Principal manager, TerminalRequest request, String serverUrl) {
        String name = Names.name("name", request.name());
        if (request.kind() == null) {
            throw MarqueeException.invalid("'kind' must be one of KIOSK, COUNTER, SCANNER.");
        }
        if (request.theaterId() == null) {
            throw MarqueeException.invalid("'theaterId' is missing: say which theater the terminal stands in.");
        }
        if (!terminals.theaterExists(request.theaterId())) {
            throw MarqueeException.invalid("'theaterId': there is no theater " + request.theaterId() + ".");
        }
        String token = newToken();
        AdminTerminal created = terminals
                .create(name, request.kind(), request.theaterId(), TokenHash.of(token))
                .orElseThrow(() -> new MarqueeException(
                        ErrorCode.CONFLICT,
                        "A terminal named '" + name + "' exists already; choose another name.",
                        Map.of("field", "name")));
        audit.record(manager, "TERMINAL_CREATED", "TERMINAL", created.id(), describe(created));
        log.info(
                "event=terminal_created terminal={} kind={} theater={}",
                created.id(),
                created.kind(),
                created.theaterId());
        return withToken(created, token, serverUrl);
    }

    /** Revokes a terminal: its token, and every staff session started on it, stop working at once everywhere. */
    public AdminTerminal revoke(Principal manager, long id) {
        AdminTerminal terminal = terminals.lock(id).orElseThrow(() -> unknown(id));
        if (terminal.revokedAt() != null) {
            return terminal;
        }
        AdminTerminal revoked = terminals.revoke(id);
        audit.record(manager, "TERMINAL_REVOKED", "TERMINAL", id, describe(revoked));
        tokenChanges.announce("terminal_revoked");
        log.info("event=terminal_revoked terminal={}", id);
        return revoked;
    }

    /** Gives a terminal a new token; the old one stops working at once everywhere. A revoked terminal gets none. */
    public AdminTerminal rotateToken(Principal manager, long id, String serverUrl) {
        AdminTerminal terminal = terminals.lock(id).orElseThrow(() -> unknown(id));
        if (terminal.revokedAt() != null) {
            throw new MarqueeException(
                    ErrorCode.CONFLICT,
                    "Terminal " + id + " is revoked and gets no new token; create a new terminal instead.");
        }
        String token = newToken();
        AdminTerminal rotated = terminals.replaceToken(id, TokenHash.of(token));
        audit.record(manager, "TERMINAL_TOKEN_ROTATED", "TERMINAL", id, describe(rotated));
        tokenChanges.announce("terminal_token_rotated");
        log.info("event=terminal_token_rotated terminal={}", id);
        return withToken(rotated, token, serverUrl);
    }

    /** The {@code marquee://enroll} text a terminal's setup screen reads (pasted, or scanned from its QR code). */
    public static String enrollment(String serverUrl, String token) {
        return "marquee://enroll?server=" + URLEncoder.encode(serverUrl, StandardCharsets.UTF_8) + "&token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** A new terminal token: 256 random bits, base64url. */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static AdminTerminal withToken(AdminTerminal terminal, String token, String serverUrl) {
        return new AdminTerminal(
                terminal.id(),
                terminal.name(),
                terminal.kind(),
                terminal.theaterId(),
                terminal.createdAt(),
                terminal.revokedAt(),
                token,
                enrollment(serverUrl, token));
    }

    private static Map<String, Object> describe(AdminTerminal terminal) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", terminal.name());
        details.put("kind", terminal.kind().name());
        details.put("theaterId", terminal.theaterId());
        return details;
    }

    private static MarqueeException unknown(long id) {
        return MarqueeException.notFound("There is no terminal " + id + ".");
    }
}
