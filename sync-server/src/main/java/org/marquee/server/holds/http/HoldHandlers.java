package org.marquee.server.holds.http;

import io.javalin.http.Context;
import java.util.UUID;
import org.marquee.model.ChangeSeatsRequest;
import org.marquee.model.CreateHoldRequest;
import org.marquee.model.HoldStatus;
import org.marquee.model.HoldView;
import org.marquee.server.common.Principal;
import org.marquee.server.holds.HoldResult;
import org.marquee.server.holds.HoldService;
import org.marquee.server.holds.ManagerReleases;
import org.marquee.server.web.Requests;

/** Seat-hold endpoints: create, read, change seats, extend, release. */
public final class HoldHandlers {

    private final HoldService holds;
    private final ManagerReleases releases;

    public HoldHandlers(HoldService holds, ManagerReleases releases) {
        this.holds = holds;
        this.releases = releases;
    }

    /** {@code POST /holds}: 201 with the hold, or 409 naming the seats that were taken. */
    public void create(Context ctx) {
        CreateHoldRequest request = Requests.body(ctx, CreateHoldRequest.class);
        HoldView hold = granted(holds.create(Requests.principal(ctx), request.showtimeId(), request.seatIds()));
        ctx.status(201)
                .header("Location", ctx.contextPath() + "/api/v1/holds/" + hold.holdId())
                .json(hold);
    }

    /** {@code GET /holds/{id}}; a hold a manager released says so ({@code releasedBy: "MANAGER"}). */
    public void get(Context ctx) {
        HoldView hold = holds.get(Requests.principal(ctx), holdId(ctx)).view();
        if (hold.status() == HoldStatus.RELEASED) {
            hold = releases.releasedBy(hold.holdId()).map(hold::releasedBy).orElse(hold);
        }
        ctx.json(hold);
    }

    /** {@code PUT /holds/{id}/seats}: the new complete seat set, all or nothing. */
    public void changeSeats(Context ctx) {
        Principal caller = Requests.principal(ctx);
        UUID holdId = holdId(ctx);
        ChangeSeatsRequest request = Requests.body(ctx, ChangeSeatsRequest.class);
        ctx.json(granted(holds.changeSeats(caller, holdId, request.seatIds())));
    }

    /** {@code POST /holds/{id}/extend}. */
    public void extend(Context ctx) {
        ctx.json(granted(holds.extend(Requests.principal(ctx), holdId(ctx))));
    }

    /** {@code DELETE /holds/{id}}: 204, the seats free for everyone. */
    public void release(Context ctx) {
        holds.release(Requests.principal(ctx), holdId(ctx));
        ctx.status(204);
    }

    private static UUID holdId(Context ctx) {
        return Requests.uuidPath(ctx, "id", "hold");
    }

    private static HoldView granted(HoldResult result) {
        return switch (result) {
            case HoldResult.Granted granted -> granted.hold().view();
            case HoldResult.Taken taken -> throw HoldService.taken(taken);
            case HoldResult.Lapsed lapsed -> throw HoldService.lapsed(lapsed.hold());
        };
    }
}
