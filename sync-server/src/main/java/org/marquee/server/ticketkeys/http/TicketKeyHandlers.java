package org.marquee.server.ticketkeys.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.marquee.server.audit.AuditLog;
import org.marquee.server.ticketkeys.TicketKeys;
import org.marquee.server.web.Requests;

/** {@code GET /ticket-keys} (any terminal) and {@code POST /admin/ticket-keys/rotate} (managers, audited). */
public final class TicketKeyHandlers {

    private final TicketKeys keys;
    private final AuditLog audit;

    public TicketKeyHandlers(TicketKeys keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    public void list(Context ctx) {
        ctx.json(keys.published());
    }

    /** Runs inside {@code IdempotentRequests.atomic}: the new key and its audit entry commit together. */
    public void rotate(Context ctx) {
        TicketKeys.Rotation rotation = keys.rotate();
        audit.record(
                Requests.principal(ctx),
                "TICKET_KEY_ROTATED",
                "TICKET_KEY",
                rotation.key().kid(),
                Map.of("retiredKid", rotation.retiredKid() == null ? "" : rotation.retiredKid()));
        ctx.status(HttpStatus.CREATED).json(rotation.key());
    }
}
