package org.marquee.server.catalog.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.marquee.server.catalog.CatalogService;
import org.marquee.server.catalog.GeoPoint;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.web.Requests;

/** Browsing endpoints: theaters, a theater's showtimes, the catalog change feed. */
public final class CatalogHandlers {

    private static final double DEFAULT_RADIUS_KM = 50;
    private static final double MAX_RADIUS_KM = 20_040;
    /** YYYY-MM-DD exactly: LocalDate.parse alone takes years such as +999999999, which no clock or database holds. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

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
        String date = ctx.queryParam("date");
        LocalDate day = date == null || date.isBlank() ? catalog.today(theaterId) : parseDate(date);
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

    private static LocalDate parseDate(String text) {
        String date = text.strip();
        if (!DATE.matcher(date).matches()) {
            throw MarqueeException.malformed("'date' must be a calendar date such as 2026-11-21.");
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw MarqueeException.malformed("'date' must be a calendar date such as 2026-11-21.");
        }
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
