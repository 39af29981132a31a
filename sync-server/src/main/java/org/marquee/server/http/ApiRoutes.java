package org.marquee.server.http;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import io.javalin.apibuilder.EndpointGroup;
import org.marquee.server.catalog.http.CatalogHandlers;
import org.marquee.server.holds.http.HoldHandlers;
import org.marquee.server.seatmap.http.SeatMapHandler;

/** Every path of the API, with who may call it, in one place. */
public record ApiRoutes(HealthHandler health, CatalogHandlers catalog, SeatMapHandler seatMap, HoldHandlers holds)
        implements EndpointGroup {

    public static final String BASE = "/api/v1";

    @Override
    public void addEndpoints() {
        path(BASE, () -> {
            get("/health", health::health, Access.PUBLIC);

            get("/theaters", catalog::theaters, Access.ANY_CALLER);
            get("/theaters/{id}/showtimes", catalog::showtimes, Access.ANY_CALLER);
            get("/catalog/changes", catalog::changes, Access.ANY_CALLER);
            get("/showtimes/{id}/seats", seatMap::seats, Access.ANY_CALLER);

            post("/holds", holds::create, Access.ANY_CALLER);
            get("/holds/{id}", holds::get, Access.ANY_CALLER);
            delete("/holds/{id}", holds::release, Access.ANY_CALLER);
            put("/holds/{id}/seats", holds::changeSeats, Access.ANY_CALLER);
            post("/holds/{id}/extend", holds::extend, Access.ANY_CALLER);
        });
    }
}
