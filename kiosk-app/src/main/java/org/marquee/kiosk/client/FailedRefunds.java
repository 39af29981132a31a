package org.marquee.kiosk.client;

import java.util.List;
import java.util.UUID;
import org.marquee.model.FailedRefund;
import org.marquee.model.PaymentView;

/**
 * Card refunds the provider refused (DESIGN §7.3): {@code GET /admin/refunds/failed} and the manager's cash settlement
 * {@code POST /admin/refunds/{paymentId}/paid-in-cash}. MANAGER. Blocking.
 */
public interface FailedRefunds {

    /** The refunds still owed, of one theater ({@code theaterId} null: of every theater). */
    List<FailedRefund> failedRefunds(Long theaterId);

    /**
     * Records that the customer was paid the amount in cash at the counter (counted out of the manager's shift);
     * answers the payment. 409 when it is no longer {@code REFUND_FAILED} (a retry went through meanwhile).
     */
    PaymentView paidInCash(UUID paymentId);
}
