package org.marquee.server.people.http;

import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.marquee.model.AdminTerminal;
import org.marquee.model.TerminalRequest;
import org.marquee.server.people.TerminalAdmin;
import org.marquee.server.web.IdempotentRequests;
import org.marquee.server.web.Json;
import org.marquee.server.web.Requests;

/** {@code /admin/terminals}: list, create, revoke, rotate-token (DESIGN §7.2). */
public final class TerminalAdminHandlers {

    private static final Pattern HOST =
            Pattern.compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+](:[0-9]{1,5})?");

    private final TerminalAdmin terminals;
    private final String publicUrl;

    /**
     * {@code publicUrl}: this server's address as terminals reach it ({@code --public-url}), for the enrollment text;
     * null to take it from each request's {@code Host} header.
     */
    public TerminalAdminHandlers(TerminalAdmin terminals, String publicUrl) {
        this.terminals = terminals;
        this.publicUrl = publicUrl;
    }

    public void list(Context ctx) {
        ctx.json(terminals.list());
    }

    public void create(Context ctx) {
        TerminalRequest request = Json.readValues(ctx.bodyAsBytes(), TerminalRequest.class);
        AdminTerminal created = terminals.create(Requests.principal(ctx), request, serverUrl(ctx));
        answerOnce(ctx.status(201), created);
    }

    public void revoke(Context ctx) {
        ctx.json(terminals.revoke(Requests.principal(ctx), Requests.longPath(ctx, "id", "terminal")));
    }

    public void rotateToken(Context ctx) {
        AdminTerminal rotated = terminals.rotateToken(
                Requests.principal(ctx), Requests.longPath(ctx, "id", "terminal"), serverUrl(ctx));
        answerOnce(ctx, rotated);
    }

    /**
     * Answers with the token, but keeps the answer for a retry without it: only the token's hash is ever stored, so
     * a retry whose first answer was lost gets the terminal and rotates its token to have one.
     */
    private static void answerOnce(Context ctx, AdminTerminal terminal) {
        ctx.attribute(
                IdempotentRequests.KEPT_ANSWER,
                Json.bytes(new AdminTerminal(
                        terminal.id(),
                        terminal.name(),
                        terminal.kind(),
                        terminal.theaterId(),
                        terminal.createdAt(),
                        terminal.revokedAt(),
                        null,
                        null)));
        ctx.contentType("application/json").result(Json.bytes(terminal));
    }

    /** {@code --public-url}, or the scheme and {@code Host} the request came with ({@code http://host:port}). */
    private String serverUrl(Context ctx) {
        if (publicUrl != null) {
            return publicUrl;
        }
        String host = ctx.host();
        if (host == null || !HOST.matcher(host).matches()) {
            host = "localhost:" + ctx.port();
        }
        return ctx.scheme() + "://" + host;
    }
}
