package org.marquee.server.orders.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.function.Consumer;
import org.marquee.model.CreateOrderRequest;
import org.marquee.model.PaymentRequest;
import org.marquee.model.PaymentResult;
import org.marquee.model.SendTicketsRequest;
import org.marquee.server.http.Requests;
import org.marquee.server.orders.OrderRecord;
import org.marquee.server.orders.OrderService;
import org.marquee.server.orders.OrderViews;
import org.marquee.server.orders.PaymentService;
import org.marquee.server.tickets.TicketPdf;

/** Order endpoints: create, look up, pay, cancel, refund. */
public final class OrderHandlers {

    private final OrderService orders;
    private final PaymentService payments;
    private final OrderViews views;

    private final Consumer<OrderRecord> mail;

    /** {@code mail} sends a paid order's tickets to its e-mail address (or does nothing when mail is off). */
    public OrderHandlers(OrderService orders, PaymentService payments, OrderViews views, Consumer<OrderRecord> mail) {
        this.orders = orders;
        this.payments = payments;
        this.views = views;
        this.mail = mail;
    }

    /** {@code POST /orders}: 201 with the priced order, its booking code and when its hold lapses. */
    public void create(Context ctx) {
        OrderRecord order = orders.create(Requests.principal(ctx), Requests.body(ctx, CreateOrderRequest.class));
        ctx.status(201).header("Location", "/api/v1/orders/" + order.id()).json(views.view(order));
    }

    /** {@code GET /orders/{idOrCode}[?email=]}. */
    public void get(Context ctx) {
        ctx.json(views.view(orders.find(Requests.principal(ctx), ctx.pathParam("id"), ctx.queryParam("email"))));
    }

    /** {@code POST /orders/{id}/payments}: 200 PAID with tickets, 202 PENDING, or 402 / 409 / 504. */
    public void pay(Context ctx) {
        UUID orderId = orderId(ctx);
        PaymentRequest request = Requests.body(ctx, PaymentRequest.class);
        switch (payments.pay(Requests.principal(ctx), orderId, request)) {
            case PaymentService.Outcome.Paid paid -> ctx.json(result("PAID", paid.order(), paid.changeMinor()));
            case PaymentService.Outcome.Pending pending ->
                ctx.status(202).json(result("PENDING", pending.order(), null));
        }
    }

    /** {@code GET /orders/{id}/tickets.pdf}: one printable ticket per page, each with its QR code. */
    public void ticketsPdf(Context ctx) {
        OrderRecord order = orders.paid(Requests.principal(ctx), orderId(ctx));
        ctx.contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"marquee-" + order.code() + ".pdf\"")
                .result(TicketPdf.render(views.sheet(order)));
    }

    /** {@code POST /orders/{id}/email {email}}: sends a paid order's tickets to that address; 202, sent in the background. */
    public void email(Context ctx) {
        SendTicketsRequest request = Requests.body(ctx, SendTicketsRequest.class);
        OrderRecord order = orders.emailTo(Requests.principal(ctx), orderId(ctx), request.email());
        mail.accept(order);
        ctx.status(202).json(views.view(order));
    }

    /** {@code POST /orders/{id}/cancel}. */
    public void cancel(Context ctx) {
        ctx.json(views.view(orders.cancel(Requests.principal(ctx), orderId(ctx))));
    }

    /** {@code POST /orders/{id}/refund}. */
    public void refund(Context ctx) {
        ctx.json(views.view(orders.refund(Requests.principal(ctx), orderId(ctx))));
    }

    private PaymentResult result(String status, OrderRecord order, Long change) {
        return new PaymentResult(
                status, order.id(), order.code(), order.totalMinor(), order.currency(), views.tickets(order), change);
    }

    private static UUID orderId(Context ctx) {
        return Requests.uuidPath(ctx, "id", "order");
    }
}
