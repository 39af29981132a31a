package org.marquee.server.holds.http;

import io.javalin.http.Context;
import org.marquee.server.holds.ManagerReleases;
import org.marquee.server.web.QueryParams;
import org.marquee.server.web.Requests;

/** {@code GET /admin/holds?theaterId=} and {@code DELETE /admin/holds/{id}?reason=}: managers and live holds. */
public final class LiveHoldHandlers {

    private final ManagerReleases releases;

    public LiveHoldHandlers(ManagerReleases releases) {
        this.releases = releases;
    }

    public void list(Context ctx) {
        ctx.json(releases.live(QueryParams.longValue(ctx, "theaterId")));
    }

    public void release(Context ctx) {
        releases.forceRelease(Requests.principal(ctx), Requests.uuidPath(ctx, "id", "hold"), ctx.queryParam("reason"));
        ctx.status(204);
    }
}
