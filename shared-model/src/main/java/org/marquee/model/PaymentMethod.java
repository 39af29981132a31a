package org.marquee.model;

/** How an order is paid. */
public enum PaymentMethod {
    CARD,
    CASH
}
