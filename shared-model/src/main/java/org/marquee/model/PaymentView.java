package org.marquee.model;

import java.time.Instant;

/** Money moved for an order: never a card number, only the provider's reference and the last four digits. */
public record PaymentView(
        PaymentMethod method,
        String status,
        long amountMinor,
        String currency,
        String providerRef,
        String cardLast4,
        Long tenderedMinor,
        Long changeMinor,
        Instant createdAt) {}
