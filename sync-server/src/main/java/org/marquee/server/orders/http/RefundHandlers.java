package org.marquee.server.orders.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;
import org.marquee.server.common.Principal;
import org.marquee.server.orders.FailedRefunds;
import org.marquee.server.orders.OrderService;
import org.marquee.server.orders.OrderViews;
import org.marquee.server.shifts.CashDrawer;
import org.marquee.server.web.QueryParams;
import org.marquee.server.web.Requests;

/** {@code GET /admin/refunds/failed?theaterId=} and {@code POST /admin/refunds/{paymentId}/paid-in-cash} (DESIGN §7.3). */
public final class RefundHandlers {

    private final FailedRefunds failedRefunds;
    private final OrderService orders;
    private final OrderViews views;
    private final CashDrawer drawer;

    public RefundHandlers(FailedRefunds failedRefunds, OrderService orders, OrderViews views, CashDrawer drawer) {
        this.failedRefunds = failedRefunds;
        this.orders = orders;
        this.views = views;
        this.drawer = drawer;
    }

    /** The refunds the provider refused and nobody has settled yet, oldest first. */
    public void failed(Context ctx) {
        ctx.json(List.copyOf(failedRefunds.list(QueryParams.longValue(ctx, "theaterId"))));
    }

    /**
     * The manager gave the customer the money in cash: the payment is REFUNDED and the amount counted out of the
     * manager's open shift on this terminal, with the audit entry, in the request's one transaction; answers the order.
     */
    public void paidInCash(Context ctx) {
        Principal caller = Requests.principal(ctx);
        UUID paymentId = Requests.uuidPath(ctx, "paymentId", "payment");
        UUID orderId = failedRefunds.payInCash(caller, paymentId);
        drawer.countPayout(caller.staffId(), caller.terminalId(), paymentId);
        ctx.json(views.view(orders.owned(caller, orderId)));
    }
}
