package org.marquee.server.catalog.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import org.marquee.server.catalog.CatalogService;
import org.marquee.server.catalog.GeoPoint;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.web.QueryParams;
import org.marquee.server.web.Requests;

/** Browsing endpoints: theaters, a theater's showtimes, the catalog change feed. */
public final class CatalogHandlers {

    private static final double DEFAULT_RADIUS_KM = 50;
    private static final double MAX_RADIUS_KM = 20_040;

    private final CatalogService catalog;

    public CatalogHandlers(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** {@code GET /theaters?near=LAT,LON&radiusKm=R}. */
    public void theaters(Context ctx) {
        String near = ctx.queryParam("near");
        double radius = radius(ctx.queryParam("radiusKm"));
        ctx.json(catalog.theaters(near == null || near.isBlank() ? null : GeoPoint.parse(near), radius));
    }

    /** {@code GET /theaters/{id}/showtimes?date=YYYY-MM-DD}; today where the theater is when no date is given. */
    public void showtimes(Context ctx) {
        long theaterId = Requests.longPath(ctx, "id", "theater");
        LocalDate date = QueryParams.date(ctx, "date");
        LocalDate day = date == null ? catalog.today(theaterId) : date;
        ctx.json(catalog.showtimes(theaterId, day));
    }

    /** {@code GET /catalog/changes?since=CURSOR}. */
    public void changes(Context ctx) {
        String since = ctx.queryParam("since");
        long cursor;
        try {
            cursor = since == null || since.isBlank() ? 0 : Long.parseLong(since.strip());
        } catch (NumberFormatException e) {
            throw MarqueeException.malformed("'since' must be 0 or the cursor of an earlier answer.");
        }
        ctx.json(catalog.changesSince(cursor));
    }

    private static double radius(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_RADIUS_KM;
        }
        double radius;
        try {
            radius = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw MarqueeException.malformed("'radiusKm' must be a number of kilometres.");
        }
        if (!(radius > 0 && radius <= MAX_RADIUS_KM)) {
            throw MarqueeException.invalid("'radiusKm' must be more than 0 and at most " + (int) MAX_RADIUS_KM + ".");
        }
        return radius;
    }
}
