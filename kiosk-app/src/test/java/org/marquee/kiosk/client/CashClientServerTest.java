package org.marquee.kiosk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.testing.ServerProcess;
import org.marquee.model.CashShift;
import org.marquee.model.ErrorCode;
import org.marquee.model.HoldView;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatType;
import org.marquee.model.SeatView;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.TicketRequest;
import org.marquee.model.TicketType;

/**
 * The cash client against a real server with the demo data (DESIGN §7.3, §7.4): a clerk opens a shift, a cash sale is
 * counted into it, the clerk closes it short, and the manager reads the day's cash report with that variance; the
 * server's refusals (409 a second shift, 404 none to close, 422 a negative float, 403 a clerk reading the report)
 * come back as problems with their status and words.
 */
class CashClientServerTest {

    private static final int PORT = 21210;
    private static ServerProcess server;

    @BeforeAll
    static void startServer() {
        server = ServerProcess.startOn(PORT);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static MarqueeClient signedIn(String username, String pin) {
        MarqueeClient client = new MarqueeClient(server.url(), "demo-counter-1");
        client.useToken(client.signIn(username, pin).token());
        return client;
    }

    @Test
    void aShiftIsOpenedCountedClosedAndReportedToTheManager() {
        MarqueeClient clerk = signedIn("alice", "1234");
        MarqueeCashClient cash = new MarqueeCashClient(clerk);
        assertThat(cash.currentShift()).isEmpty();

        CashShift opened = cash.openShift(15_000);
        assertThat(opened.floatMinor()).isEqualTo(15_000);
        assertThat(opened.expectedCashMinor()).isEqualTo(15_000);
        assertThat(opened.username()).isEqualTo("alice");
        assertThat(opened.closedAt()).isNull();
        ApiProblem second = catchThrowableOfType(ApiProblem.class, () -> cash.openShift(100));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.getMessage()).contains("already have a shift open");

        OrderView sold = cashSale(clerk);
        CashShift counting = cash.currentShift().orElseThrow();
        assertThat(counting.shiftId()).isEqualTo(opened.shiftId());
        assertThat(counting.cashSalesMinor()).isEqualTo(sold.totalMinor());
        assertThat(counting.expectedCashMinor()).isEqualTo(15_000 + sold.totalMinor());

        CashShift closed = cash.closeShift(15_000 + sold.totalMinor() - 250);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.varianceMinor()).isEqualTo(-250);
        assertThat(cash.currentShift()).isEmpty();
        ApiProblem none = catchThrowableOfType(ApiProblem.class, () -> cash.closeShift(0));
        assertThat(none.status()).isEqualTo(404);

        MarqueeClient manager = signedIn("morgan", "9999");
        ZoneId zone = ZoneId.of(manager.admin().theaters().stream()
                .filter(theater -> theater.id() == 1)
                .findFirst()
                .orElseThrow()
                .timeZone());
        List<CashShift> day = new MarqueeCashClient(manager).cashShifts(1, LocalDate.now(zone));
        assertThat(day)
                .filteredOn(shift -> shift.shiftId() == opened.shiftId())
                .singleElement()
                .satisfies(shift -> {
                    assertThat(shift.username()).isEqualTo("alice");
                    assertThat(shift.floatMinor()).isEqualTo(15_000);
                    assertThat(shift.expectedCashMinor()).isEqualTo(15_000 + sold.totalMinor());
                    assertThat(shift.countedCashMinor()).isEqualTo(15_000 + sold.totalMinor() - 250);
                    assertThat(shift.varianceMinor()).isEqualTo(-250);
                });
        assertThat(new MarqueeCashClient(manager)
                        .cashShifts(1, LocalDate.now(zone).minusDays(30)))
                .isEmpty();
    }

    @Test
    void wrongAmountsAndWrongCallersAreRefusedInWords() {
        MarqueeCashClient clerk = new MarqueeCashClient(signedIn("alice", "1234"));
        ApiProblem negative = catchThrowableOfType(ApiProblem.class, () -> clerk.openShift(-1));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(negative.getMessage()).contains("floatMinor");

        ApiProblem notManager = catchThrowableOfType(ApiProblem.class, () -> clerk.cashShifts(1, LocalDate.now()));
        assertThat(notManager.status()).isEqualTo(403);

        // with a day given, the server answers a theater it does not know with no shifts rather than 404
        MarqueeCashClient manager = new MarqueeCashClient(signedIn("morgan", "9999"));
        assertThat(manager.cashShifts(999, LocalDate.now())).isEmpty();
    }

    /** Two standard seats of a showtime tomorrow, paid in cash, exactly the total. */
    private static OrderView cashSale(MarqueeClient clerk) {
        ShowtimeListing showtime =
                clerk.showtimes(1, LocalDate.now().plusDays(1)).getFirst();
        List<String> seats = clerk.seatMap(showtime.id()).seats().stream()
                .filter(seat -> seat.status() == SeatStatus.AVAILABLE && seat.type() == SeatType.STANDARD)
                .limit(2)
                .map(SeatView::id)
                .toList();
        HoldView hold = clerk.hold(showtime.id(), seats);
        OrderView order = clerk.order(
                hold.holdId(),
                List.of(
                        new TicketRequest(seats.get(0), TicketType.ADULT),
                        new TicketRequest(seats.get(1), TicketType.ADULT)),
                null);
        clerk.pay(
                order.orderId(), new PaymentRequest(PaymentMethod.CASH, order.totalMinor(), null, order.totalMinor()));
        return order;
    }
}
