package org.marquee.server.audit.http;

import io.javalin.http.Context;
import java.time.Instant;
import org.marquee.server.audit.AuditLog;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.web.QueryParams;

/** {@code GET /admin/audit}: the audit log, newest first, a page at a time. */
public final class AuditHandlers {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final AuditLog audit;

    public AuditHandlers(AuditLog audit) {
        this.audit = audit;
    }

    public void list(Context ctx) {
        Instant from = QueryParams.instant(ctx, "from");
        Instant to = QueryParams.instantUntil(ctx, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw MarqueeException.invalid("'from' must be before 'to'.");
        }
        ctx.json(audit.find(new AuditLog.Query(
                from,
                to,
                QueryParams.text(ctx, "action"),
                QueryParams.text(ctx, "actor"),
                QueryParams.intInRange(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT),
                QueryParams.longValue(ctx, "before"))));
    }
}
