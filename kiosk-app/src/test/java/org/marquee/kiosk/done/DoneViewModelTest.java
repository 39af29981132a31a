package org.marquee.kiosk.done;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.checkout.CheckoutFixture;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.TicketOutput;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.PaymentResult;
import org.marquee.model.SeatType;

/** The done screen's logic against the in-memory box office (the server's API contract): the booking code, the tickets' PDF, the e-mail, a new sale. */
class DoneViewModelTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path tickets;

    private final Navigator navigator = new Navigator();
    private final Tasks tasks = new Tasks(UiThread.DIRECT);

    /** A sale paid as the payment screen pays it. */
    private static SaleSession paidSale(FakeBoxOffice.Terminal client, PaymentRequest payment, SeatType... seats) {
        SaleSession sale = CheckoutFixture.saleWithOrder(client, CheckoutFixture.imaxShowtime(client, 5), seats);
        OrderView order = sale.orderProperty().get();
        PaymentRequest request =
                new PaymentRequest(payment.method(), order.totalMinor(), payment.cardToken(), payment.tenderedMinor());
        PaymentResult result = client.pay(order.orderId(), request);
        sale.paid(result);
        return sale;
    }

    private DoneViewModel screen(FakeBoxOffice.Terminal client, SaleSession sale, Mode mode) {
        navigator.go(Screen.DONE);
        // no printer, as on this machine: the tickets are saved
        DoneViewModel model = new DoneViewModel(
                client,
                tasks,
                navigator,
                sale,
                CheckoutFixture.english(),
                mode,
                new TicketOutput(tickets, () -> null),
                CheckoutFixture.MADRID);
        model.start();
        return model;
    }

    @Test
    void withoutAPrinterTheTicketsAreSavedAsTheServersPdf() throws IOException {
        FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();
        SaleSession sale = paidSale(
                kiosk,
                new PaymentRequest(PaymentMethod.CARD, 0L, "tok_visa", null),
                SeatType.STANDARD,
                SeatType.PREMIUM);
        DoneViewModel model = screen(kiosk, sale, Mode.KIOSK);
        String code = sale.paymentProperty().get().code();

        assertThat(model.codeProperty().get()).isEqualTo(code).matches("[ACDEFGHJKMNPQRTUVWXY3479]{6}");
        assertThat(model.summaryProperty().get()).startsWith("2 tickets · ");
        assertThat(model.changeProperty().get()).isEmpty();

        model.print();
        await().atMost(WAIT).until(() -> !model.printingProperty().get());

        Path file = tickets.resolve("marquee-" + code + ".pdf");
        // the customer is told where to get the tickets, never a file on the kiosk's disk
        assertThat(model.printStatusProperty().get())
                .isEqualTo("This kiosk could not print your tickets. Please send them to your e-mail below, or ask at"
                        + " the box office with your booking code.")
                .doesNotContain(file.toAbsolutePath().toString());
        assertThat(model.printFailedProperty().get()).isFalse();
        byte[] pdf = Files.readAllBytes(file);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
        }
    }

    @Test
    void aKioskThanksItsCustomerAndEndsOnDoneACounterEndsOnNewSale() {
        FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();
        SaleSession sale =
                paidSale(kiosk, new PaymentRequest(PaymentMethod.CARD, 0L, "tok_visa", null), SeatType.STANDARD);
        DoneViewModel customer = screen(kiosk, sale, Mode.KIOSK);
        DoneViewModel clerk = screen(kiosk, sale, Mode.COUNTER);

        assertThat(customer.title()).isEqualTo("Thank you! Enjoy the film.");
        assertThat(customer.finishLabel()).isEqualTo("Done");
        assertThat(clerk.title()).isEqualTo("Sale complete");
        assertThat(clerk.finishLabel()).isEqualTo("New sale");
    }

    @Test
    void aTerminalThatPrintsAfterPaymentPrintsAsTheScreenOpens() throws IOException {
        FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();
        SaleSession sale = paidSale(
                kiosk,
                new PaymentRequest(PaymentMethod.CARD, 0L, "tok_visa", null),
                SeatType.STANDARD,
                SeatType.STANDARD);
        String code = sale.paymentProperty().get().code();
        navigator.go(Screen.DONE);
        // the tickets are "printed" into the folder: the print path without a printer, as on this machine
        DoneViewModel model = new DoneViewModel(
                kiosk,
                new Tasks(UiThread.DIRECT),
                navigator,
                sale,
                CheckoutFixture.english(),
                Mode.KIOSK,
                new TicketOutput(tickets, () -> null),
                CheckoutFixture.MADRID,
                true);

        model.start();

        assertThat(model.printsByItself()).isTrue();
        await().atMost(WAIT).until(() -> Files.exists(tickets.resolve("marquee-" + code + ".pdf")));
        await().atMost(WAIT).until(() -> !model.printingProperty().get());
        assertThat(model.printStatusProperty().get()).startsWith("This kiosk could not print your tickets.");
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(tickets.resolve("marquee-" + code + ".pdf")))) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
        }
    }

    @Test
    void aTerminalThatDoesNotPrintAfterPaymentWaitsForTheButton() {
        FakeBoxOffice.Terminal clerk = CheckoutFixture.terminal();
        SaleSession sale = paidSale(clerk, new PaymentRequest(PaymentMethod.CASH, 0L, null, 5000L), SeatType.STANDARD);

        DoneViewModel model = screen(clerk, sale, Mode.COUNTER);

        assertThat(model.printingProperty().get()).isFalse();
        assertThat(model.printStatusProperty().get()).isEmpty();
        assertThat(tickets).isEmptyDirectory();
    }

    @Test
    void theChangeOfACashSaleIsTheServers() {
        FakeBoxOffice.Terminal clerk = CheckoutFixture.terminal();
        SaleSession sale = paidSale(clerk, new PaymentRequest(PaymentMethod.CASH, 0L, null, 5000L), SeatType.STANDARD);
        DoneViewModel model = screen(clerk, sale, Mode.COUNTER);

        assertThat(model.summaryProperty().get()).startsWith("1 ticket · ");
        assertThat(model.changeProperty().get()).isEqualTo("Change: €37.50");
    }

    @Test
    void theTicketsAreSentToATypedAddress() {
        FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();
        SaleSession sale =
                paidSale(kiosk, new PaymentRequest(PaymentMethod.CARD, 0L, "tok_visa", null), SeatType.STANDARD);
        DoneViewModel model = screen(kiosk, sale, Mode.KIOSK);

        model.emailProperty().set("not an address");
        assertThat(model.canSendProperty().get()).isFalse();
        model.emailProperty().set("ana@example.com");
        assertThat(model.canSendProperty().get()).isTrue();
        model.sendEmail();

        await().atMost(WAIT).until(() -> !model.sendingProperty().get());
        assertThat(model.emailStatusProperty().get()).isEqualTo("The tickets are on their way to ana@example.com.");
        assertThat(model.emailFailedProperty().get()).isFalse();
        assertThat(kiosk.findOrder(sale.paymentProperty().get().orderId().toString(), null)
                        .email())
                .isEqualTo("ana@example.com");
    }

    @Test
    void aNewSaleForgetsThisOneAndStartsAtTheShowtimes() {
        FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();
        SaleSession sale =
                paidSale(kiosk, new PaymentRequest(PaymentMethod.CARD, 0L, "tok_visa", null), SeatType.STANDARD);
        DoneViewModel model = screen(kiosk, sale, Mode.KIOSK);

        model.newSale();

        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);
        assertThat(sale.paymentProperty().get()).isNull();
        assertThat(sale.holdProperty().get()).isNull();
        assertThat(sale.orderProperty().get()).isNull();
    }

    @Test
    void withoutAPaidSaleThereIsNothingToPrint() {
        FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();
        DoneViewModel model = screen(kiosk, new SaleSession(kiosk, tasks), Mode.KIOSK);

        model.print();

        assertThat(model.paidProperty().get()).isFalse();
        assertThat(model.printingProperty().get()).isFalse();
        assertThat(model.summaryProperty().get()).isEqualTo("Nothing has been paid yet.");
    }
}
