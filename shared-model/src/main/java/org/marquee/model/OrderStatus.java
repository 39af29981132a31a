package org.marquee.model;

/** Life of an order: PENDING_PAYMENT → PAID | PAYMENT_FAILED | CANCELLED, and PAID → REFUNDED. */
public enum OrderStatus {
    PENDING_PAYMENT,
    PAID,
    PAYMENT_FAILED,
    CANCELLED,
    REFUNDED
}
