package org.marquee.model;

/** Body of {@code POST /payments/webhook}: a provider's late answer, {@code status} SUCCEEDED or FAILED. */
public record PaymentEvent(String providerRef, String status) {}
