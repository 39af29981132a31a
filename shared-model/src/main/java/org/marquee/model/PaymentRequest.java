package org.marquee.model;

/**
 * Body of {@code POST /orders/{id}/payments}. CARD carries a token from the card terminal ({@code cardToken}), never
 * a card number; CASH carries what the customer handed over ({@code tenderedMinor}).
 */
public record PaymentRequest(PaymentMethod method, Long amountMinor, String cardToken, Long tenderedMinor) {}
