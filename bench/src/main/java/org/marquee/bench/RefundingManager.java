package org.marquee.bench;

/**
 * The manager (morgan, on demo-counter-1), who refunds the oldest paid orders of the run beyond {@code keepSold}, so
 * seats come back and a long run does not sell out. Signs in again when the session is gone.
 */
final class RefundingManager implements SoakTerminal {

    private final SoakContext context;
    private final SoakTally tally;
    private final int keepSold;
    private MiniHttp http;
    private boolean signedIn;

    RefundingManager(SoakContext context, int keepSold) {
        this.context = context;
        this.tally = context.tally();
        this.keepSold = keepSold;
    }

    @Override
    public void step() throws Exception {
        if (http == null) {
            http = new MiniHttp(context.target().server, "Bearer demo-counter-1");
        }
        if (!signedIn) {
            http.authorization("Bearer demo-counter-1");
            MiniHttp.Answer session = tally.exchange(
                    "POST /sessions", http, "POST", "/sessions", "", "{\"username\":\"morgan\",\"pin\":\"9999\"}", 201);
            if (session.status() != 201) {
                SoakContext.pause(2_000);
                return;
            }
            http.authorization("Bearer "
                    + Target.JSON.readTree(session.body()).path("token").asText());
            signedIn = true;
        }
        if (context.paidOrders().size() <= keepSold) {
            SoakContext.pause(500);
            return;
        }
        String orderId = context.paidOrders().poll();
        MiniHttp.Answer refunded = tally.exchange(
                "POST /orders/{id}/refund",
                http,
                "POST",
                "/orders/" + orderId + "/refund",
                SoakContext.key(),
                "{}",
                200,
                202,
                401);
        if (refunded.status() == 401) {
            signedIn = false;
            context.paidOrders().add(orderId);
        } else if (refunded.status() < 300) {
            tally.refunds.increment();
        }
    }
}
