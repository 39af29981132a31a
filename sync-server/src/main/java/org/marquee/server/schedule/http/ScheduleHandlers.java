package org.marquee.server.schedule.http;

import io.javalin.http.Context;
import org.marquee.model.AdminShowtime;
import org.marquee.model.CancelShowtimeRequest;
import org.marquee.model.ShowtimeRequest;
import org.marquee.model.ShowtimeSeriesRequest;
import org.marquee.server.common.Principal;
import org.marquee.server.schedule.ScheduleService;
import org.marquee.server.schedule.ShowtimeCancellations;
import org.marquee.server.web.IdempotentRequests;
import org.marquee.server.web.QueryParams;
import org.marquee.server.web.Requests;

/** {@code /admin/showtimes}: the schedule and cancellations (DESIGN §7.1). */
public final class ScheduleHandlers {

    private final ScheduleService schedule;
    private final ShowtimeCancellations cancellations;
    private final IdempotentRequests idempotent;

    public ScheduleHandlers(
            ScheduleService schedule, ShowtimeCancellations cancellations, IdempotentRequests idempotent) {
        this.schedule = schedule;
        this.cancellations = cancellations;
        this.idempotent = idempotent;
    }

    /** {@code GET /admin/showtimes?theaterId=&from=DATE&to=DATE}. */
    public void list(Context ctx) {
        ctx.json(schedule.list(
                QueryParams.longValue(ctx, "theaterId"), QueryParams.date(ctx, "from"), QueryParams.date(ctx, "to")));
    }

    public void create(Context ctx) {
        AdminShowtime created = schedule.create(Requests.principal(ctx), Requests.body(ctx, ShowtimeRequest.class));
        ctx.status(201)
                .header("Location", "/api/v1/admin/showtimes/" + created.id())
                .json(created);
    }

    public void createSeries(Context ctx) {
        ctx.status(201)
                .json(schedule.createSeries(Requests.principal(ctx), Requests.body(ctx, ShowtimeSeriesRequest.class)));
    }

    public void update(Context ctx) {
        long id = Requests.longPath(ctx, "id", "showtime");
        ctx.json(schedule.update(Requests.principal(ctx), id, Requests.body(ctx, ShowtimeRequest.class)));
    }

    /**
     * {@code POST /admin/showtimes/{id}/cancel}: the showtime stopped in one unit of work, its paid orders refunded
     * outside any transaction (a provider is never called inside one), the answer kept with the last step; a retry
     * with the same Idempotency-Key replays it, or, after a crash between the steps, refunds what is still paid.
     */
    public void cancel(Context ctx) throws Exception {
        long id = Requests.longPath(ctx, "id", "showtime");
        Principal caller = Requests.principal(ctx);
        CancelShowtimeRequest request = Requests.body(ctx, CancelShowtimeRequest.class);
        var stopped = new ShowtimeCancellations.Stopped[1];
        if (idempotent.answer(ctx, () -> {
            stopped[0] = cancellations.stop(caller, id, request);
            return false;
        })) {
            return;
        }
        var refunds = cancellations.refund(caller, stopped[0]);
        idempotent.answer(ctx, () -> {
            ctx.json(cancellations.answer(caller, stopped[0], refunds));
            return true;
        });
    }
}
