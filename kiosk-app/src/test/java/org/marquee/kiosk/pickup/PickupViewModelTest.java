package org.marquee.kiosk.pickup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.TicketOutput;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.FakePickupDesk;
import org.marquee.model.OrderStatus;

/**
 * The pick-up's logic without the FX toolkit or a server, against the in-memory desk that answers as the server does
 * (same 404 for a wrong code or e-mail, 429 with the seconds to wait after 3 misses in this test).
 */
class PickupViewModelTest {

    private static final long SHOWTIME = 42;

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T17:00:00Z"));
    private final FakePickupDesk desk = new FakePickupDesk(clock, 3, Duration.ofSeconds(30));
    private final Navigator navigator = new Navigator();

    private PickupViewModel screen(Locale locale) {
        navigator.go(Screen.PICKUP);
        return new PickupViewModel(
                desk,
                new TicketOutput(folder, () -> null), // no printer here: the tickets are saved
                id -> id == SHOWTIME ? Optional.of("Orbit of Ashes · Sala 2 · Sun 22 Nov, 19:00") : Optional.empty(),
                new Tasks(UiThread.DIRECT),
                navigator,
                new Messages(locale),
                clock);
    }

    /** Tasks run on worker threads: waits until the model's answer is in. */
    private static void settle(PickupViewModel model) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !model.workingProperty().get());
    }

    private static void type(PickupViewModel model, String code, String email) {
        model.codeProperty().set(code);
        model.emailProperty().set(email);
    }

    @Test
    void aCodeTypedTheWayPeopleTypeFindsThePaidOrderWithEverythingOnTheTicket() {
        desk.add("K7QXPA", "Lucia.Perez@example.com", OrderStatus.PAID, SHOWTIME, "F8", "F7");
        PickupViewModel model = screen(Locale.ENGLISH);
        assertThat(model.canFindProperty().get()).isFalse();

        type(model, "  k7q xpa ", " lucia.perez@EXAMPLE.com ");
        assertThat(model.canFindProperty().get()).isTrue();
        model.find();
        settle(model);

        PickedOrder order = model.orderProperty().get();
        assertThat(order).isNotNull();
        assertThat(order.code()).isEqualTo("K7QXPA");
        assertThat(order.showtime()).isEqualTo("Orbit of Ashes · Sala 2 · Sun 22 Nov, 19:00");
        assertThat(order.seats()).isEqualTo("2 tickets · Row F, seat 7, Row F, seat 8");
        assertThat(order.status()).isEqualTo("Paid: your tickets are ready");
        assertThat(order.notice()).isEmpty();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.canDeliverProperty().get()).isTrue();
    }

    @Test
    void printingAgainSavesTheServersPdfAndMailingAgainGoesToTheBookingsAddress() throws IOException {
        desk.add("K7QXPA", "lucia@example.com", OrderStatus.PAID, SHOWTIME, "F7", "F8");
        PickupViewModel model = screen(Locale.ENGLISH);
        type(model, "K7QXPA", "Lucia@Example.com");
        model.find();
        settle(model);

        model.print();

        settle(model);
        Path saved = folder.resolve("marquee-K7QXPA.pdf");
        assertThat(desk.printed()).containsExactly("K7QXPA");
        assertThat(model.printStatusProperty().get())
                .startsWith("This kiosk could not print your tickets.")
                .doesNotContain(saved.toString());
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(saved))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
        }

        model.sendEmail();

        settle(model);
        assertThat(desk.mailed()).containsExactly("Lucia@Example.com");
        assertThat(model.emailStatusProperty().get()).isEqualTo("The tickets are on their way to Lucia@Example.com.");
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void aWrongCodeAndAWrongEmailGetTheSameMessageThatNamesNeither() {
        desk.add("K7QXPA", "lucia@example.com", OrderStatus.PAID, SHOWTIME, "F7");
        PickupViewModel model = screen(Locale.ENGLISH);

        type(model, "K7QXPC", "lucia@example.com");
        model.find();
        settle(model);
        String wrongCode = model.errorProperty().get();
        type(model, "K7QXPA", "lucia@example.org");
        model.find();
        settle(model);
        String wrongEmail = model.errorProperty().get();

        assertThat(wrongCode)
                .isEqualTo(wrongEmail)
                .isEqualTo("We could not find tickets for that code and e-mail. Please check both and try again.");
        assertThat(model.orderProperty().get()).isNull();
        assertThat(model.canDeliverProperty().get()).isFalse();
    }

    @Test
    void somethingThatIsNotACodeOrAnEmailIsCaughtBeforeAskingTheServer() {
        desk.add("K7QXPA", "lucia@example.com", OrderStatus.PAID, SHOWTIME, "F7");
        PickupViewModel model = screen(Locale.ENGLISH);

        type(model, "K7QX", "lucia@example.com");
        model.find();
        settle(model);
        assertThat(model.errorProperty().get()).startsWith("A booking code has 6 letters and digits.");
        type(model, "K7QXPA", "lucia");
        model.find();
        settle(model);
        assertThat(model.errorProperty().get()).startsWith("Type the whole e-mail address");

        // neither counted as a miss: three real misses are still allowed, and the right one then works
        type(model, "K7QXPA", "lucia@example.com");
        model.find();
        settle(model);
        assertThat(model.orderProperty().get()).isNotNull();
    }

    @Test
    void aRefundedOrderSaysSoAndOffersNothingToPrint() {
        desk.add("RFNDED", "ana@example.com", OrderStatus.REFUNDED, SHOWTIME, "G4");
        desk.add("CNCLLD", "ana@example.com", OrderStatus.CANCELLED, SHOWTIME, "G5");
        PickupViewModel model = screen(Locale.ENGLISH);

        type(model, "rfnded", "ana@example.com");
        model.find();
        settle(model);
        PickedOrder refunded = model.orderProperty().get();
        assertThat(refunded.status()).isEqualTo("Refunded");
        assertThat(refunded.notice()).startsWith("This booking was refunded");
        assertThat(refunded.paid()).isFalse();
        assertThat(model.canDeliverProperty().get()).isFalse();
        model.print();
        settle(model);
        model.sendEmail();
        settle(model);
        assertThat(desk.printed()).isEmpty();
        assertThat(desk.mailed()).isEmpty();
        assertThat(folder).isEmptyDirectory();

        type(model, "CNCLLD", "ana@example.com");
        model.find();
        settle(model);
        assertThat(model.orderProperty().get().notice()).startsWith("This booking was cancelled");
    }

    @Test
    void tooManyMissesShowTheWaitInWordsCountingDownThenTheRightCodeWorks() {
        desk.add("K7QXPA", "lucia@example.com", OrderStatus.PAID, SHOWTIME, "F7");
        PickupViewModel model = screen(Locale.ENGLISH);
        for (String guess : new String[] {"AAAAAA", "CCCCCC", "DDDDDD"}) {
            type(model, guess, "lucia@example.com");
            model.find();
            settle(model);
        }
        clock.advance(Duration.ofSeconds(1));
        type(model, "K7QXPA", "lucia@example.com");
        model.find();
        settle(model);

        assertThat(model.errorProperty().get()).isEqualTo("Too many attempts — try again in 29 s");
        assertThat(model.waitingProperty().get()).isTrue();
        assertThat(model.canFindProperty().get()).isFalse();
        assertThat(model.orderProperty().get()).isNull();

        clock.advance(Duration.ofSeconds(10));
        model.tick();
        assertThat(model.errorProperty().get()).isEqualTo("Too many attempts — try again in 19 s");

        clock.advance(Duration.ofSeconds(19));
        model.tick();
        assertThat(model.waitingProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEqualTo("You can try again now.");
        model.find();
        settle(model);
        assertThat(model.orderProperty().get()).isNotNull();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void inSpanishTheWaitAndTheMissAreSpanishToo() {
        desk.add("K7QXPA", "lucia@example.com", OrderStatus.PAID, SHOWTIME, "F7");
        PickupViewModel model = screen(Locale.forLanguageTag("es"));
        type(model, "K7QXPC", "lucia@example.com");
        model.find();
        settle(model);
        assertThat(model.errorProperty().get()).startsWith("No encontramos entradas con ese código y ese e-mail.");
        model.find();
        settle(model);
        model.find();
        settle(model);
        model.find();
        settle(model);
        assertThat(model.errorProperty().get()).isEqualTo("Demasiados intentos — vuelve a intentarlo en 30 s");
    }

    @Test
    void offlineTheCustomerIsToldTheServerCannotBeReached() {
        desk.add("K7QXPA", "lucia@example.com", OrderStatus.PAID, SHOWTIME, "F7");
        desk.offline(true);
        PickupViewModel model = screen(Locale.ENGLISH);
        type(model, "K7QXPA", "lucia@example.com");
        model.find();
        settle(model);
        assertThat(model.errorProperty().get()).isNotEmpty().doesNotContain("could not find");
        assertThat(model.workingProperty().get()).isFalse();
    }

    @Test
    void backGoesToTheStart() {
        PickupViewModel model = screen(Locale.ENGLISH);
        model.back();
        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);
    }

    /** A clock that stands still until the test moves it. */
    private static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
