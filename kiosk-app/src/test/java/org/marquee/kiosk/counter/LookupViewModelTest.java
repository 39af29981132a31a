package org.marquee.kiosk.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.cache.CatalogCache;
import org.marquee.kiosk.cache.CatalogSync;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.TicketOutput;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.counter.LookupViewModel.Step;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.ServerProcess;
import org.marquee.model.OrderStatus;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.SeatStatus;
import org.marquee.model.ShowtimeListing;

/** Order lookup, reprint, cancel and refund at the counter against a real server, without the FX toolkit. */
class LookupViewModelTest {

    private static ServerProcess server;

    @TempDir
    Path tickets;

    @TempDir
    Path cacheDir;

    private CatalogCache cache;
    private MarqueeClient clerk;
    private Tasks tasks;
    private Navigator navigator;
    private LookupViewModel model;

    @BeforeAll
    static void startServer() {
        server = ServerProcess.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void setUp() {
        clerk = CounterOrders.clerk(server.url());
        tasks = new Tasks(UiThread.DIRECT);
        navigator = new Navigator();
        cache = CatalogCache.open(cacheDir);
        new CatalogSync(clerk, cache).syncNow();
        model = lookup(ShowtimeNames.from(cache, new Messages(Locale.ENGLISH)));
    }

    private LookupViewModel lookup(ShowtimeNames names) {
        return new LookupViewModel(
                clerk,
                new ManagerApproval(() -> new MarqueeClient(server.url(), CounterOrders.COUNTER_TOKEN)),
                new TicketOutput(tickets, () -> null),
                names,
                tasks,
                navigator,
                new Messages(Locale.ENGLISH));
    }

    @AfterEach
    void tearDown() {
        tasks.close();
        cache.close();
    }

    @Test
    void findsAPaidOrderByItsCodeInLowerCase() {
        OrderView paid = CounterOrders.paid(clerk);

        find(paid.code().toLowerCase(Locale.ROOT));

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.orderProperty().get().orderId()).isEqualTo(paid.orderId());
        OrderSummary summary = model.summaryProperty().get();
        assertThat(summary.code()).isEqualTo(paid.code());
        assertThat(summary.status()).isEqualTo("Paid");
        ShowtimeListing showtime = clerk.showtimes(1, LocalDate.now().plusDays(1)).stream()
                .filter(listing -> listing.id() == paid.showtimeId())
                .findFirst()
                .orElseThrow();
        assertThat(summary.showtime())
                .as("the movie, its format, the auditorium")
                .startsWith(showtime.movie().title() + " · " + showtime.format() + " · "
                        + showtime.auditorium().name() + " · ");
        assertThat(summary.total()).isEqualTo(euros(paid.totalMinor())).startsWith("€");
        assertThat(summary.tickets())
                .extracting(OrderSummary.TicketLine::ticketType)
                .containsExactly("Adult", "Child");
        assertThat(summary.tickets())
                .extracting(OrderSummary.TicketLine::price)
                .containsExactlyElementsOf(paid.tickets().stream()
                        .map(ticket -> euros(ticket.priceMinor()))
                        .toList());
        assertThat(summary.payments()).singleElement().asString().startsWith("Cash: " + euros(paid.totalMinor()));
        assertThat(model.canReprintProperty().get()).isTrue();
        assertThat(model.canRefundProperty().get()).isTrue();
        assertThat(model.canCancelProperty().get()).isFalse();
    }

    @Test
    void withoutTheCatalogTheShowtimeIsNamedByItsNumber() {
        OrderView unpaid = CounterOrders.unpaid(clerk);
        model = lookup(ShowtimeNames.NONE);

        find(unpaid.code());

        assertThat(model.summaryProperty().get().showtime()).isEqualTo("Showtime no. " + unpaid.showtimeId());
        assertThat(model.summaryProperty().get().status()).isEqualTo("Waiting for payment");
        assertThat(model.summaryProperty().get().payments()).containsExactly("No payment yet.");
    }

    @Test
    void anUnknownCodeShowsTheServersMessage() {
        find("AAAAAA");

        assertThat(model.errorProperty().get()).isEqualTo("No order with code AAAAAA.");
        assertThat(model.orderProperty().get()).isNull();
        assertThat(model.workingProperty().get()).isFalse();
    }

    @Test
    void aCodeOfTheWrongLengthIsExplainedWithoutAskingTheServer() {
        model.codeProperty().set("K7Q");
        assertThat(model.canFindProperty().get()).isFalse();

        model.find();

        assertThat(model.errorProperty().get()).isEqualTo("A booking code has 6 letters and digits.");
        assertThat(model.workingProperty().get()).isFalse();
    }

    @Test
    void cancellingAnUnpaidOrderAsksFirstThenFreesItsSeats() {
        OrderView unpaid = CounterOrders.unpaid(clerk);
        assertThat(CounterOrders.seatStatuses(clerk, unpaid)).containsOnly(SeatStatus.HELD);
        find(unpaid.code());
        assertThat(model.canCancelProperty().get()).isTrue();
        assertThat(model.canRefundProperty().get()).isFalse();
        assertThat(model.canReprintProperty().get()).isFalse();

        model.requestCancel();
        assertThat(model.stepProperty().get()).isEqualTo(Step.CONFIRM_CANCEL);
        assertThat(model.cancelQuestion())
                .contains(unpaid.code())
                .contains(unpaid.tickets().getFirst().seatId());
        model.back();
        assertThat(model.stepProperty().get()).isEqualTo(Step.SEARCH);
        assertThat(clerk.findOrder(unpaid.code(), null).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);

        model.requestCancel();
        model.confirmCancel();
        awaitIdle();

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.orderProperty().get().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(model.summaryProperty().get().status()).isEqualTo("Cancelled");
        assertThat(model.infoProperty().get())
                .isEqualTo("Order " + unpaid.code() + " is cancelled; its seats are free again.");
        assertThat(model.stepProperty().get()).isEqualTo(Step.SEARCH);
        assertThat(model.canCancelProperty().get()).isFalse();
        assertThat(CounterOrders.seatStatuses(clerk, unpaid)).containsOnly(SeatStatus.AVAILABLE);
    }

    @Test
    void aManagersPinRefundsAPaidOrderFreesItsSeatsAndLeavesTheClerkSignedIn() {
        OrderView paid = CounterOrders.paid(clerk);
        assertThat(CounterOrders.seatStatuses(clerk, paid)).containsOnly(SeatStatus.SOLD);
        String clerkToken = clerk.token();
        find(paid.code());

        model.requestRefund();
        assertThat(model.stepProperty().get()).isEqualTo(Step.MANAGER_APPROVAL);
        assertThat(model.refundQuestion()).contains(euros(paid.totalMinor()));
        model.managerUsernameProperty().set("morgan");
        model.managerPinProperty().set("9999");
        assertThat(model.canApproveProperty().get()).isTrue();
        model.approveRefund();
        assertThat(model.managerPinProperty().get()).isEmpty();
        awaitIdle();

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.orderProperty().get().status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(model.infoProperty().get())
                .contains(paid.code())
                .contains("refunded")
                .contains(euros(paid.totalMinor()));
        assertThat(model.stepProperty().get()).isEqualTo(Step.SEARCH);
        assertThat(CounterOrders.seatStatuses(clerk, paid)).containsOnly(SeatStatus.AVAILABLE);
        // the clerk's own session is untouched and still sells
        assertThat(clerk.token()).isEqualTo(clerkToken);
        assertThat(clerk.findOrder(paid.code(), null).status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(CounterOrders.paid(clerk).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void aCardRefundTheProviderRefusesIsShownInWordsAfterTheManagersApproval() {
        OrderView order = CounterOrders.unpaid(clerk);
        clerk.pay(
                order.orderId(), new PaymentRequest(PaymentMethod.CARD, order.totalMinor(), "tok_refund_fails", null));
        find(order.code());

        model.requestRefund();
        model.managerUsernameProperty().set("morgan");
        model.managerPinProperty().set("9999");
        model.approveRefund();
        awaitIdle();

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.orderProperty().get().status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(model.infoProperty().get())
                .isEqualTo("Order " + order.code() + " is refunded; its seats are free again. The card refund of "
                        + euros(order.totalMinor()) + " failed: the manager will pay it out in cash.");
        assertThat(model.summaryProperty().get().payments())
                .singleElement()
                .asString()
                .isEqualTo("Card ending in 0341: " + euros(order.totalMinor())
                        + " (card refund failed — the manager will pay it out in cash)");
        assertThat(CounterOrders.seatStatuses(clerk, order)).containsOnly(SeatStatus.AVAILABLE);
    }

    @Test
    void aClerksPinCannotApproveARefund() {
        OrderView paid = CounterOrders.paid(clerk);
        find(paid.code());

        model.requestRefund();
        model.managerUsernameProperty().set("alice");
        model.managerPinProperty().set("1234");
        model.approveRefund();
        awaitIdle();

        assertThat(model.errorProperty().get()).isEqualTo("A clerk may not do this.");
        assertThat(model.stepProperty().get()).isEqualTo(Step.MANAGER_APPROVAL);
        assertThat(model.managerPinProperty().get()).isEmpty();
        assertThat(clerk.findOrder(paid.code(), null).status()).isEqualTo(OrderStatus.PAID);
        assertThat(CounterOrders.seatStatuses(clerk, paid)).containsOnly(SeatStatus.SOLD);
    }

    @Test
    void aWrongManagerPinShowsTheServersMessage() {
        OrderView paid = CounterOrders.paid(clerk);
        find(paid.code());

        model.requestRefund();
        model.managerUsernameProperty().set("morgan");
        model.managerPinProperty().set("0000");
        model.approveRefund();
        awaitIdle();

        assertThat(model.errorProperty().get()).isEqualTo("Unknown user or wrong PIN.");
        assertThat(model.stepProperty().get()).isEqualTo(Step.MANAGER_APPROVAL);
        model.back();
        assertThat(model.stepProperty().get()).isEqualTo(Step.SEARCH);
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void reprintingWithoutAPrinterSavesTheTicketsPdf() throws Exception {
        OrderView paid = CounterOrders.paid(clerk);
        find(paid.code());

        model.reprint();
        awaitIdle();

        Path saved = tickets.resolve("marquee-" + paid.code() + ".pdf");
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.infoProperty().get()).contains(saved.toAbsolutePath().toString());
        assertThat(new String(Files.readAllBytes(saved), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }

    @Test
    void newSaleGoesToTheShowtimes() {
        navigator.go(Screen.LOOKUP);
        model.newSale();
        assertThat(navigator.current()).isEqualTo(Screen.SHOWTIMES);
    }

    private static String euros(long minor) {
        return OrderSummary.money(minor, "EUR", Locale.ENGLISH);
    }

    private void find(String code) {
        model.codeProperty().set(code);
        model.find();
        awaitIdle();
    }

    private void awaitIdle() {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !model.workingProperty().get());
    }
}
