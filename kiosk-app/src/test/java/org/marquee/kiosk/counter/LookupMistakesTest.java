package org.marquee.kiosk.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.checkout.CheckoutFixture;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.TicketOutput;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.SeatType;

/**
 * What a clerk reads after a mistake at the order lookup (issue 14, item 4), against the in-memory box office: a
 * mistyped code is named, in the terminal's language, and a card attempt that read no card is not a "Card ending in
 * ????".
 */
class LookupMistakesTest {

    @TempDir
    Path tickets;

    private final FakeBoxOffice.Terminal clerk = CheckoutFixture.terminal();

    private LookupViewModel lookup(Locale locale) {
        return new LookupViewModel(
                clerk,
                (username, pin, orderId) -> {
                    throw new AssertionError("no refund here");
                },
                new TicketOutput(tickets, () -> null),
                ShowtimeNames.NONE,
                new Tasks(UiThread.DIRECT),
                new Navigator(),
                new Messages(locale));
    }

    @Test
    void aMistypedCodeIsNamedInEnglish() {
        LookupViewModel model = lookup(Locale.ENGLISH);
        model.codeProperty().set("zzzzzz");

        model.find();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !model.workingProperty().get());

        assertThat(model.errorProperty().get()).isEqualTo("No order with code ZZZZZZ.");
        assertThat(model.orderProperty().get()).isNull();
    }

    @Test
    void aMistypedCodeIsNamedInSpanishNotInTheServersEnglish() {
        LookupViewModel model = lookup(Locale.of("es"));
        model.codeProperty().set("ZZZZZZ");

        model.find();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !model.workingProperty().get());

        assertThat(model.errorProperty().get()).isEqualTo("Ningún pedido con el código ZZZZZZ.");
    }

    @Test
    void aTimedOutCardAttemptIsListedWithoutAMadeUpCardNumber() {
        SaleSession sale = CheckoutFixture.saleWithOrder(
                clerk, CheckoutFixture.imaxShowtime(clerk, 3), SeatType.STANDARD, SeatType.STANDARD);
        var order = sale.orderProperty().get();
        assertThatThrownBy(() -> clerk.pay(
                        order.orderId(),
                        new PaymentRequest(PaymentMethod.CARD, order.totalMinor(), "tok_timeout", null)))
                .isInstanceOf(ApiProblem.class);
        clerk.pay(order.orderId(), new PaymentRequest(PaymentMethod.CASH, order.totalMinor(), null, 5000L));
        LookupViewModel model = lookup(Locale.ENGLISH);
        model.codeProperty().set(order.code());

        model.find();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !model.workingProperty().get());

        assertThat(model.summaryProperty().get().payments())
                .hasSize(2)
                .noneMatch(line -> line.contains("?"))
                .anyMatch(line -> line.startsWith("Card, no card read: €25.00"))
                .anyMatch(line -> line.startsWith("Cash: €25.00, handed over €50.00"));
    }
}
