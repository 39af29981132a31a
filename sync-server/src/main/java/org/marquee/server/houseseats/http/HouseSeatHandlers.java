package org.marquee.server.houseseats.http;

import io.javalin.http.Context;
import org.marquee.model.HouseSeatsRequest;
import org.marquee.server.houseseats.HouseSeatService;
import org.marquee.server.web.Requests;

/** {@code GET} and {@code PUT /admin/showtimes/{id}/house-seats} (DESIGN §8). */
public final class HouseSeatHandlers {

    private final HouseSeatService houseSeats;

    public HouseSeatHandlers(HouseSeatService houseSeats) {
        this.houseSeats = houseSeats;
    }

    public void get(Context ctx) {
        ctx.json(houseSeats.get(Requests.longPath(ctx, "id", "showtime")));
    }

    /** Replaces the showtime's house seats; answered with the set as it now is. */
    public void put(Context ctx) {
        long showtimeId = Requests.longPath(ctx, "id", "showtime");
        HouseSeatsRequest request = Requests.body(ctx, HouseSeatsRequest.class);
        ctx.json(houseSeats.set(Requests.principal(ctx), showtimeId, request));
    }
}
