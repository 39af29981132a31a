package org.marquee.model;

/** Answer of {@code POST /payments/webhook}: PAID, REFUNDED, REFUND_FAILED, DECLINED or IGNORED. */
public record WebhookResult(String result) {}
