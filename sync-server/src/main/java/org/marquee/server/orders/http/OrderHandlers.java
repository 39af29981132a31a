package org.marquee.server.orders.http;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.marquee.model.CreateOrderRequest;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.PaymentResult;
import org.marquee.model.SendTicketsRequest;
import org.marquee.server.common.CrashPoints;
import org.marquee.server.common.Principal;
import org.marquee.server.db.UnitOfWork;
import org.marquee.server.orders.OrderRecord;
import org.marquee.server.orders.OrderService;
import org.marquee.server.orders.OrderViews;
import org.marquee.server.orders.PaymentService;
import org.marquee.server.shifts.CashDrawer;
import org.marquee.server.tickets.TicketLanguage;
import org.marquee.server.tickets.TicketPdf;
import org.marquee.server.web.IdempotentRequests;
import org.marquee.server.web.Requests;

/** Order endpoints: create, look up, pay, cancel, refund. */
public final class OrderHandlers {

    private final OrderService orders;
    private final PaymentService payments;
    private final OrderViews views;

    private final Consumer<OrderRecord> mail;
    private final IdempotentRequests idempotent;
    private final CashDrawer drawer;

    /** {@code mail} sends a paid order's tickets to its e-mail address (or does nothing when mail is off). */
    public OrderHandlers(
            OrderService orders,
            PaymentService payments,
            OrderViews views,
            Consumer<OrderRecord> mail,
            IdempotentRequests idempotent,
            CashDrawer drawer) {
        this.orders = orders;
        this.payments = payments;
        this.views = views;
        this.mail = mail;
        this.idempotent = idempotent;
        this.drawer = drawer;
    }

    /** {@code POST /orders}: 201 with the priced order, its booking code and when its hold lapses. */
    public void create(Context ctx) {
        OrderRecord order = orders.create(Requests.principal(ctx), Requests.body(ctx, CreateOrderRequest.class));
        // the terminal's language, remembered for the tickets and the e-mail sent once the payment settles
        language(ctx).ifPresent(language -> orders.speaksIn(order.id(), language));
        ctx.status(201).header("Location", "/api/v1/orders/" + order.id()).json(views.view(order));
    }

    /** {@code GET /showtimes/{id}/prices}: the showtime's price plan, for the seat map's legend. */
    public void prices(Context ctx) {
        ctx.json(orders.prices(Requests.longPath(ctx, "id", "showtime")));
    }

    /** {@code GET /orders/{idOrCode}[?email=]}. */
    public void get(Context ctx) {
        ctx.json(views.view(orders.find(Requests.principal(ctx), ctx.pathParam("id"), ctx.queryParam("email"))));
    }

    /**
     * {@code POST /orders/{id}/payments}: 200 PAID with tickets, 202 PENDING, or 402 / 409 / 504. The payment is written
     * before the charge (one unit of work), the provider asked outside any transaction, and the sale finished with the
     * answer kept in a second unit of work, so a crash at any step leaves a payment its retry or the reconciler ends.
     */
    public void pay(Context ctx) throws Exception {
        UUID orderId = orderId(ctx);
        PaymentRequest request = Requests.body(ctx, PaymentRequest.class);
        Principal caller = Requests.principal(ctx);
        String key = ctx.header("Idempotency-Key");
        CrashPoints.reach("before_intent");
        var attempt = new PaymentService.Attempt[1];
        boolean answered = idempotent.answer(ctx, () -> {
            attempt[0] = payments.prepare(caller, orderId, request, key);
            if (attempt[0] instanceof PaymentService.Attempt.Finished finished) {
                answer(ctx, caller, finished.outcome());
                return true;
            }
            return false;
        });
        if (answered) {
            return;
        }
        CrashPoints.reach("after_intent");
        var charge = (PaymentService.Attempt.Charge) attempt[0];
        var result = payments.charge(charge);
        CrashPoints.reach("after_charge");
        idempotent.answer(ctx, () -> {
            // first of what runs once the sale is committed: before seat maps, mail and refunds hear of it
            UnitOfWork.afterCommit(() -> CrashPoints.reach("after_commit"));
            answer(ctx, caller, payments.finish(charge, result));
            return true;
        });
        CrashPoints.reach("before_answer");
    }

    /** Answers the payment; cash taken by a clerk is counted into their shift in the same transaction as the sale. */
    private void answer(Context ctx, Principal caller, PaymentService.Outcome outcome) {
        switch (outcome) {
            case PaymentService.Outcome.Paid paid -> {
                if (caller.isStaff() && paid.order().paidWith() == PaymentMethod.CASH) {
                    drawer.countSale(
                            caller.staffId(), caller.terminalId(), paid.order().id());
                }
                ctx.json(result("PAID", paid.order(), paid.changeMinor()));
            }
            case PaymentService.Outcome.Pending pending ->
                ctx.status(202).json(result("PENDING", pending.order(), null));
        }
    }

    /**
     * {@code GET /orders/{idOrCode}/tickets.pdf[?email=]}: one printable ticket per page, each with its QR code, in the
     * language the request asks for ({@code Accept-Language}: es or en), else the order's. By booking code a kiosk gives
     * the order's e-mail, as for the lookup, to pick up tickets bought elsewhere.
     */
    public void ticketsPdf(Context ctx) {
        Principal caller = Requests.principal(ctx);
        String idOrCode = ctx.pathParam("id");
        OrderRecord order = OrderService.isBookingCode(idOrCode)
                ? orders.paidByCode(caller, idOrCode, ctx.queryParam("email"))
                : orders.paid(caller, orderId(ctx));
        var sheet = language(ctx).map(language -> views.sheet(order, language)).orElseGet(() -> views.sheet(order));
        ctx.contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"marquee-" + order.code() + ".pdf\"")
                .header("Content-Language", sheet.language().getLanguage())
                .result(TicketPdf.render(sheet));
    }

    /**
     * {@code POST /orders/{idOrCode}/email {email}}: sends a paid order's tickets to that address; 202, sent in the
     * background. By booking code a kiosk may only send them again to the order's own e-mail, which it must give.
     */
    public void email(Context ctx) {
        SendTicketsRequest request = Requests.body(ctx, SendTicketsRequest.class);
        Principal caller = Requests.principal(ctx);
        String idOrCode = ctx.pathParam("id");
        OrderRecord order = OrderService.isBookingCode(idOrCode)
                ? orders.emailToByCode(caller, idOrCode, request.email())
                : orders.emailTo(caller, orderId(ctx), request.email());
        // sent in the language of the terminal that asks, which the order then keeps
        language(ctx).ifPresent(language -> orders.speaksIn(order.id(), language));
        mail.accept(order);
        ctx.status(202).json(views.view(order));
    }

    /** {@code POST /orders/{id}/cancel}. */
    public void cancel(Context ctx) {
        ctx.json(views.view(orders.cancel(Requests.principal(ctx), orderId(ctx))));
    }

    /** {@code POST /orders/{id}/refund}: cash given back is counted out of the refunding manager's shift. */
    public void refund(Context ctx) {
        Principal caller = Requests.principal(ctx);
        OrderRecord refunded = orders.refund(caller, orderId(ctx));
        if (caller.isStaff()
                && refunded.payments().stream()
                        .anyMatch(p ->
                                p.method() == PaymentMethod.CASH && p.status().equals("REFUNDED"))) {
            drawer.countRefund(caller.staffId(), caller.terminalId(), refunded.id());
        }
        ctx.json(views.view(refunded));
    }

    private PaymentResult result(String status, OrderRecord order, Long change) {
        return new PaymentResult(
                status, order.id(), order.code(), order.totalMinor(), order.currency(), views.tickets(order), change);
    }

    /** The language the terminal asked for with {@code Accept-Language}, if tickets are written in it. */
    private static Optional<Locale> language(Context ctx) {
        return TicketLanguage.fromHeader(ctx.header("Accept-Language"));
    }

    private static UUID orderId(Context ctx) {
        return Requests.uuidPath(ctx, "id", "order");
    }
}
