package org.marquee.server.reports.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.marquee.model.SalesReport;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.reports.Reports;
import org.marquee.server.reports.SalesGrouping;
import org.marquee.server.shifts.CashDrawer;
import org.marquee.server.web.QueryParams;

/** {@code GET /admin/reports/sales} (JSON or, with {@code Accept: text/csv}, CSV) and {@code /occupancy}. */
public final class ReportHandlers {

    static final int MAX_DAYS = 366;

    private final Reports reports;
    private final CashDrawer drawer;

    public ReportHandlers(Reports reports, CashDrawer drawer) {
        this.reports = reports;
        this.drawer = drawer;
    }

    public void sales(Context ctx) {
        Long theaterId = QueryParams.longValue(ctx, "theaterId");
        SalesGrouping grouping = SalesGrouping.parse(QueryParams.text(ctx, "groupBy"));
        LocalDate from = QueryParams.date(ctx, "from");
        LocalDate to = QueryParams.date(ctx, "to");
        LocalDate today = today(theaterId);
        from = from != null ? from : (to != null ? to : today);
        to = to != null ? to : (from.isAfter(today) ? from : today);
        if (from.isAfter(to)) {
            throw MarqueeException.invalid("'from' must not be after 'to'.");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw MarqueeException.invalid("A report covers at most " + MAX_DAYS + " days; ask for a shorter period.");
        }
        SalesReport report = reports.sales(from, to, theaterId, grouping);
        String accept = ctx.header("Accept");
        if (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv")) {
            String name = "sales-" + grouping.wireName() + "-" + from + "-" + to + ".csv";
            ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                    .result(SalesCsv.of(report));
        } else {
            ctx.json(report);
        }
    }

    public void occupancy(Context ctx) {
        Long theaterId = QueryParams.longValue(ctx, "theaterId");
        if (theaterId == null) {
            throw MarqueeException.invalid("'theaterId' is needed: occupancy is reported per theater.");
        }
        LocalDate date = QueryParams.date(ctx, "date");
        LocalDate day = date != null ? date : today(theaterId);
        ctx.json(List.copyOf(reports.occupancy(theaterId, day)));
    }

    /** {@code GET /admin/reports/cash?theaterId=&date=}: the shifts opened that business day at the theater. */
    public void cash(Context ctx) {
        Long theaterId = QueryParams.longValue(ctx, "theaterId");
        if (theaterId == null) {
            throw MarqueeException.invalid("'theaterId' is needed: cash is reported per theater.");
        }
        LocalDate date = QueryParams.date(ctx, "date");
        LocalDate day = date != null ? date : today(theaterId);
        ctx.json(List.copyOf(drawer.day(theaterId, day)));
    }

    private LocalDate today(Long theaterId) {
        return reports.today(theaterId)
                .orElseThrow(() -> MarqueeException.notFound("No theater with id " + theaterId + "."));
    }
}
