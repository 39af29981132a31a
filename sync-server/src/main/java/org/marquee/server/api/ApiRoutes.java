package org.marquee.server.api;

import static io.javalin.apibuilder.ApiBuilder.beforeMatched;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;
import static io.javalin.apibuilder.ApiBuilder.sse;

import io.javalin.apibuilder.EndpointGroup;
import org.marquee.server.admissions.http.AdmissionHandlers;
import org.marquee.server.audit.http.AuditHandlers;
import org.marquee.server.auth.http.SessionHandlers;
import org.marquee.server.auth.http.TerminalHandlers;
import org.marquee.server.catalog.http.CatalogHandlers;
import org.marquee.server.cinema.http.CinemaHandlers;
import org.marquee.server.holds.http.HoldHandlers;
import org.marquee.server.holds.http.LiveHoldHandlers;
import org.marquee.server.houseseats.http.HouseSeatHandlers;
import org.marquee.server.live.http.SeatEventsHandler;
import org.marquee.server.orders.http.OrderHandlers;
import org.marquee.server.orders.http.RefundHandlers;
import org.marquee.server.orders.http.WebhookHandler;
import org.marquee.server.people.http.StaffAdminHandlers;
import org.marquee.server.people.http.TerminalAdminHandlers;
import org.marquee.server.reports.http.ReportHandlers;
import org.marquee.server.schedule.http.ScheduleHandlers;
import org.marquee.server.seatmap.http.SeatMapHandler;
import org.marquee.server.shifts.http.ShiftHandlers;
import org.marquee.server.ticketkeys.http.TicketKeyHandlers;
import org.marquee.server.web.IdempotentRequests;

/** Every path of the API, with who may call it, in one place. */
public record ApiRoutes(
        HealthHandler health,
        CatalogHandlers catalog,
        SeatMapHandler seatMap,
        SeatEventsHandler seatEvents,
        HoldHandlers holds,
        SessionHandlers sessions,
        TerminalHandlers terminals,
        OrderHandlers orders,
        RefundHandlers refunds,
        WebhookHandler webhook,
        MetricsHandler metrics,
        OpenApiHandler openApi,
        AuditHandlers audit,
        ReportHandlers reports,
        ShiftHandlers shifts,
        LiveHoldHandlers liveHolds,
        HouseSeatHandlers houseSeats,
        CinemaHandlers cinema,
        ScheduleHandlers schedule,
        TerminalAdminHandlers adminTerminals,
        StaffAdminHandlers adminStaff,
        IdempotentRequests idempotent,
        TicketKeyHandlers ticketKeys,
        AdmissionHandlers admissions)
        implements EndpointGroup {

    public static final String BASE = "/api/v1";

    @Override
    public void addEndpoints() {
        path(BASE, () -> {
            get("/health", health::health, Access.PUBLIC);
            // scrapers and API tools come without a terminal token; neither answer holds ids or personal data
            get("/metrics", metrics::metrics, Access.PUBLIC);
            get("/openapi.yaml", openApi::document, Access.PUBLIC);

            post("/sessions", sessions::create, Access.COUNTER);
            // a counter terminal's own token gets a clear 404 (no session to end) rather than 403
            delete("/sessions/current", sessions::end, Access.COUNTER, Access.CLERK, Access.MANAGER);

            // a door scanner learns its own name and theater here too
            get(
                    "/terminals/me",
                    terminals::me,
                    Access.KIOSK,
                    Access.COUNTER,
                    Access.CLERK,
                    Access.MANAGER,
                    Access.SCANNER);

            get("/theaters", catalog::theaters, Access.ANY_CALLER);
            // door scanners too: a door picks today's showtime it admits, and caches the catalog to work offline
            get(
                    "/theaters/{id}/showtimes",
                    catalog::showtimes,
                    Access.KIOSK,
                    Access.COUNTER,
                    Access.CLERK,
                    Access.MANAGER,
                    Access.SCANNER);
            get(
                    "/catalog/changes",
                    catalog::changes,
                    Access.KIOSK,
                    Access.COUNTER,
                    Access.CLERK,
                    Access.MANAGER,
                    Access.SCANNER);
            get("/showtimes/{id}/seats", seatMap::seats, Access.ANY_CALLER);
            get("/showtimes/{id}/prices", orders::prices, Access.ANY_CALLER);
            // runs after authorization and before the stream starts, so that an unknown showtime is a plain 404
            beforeMatched("/showtimes/{id}/events", seatEvents::check);
            sse("/showtimes/{id}/events", seatEvents::open, Access.ANY_CALLER);

            // every mutation by a terminal: one unit of work with its idempotent answer (DESIGN §10)
            post("/holds", idempotent.wrap(holds::create), Access.ANY_CALLER);
            get("/holds/{id}", holds::get, Access.ANY_CALLER);
            delete("/holds/{id}", idempotent.wrap(holds::release), Access.ANY_CALLER);
            put("/holds/{id}/seats", idempotent.wrap(holds::changeSeats), Access.ANY_CALLER);
            post("/holds/{id}/extend", idempotent.wrap(holds::extend), Access.ANY_CALLER);

            post("/orders", idempotent.wrap(orders::create), Access.SELLERS);
            get("/orders/{id}", orders::get, Access.SELLERS);
            get("/orders/{id}/tickets.pdf", orders::ticketsPdf, Access.SELLERS);
            // its answer is kept with its effects in two steps around the charge (see OrderHandlers.pay)
            post("/orders/{id}/payments", orders::pay, Access.SELLERS);
            post("/orders/{id}/email", idempotent.wrap(orders::email), Access.SELLERS);
            post("/orders/{id}/cancel", idempotent.wrap(orders::cancel), Access.SELLERS);
            // one transaction: the refund, its cash counted out of the manager's shift, its answer
            post("/orders/{id}/refund", idempotent.atomic(orders::refund), Access.MANAGER);

            post("/shifts", idempotent.atomic(shifts::open), Access.CLERK, Access.MANAGER);
            get("/shifts/current", shifts::current, Access.CLERK, Access.MANAGER);
            post("/shifts/current/close", idempotent.atomic(shifts::close), Access.CLERK, Access.MANAGER);

            // providers call back without a terminal token; the body's HMAC signature is checked instead
            post("/payments/webhook", webhook::receive, Access.PUBLIC);

            // the admin API (DESIGN §7): managers only; every mutation is wrapped in idempotent.atomic, so that it
            // commits together with its audit entry or not at all
            get("/admin/audit", audit::list, Access.MANAGER);
            get("/admin/reports/sales", reports::sales, Access.MANAGER);
            get("/admin/reports/occupancy", reports::occupancy, Access.MANAGER);
            get("/admin/reports/cash", reports::cash, Access.MANAGER);
            // failed card refunds (DESIGN §7.3): listed, and settled in cash with the manager's drawer in one
            // transaction
            get("/admin/refunds/failed", refunds::failed, Access.MANAGER);
            post("/admin/refunds/{paymentId}/paid-in-cash", idempotent.atomic(refunds::paidInCash), Access.MANAGER);
            get("/admin/holds", liveHolds::list, Access.MANAGER);
            delete("/admin/holds/{id}", idempotent.atomic(liveHolds::release), Access.MANAGER);
            // seat rules (DESIGN §8): house seats kept for the counter
            get("/admin/showtimes/{id}/house-seats", houseSeats::get, Access.MANAGER);
            put("/admin/showtimes/{id}/house-seats", idempotent.atomic(houseSeats::put), Access.MANAGER);

            // catalog and schedule (DESIGN §7.1)
            get("/admin/theaters", cinema::theaters, Access.MANAGER);
            post("/admin/theaters", idempotent.atomic(cinema::createTheater), Access.MANAGER);
            put("/admin/theaters/{id}", idempotent.atomic(cinema::updateTheater), Access.MANAGER);
            get("/admin/auditoriums", cinema::auditoriums, Access.MANAGER);
            post("/admin/auditoriums", idempotent.atomic(cinema::createAuditorium), Access.MANAGER);
            put("/admin/auditoriums/{id}", idempotent.atomic(cinema::updateAuditorium), Access.MANAGER);
            get("/admin/movies", cinema::movies, Access.MANAGER);
            post("/admin/movies", idempotent.atomic(cinema::createMovie), Access.MANAGER);
            put("/admin/movies/{id}", idempotent.atomic(cinema::updateMovie), Access.MANAGER);
            get("/admin/price-plans", cinema::pricePlans, Access.MANAGER);
            post("/admin/price-plans", idempotent.atomic(cinema::createPricePlan), Access.MANAGER);
            put("/admin/price-plans/{id}", idempotent.atomic(cinema::updatePricePlan), Access.MANAGER);
            get("/admin/showtimes", schedule::list, Access.MANAGER);
            post("/admin/showtimes", idempotent.atomic(schedule::create), Access.MANAGER);
            post("/admin/showtimes/series", idempotent.atomic(schedule::createSeries), Access.MANAGER);
            put("/admin/showtimes/{id}", idempotent.atomic(schedule::update), Access.MANAGER);
            // stopped, refunded outside any transaction, answered: its steps keep the answer (ScheduleHandlers.cancel)
            post("/admin/showtimes/{id}/cancel", schedule::cancel, Access.MANAGER);

            // terminals and staff (DESIGN §7.2)
            get("/admin/terminals", adminTerminals::list, Access.MANAGER);
            post("/admin/terminals", idempotent.atomic(adminTerminals::create), Access.MANAGER);
            post("/admin/terminals/{id}/revoke", idempotent.atomic(adminTerminals::revoke), Access.MANAGER);
            post("/admin/terminals/{id}/rotate-token", idempotent.atomic(adminTerminals::rotateToken), Access.MANAGER);
            get("/admin/staff", adminStaff::list, Access.MANAGER);
            post("/admin/staff", idempotent.atomic(adminStaff::create), Access.MANAGER);
            put("/admin/staff/{id}", idempotent.atomic(adminStaff::update), Access.MANAGER);

            // tickets at the door (DESIGN §9): every terminal may read the public keys; only door scanners admit.
            // POST /admissions is idempotent by each scan's scanId (kept with its effect), not by Idempotency-Key
            get(
                    "/ticket-keys",
                    ticketKeys::list,
                    Access.KIOSK,
                    Access.COUNTER,
                    Access.CLERK,
                    Access.MANAGER,
                    Access.SCANNER);
            post("/admin/ticket-keys/rotate", idempotent.atomic(ticketKeys::rotate), Access.MANAGER);
            post("/admissions", admissions::admit, Access.SCANNER);
            get("/admissions/revoked", admissions::revoked, Access.SCANNER);
        });
    }
}
