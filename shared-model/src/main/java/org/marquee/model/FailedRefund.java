package org.marquee.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A card refund the provider refused, as {@code GET /admin/refunds/failed} lists it (DESIGN §7.3): the payment, its
 * order and showtime, the amount owed to the customer, how often the sweeper has tried and when it tries next. It
 * leaves the list when a retry succeeds or a manager pays it out in cash ({@code POST
 * /admin/refunds/{paymentId}/paid-in-cash}).
 */
public record FailedRefund(
        UUID paymentId,
        UUID orderId,
        String orderCode,
        long showtimeId,
        String movieTitle,
        Instant startsAt,
        long amountMinor,
        String currency,
        String cardLast4,
        String customerEmail,
        int attempts,
        Instant failedAt,
        Instant nextAttemptAt,
        String lastError) {}
