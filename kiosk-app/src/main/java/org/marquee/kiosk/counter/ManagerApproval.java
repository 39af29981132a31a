package org.marquee.kiosk.counter;

import java.util.UUID;
import java.util.function.Supplier;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.RefundApproval;
import org.marquee.kiosk.client.RefundDesk;
import org.marquee.model.OrderView;
import org.marquee.model.SessionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A manager approves one refund at the clerk's terminal: the manager is signed in on a separate, short-lived
 * connection (with the counter terminal's token), the refund is made with the manager's session, and that session is
 * ended at once. The clerk's own connection and session are never touched. The server decides who may refund: a
 * clerk's PIN gets its 403.
 */
public final class ManagerApproval implements RefundApproval {

    private static final Logger log = LoggerFactory.getLogger(ManagerApproval.class);

    private final Supplier<? extends RefundDesk> desks;

    /** @param desks a new connection of its own for each approval, acting as the counter terminal */
    public ManagerApproval(Supplier<? extends RefundDesk> desks) {
        this.desks = desks;
    }

    /** Refunds the order as the manager {@code username}. Blocking: call it off the FX thread. */
    @Override
    public OrderView refund(String username, String pin, UUID orderId) {
        RefundDesk manager = desks.get();
        SessionView session = manager.startSession(username, pin);
        try {
            OrderView refunded = manager.refund(orderId);
            log.info("event=refund_approved order={} manager={}", orderId, session.username());
            return refunded;
        } finally {
            try {
                manager.endSession();
            } catch (ApiProblem problem) {
                log.warn("event=manager_sign_out_failed reason={}", problem.getMessage());
            }
        }
    }
}
