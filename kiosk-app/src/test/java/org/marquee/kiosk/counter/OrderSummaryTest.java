package org.marquee.kiosk.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.OrderStatus;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentView;

/** Payments in words at the counter: a refused card refund says what happens next, in English and Spanish. */
class OrderSummaryTest {

    private static final Instant AT = Instant.parse("2026-11-30T20:00:00Z");

    @Test
    void aRefusedCardRefundTellsTheClerkTheManagerPaysItOutInCash() {
        OrderView order = refunded(new PaymentView(
                PaymentMethod.CARD, "REFUND_FAILED", 2500, "EUR", "sim_norefund_1", "0341", null, null, AT));

        OrderSummary english = OrderSummary.of(order, new Messages(Locale.ENGLISH));
        OrderSummary spanish = OrderSummary.of(order, new Messages(Locale.forLanguageTag("es")));

        assertThat(english.status()).isEqualTo("Refunded");
        assertThat(english.payments())
                .containsExactly(
                        "Card ending in 0341: €25.00 (card refund failed — the manager will pay it out in cash)");
        assertThat(spanish.status()).isEqualTo("Reembolsado");
        assertThat(spanish.payments())
                .singleElement()
                .asString()
                .startsWith("Tarjeta acabada en 0341: 25,00")
                .endsWith("(el reembolso a la tarjeta ha fallado — el gerente lo pagará en efectivo)");
        assertThat(OrderSummary.refundOwed(order)).isTrue();
    }

    @Test
    void otherStatusesReadInTheTerminalsLanguageToo() {
        OrderView order = refunded(
                new PaymentView(PaymentMethod.CARD, "REFUNDED", 2500, "EUR", "sim_1", "4242", null, null, AT),
                new PaymentView(PaymentMethod.CASH, "APPROVED", 1000, "EUR", null, null, 2000L, 1000L, AT));

        assertThat(OrderSummary.of(order, new Messages(Locale.ENGLISH)).payments())
                .containsExactly(
                        "Card ending in 4242: €25.00 (refunded)",
                        "Cash: €10.00, handed over €20.00, change €10.00 (approved)");
        assertThat(OrderSummary.of(order, new Messages(Locale.forLanguageTag("es")))
                        .payments())
                .allSatisfy(line -> assertThat(line).containsAnyOf("(reembolsado)", "(aprobado)"));
        assertThat(OrderSummary.refundOwed(order)).isFalse();
    }

    private static OrderView refunded(PaymentView... payments) {
        return new OrderView(
                UUID.randomUUID(),
                "ABC234",
                OrderStatus.REFUNDED,
                8,
                UUID.randomUUID(),
                2500,
                "EUR",
                null,
                null,
                List.of(),
                List.of(payments));
    }
}
