package org.marquee.server.orders.http;

import io.javalin.http.Context;
import org.marquee.model.ErrorCode;
import org.marquee.model.PaymentEvent;
import org.marquee.model.WebhookResult;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.orders.PaymentSettlement;
import org.marquee.server.payments.WebhookSignature;
import org.marquee.server.web.Json;

/**
 * {@code POST /payments/webhook}: a provider's late answer about a charge, {@code {providerRef, status}} with status
 * SUCCEEDED or FAILED, signed with the webhook secret. Needs no terminal token; answering twice is harmless.
 */
public final class WebhookHandler {

    private final PaymentSettlement payments;
    private final WebhookSignature signature;

    public WebhookHandler(PaymentSettlement payments, WebhookSignature signature) {
        this.payments = payments;
        this.signature = signature;
    }

    public void receive(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (!signature.valid(body, ctx.header(WebhookSignature.HEADER))) {
            throw new MarqueeException(ErrorCode.UNAUTHORIZED, "The webhook signature is missing or wrong.");
        }
        PaymentEvent event = Json.read(body, PaymentEvent.class);
        if (event.providerRef() == null || event.status() == null) {
            throw MarqueeException.invalid("A webhook event needs 'providerRef' and 'status'.");
        }
        boolean succeeded = switch (event.status()) {
            case "SUCCEEDED" -> true;
            case "FAILED" -> false;
            default -> throw MarqueeException.invalid("'status' is SUCCEEDED or FAILED.");
        };
        ctx.json(new WebhookResult(payments.settleLate(event.providerRef(), succeeded)));
    }
}
