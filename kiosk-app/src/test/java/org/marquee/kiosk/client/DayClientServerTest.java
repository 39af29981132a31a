package org.marquee.kiosk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.client.Reports.SalesQuery;
import org.marquee.kiosk.testing.ServerProcess;
import org.marquee.model.ErrorCode;
import org.marquee.model.HoldView;
import org.marquee.model.LiveHold;
import org.marquee.model.OccupancyRow;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentMethod;
import org.marquee.model.PaymentRequest;
import org.marquee.model.SalesReport;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatType;
import org.marquee.model.SeatView;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.TicketRequest;
import org.marquee.model.TicketType;

/**
 * The day's admin client against the real server (the demo fixture): a kiosk's hold is listed and force-released
 * with a reason, a blank reason and a second release are refused in words, and a cash sale at the counter is in the
 * sales report, its CSV (with the header line) and the occupancy of its show.
 */
class DayClientServerTest {

    private static ServerProcess server;

    @BeforeAll
    static void startServer() {
        server = ServerProcess.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aKiosksHoldIsListedAndForceReleasedAndACounterSaleIsReported() {
        MarqueeClient kiosk = new MarqueeClient(server.url(), "demo-kiosk-1");
        MarqueeClient counter = new MarqueeClient(server.url(), "demo-counter-1");
        counter.startSession("morgan", "9999");
        MarqueeDayClient day = new MarqueeDayClient(counter);
        ZoneId zone = ZoneId.of(counter.admin().theaters().stream()
                .filter(theater -> theater.id() == 1)
                .findFirst()
                .orElseThrow()
                .timeZone());
        ShowtimeListing show = upcoming(kiosk, zone);
        List<SeatView> free = kiosk.seatMap(show.id()).seats().stream()
                .filter(seat -> seat.status() == SeatStatus.AVAILABLE && seat.type() == SeatType.STANDARD)
                .sorted(Comparator.comparing(SeatView::row).thenComparingInt(SeatView::number))
                .toList();
        HoldView held = holdTwo(kiosk, show.id(), free, List.of());
        List<String> kioskSeats = held.seatIds();
        List<LiveHold> live = day.liveHolds(1L);
        LiveHold listed = live.stream()
                .filter(hold -> hold.holdId().equals(held.holdId()))
                .findFirst()
                .orElseThrow();
        assertThat(listed.seatIds()).containsExactlyInAnyOrderElementsOf(kioskSeats);
        assertThat(listed.terminal().name()).isNotBlank();
        assertThat(listed.movieTitle()).isEqualTo(show.movie().title());
        assertThat(day.liveHolds(2L)).noneMatch(hold -> hold.holdId().equals(held.holdId()));

        assertThatThrownBy(() -> day.forceRelease(held.holdId(), "  "))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.getMessage()).contains("reason");
                });
        day.forceRelease(held.holdId(), "Customer left the kiosk");
        assertThat(day.liveHolds(1L)).noneMatch(hold -> hold.holdId().equals(held.holdId()));
        assertThat(kiosk.seatMap(show.id()).seats())
                .filteredOn(seat -> kioskSeats.contains(seat.id()))
                .allSatisfy(seat -> assertThat(seat.status()).isEqualTo(SeatStatus.AVAILABLE));
        assertThatThrownBy(() -> day.forceRelease(held.holdId(), "again"))
                .isInstanceOfSatisfying(
                        ApiProblem.class, problem -> assertThat(problem.code()).isEqualTo(ErrorCode.HOLD_NOT_ACTIVE));

        // a cash sale of two adult tickets at the counter, by the manager signed in there
        HoldView sale = holdTwo(counter, show.id(), free, kioskSeats);
        String first = sale.seatIds().get(0);
        String second = sale.seatIds().get(1);
        OrderView order = counter.order(
                sale.holdId(),
                List.of(new TicketRequest(first, TicketType.ADULT), new TicketRequest(second, TicketType.ADULT)),
                null);
        counter.pay(
                order.orderId(), new PaymentRequest(PaymentMethod.CASH, order.totalMinor(), null, order.totalMinor()));

        SalesReport byMethod = day.sales(new SalesQuery(null, null, 1L, "paymentMethod"));
        LocalDate today = LocalDate.parse(byMethod.from());
        assertThat(byMethod.rows())
                .filteredOn(row -> row.key().equals("CASH"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.tickets()).isEqualTo(2);
                    assertThat(row.netMinor()).isEqualTo(order.totalMinor());
                });
        String csv = day.salesCsv(new SalesQuery(today, today, 1L, "paymentMethod"));
        assertThat(csv.lines().findFirst()).contains("key,label,orders,tickets,grossMinor,refundsMinor,netMinor");
        assertThat(csv).contains("CASH,CASH,1,2," + order.totalMinor() + ",0," + order.totalMinor());

        List<OccupancyRow> occupancy =
                day.occupancy(1L, show.startsAt().atZone(zone).toLocalDate());
        assertThat(occupancy)
                .filteredOn(row -> row.showtimeId() == show.id())
                .singleElement()
                .satisfies(row -> assertThat(row.sold()).isEqualTo(2));

        assertThatThrownBy(() -> day.sales(new SalesQuery(today, today.minusDays(1), 1L, "day")))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        problem -> assertThat(problem.status()).isEqualTo(422));
    }

    /**
     * Two seats side by side that the seat rules let {@code terminal} hold (the first pair from the front that leaves
     * no single seat), none of {@code not}.
     */
    private static HoldView holdTwo(MarqueeClient terminal, long showtimeId, List<SeatView> free, List<String> not) {
        for (int i = 0; i + 1 < free.size(); i++) {
            SeatView left = free.get(i);
            SeatView right = free.get(i + 1);
            if (!left.row().equals(right.row())
                    || right.number() != left.number() + 1
                    || not.contains(left.id())
                    || not.contains(right.id())) {
                continue;
            }
            try {
                return terminal.hold(showtimeId, List.of(left.id(), right.id()));
            } catch (ApiProblem refused) {
                // a pair that would leave a single seat: the next one
            }
        }
        throw new AssertionError("No two seats side by side could be held");
    }

    /** A showtime of theater 1 not started yet, today or tomorrow in the theater's zone. */
    private static ShowtimeListing upcoming(MarqueeClient kiosk, ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        Instant soon = Instant.now().plusSeconds(3600);
        return List.of(today, today.plusDays(1)).stream()
                .flatMap(date -> kiosk.showtimes(1, date).stream())
                .filter(listing -> listing.startsAt().isAfter(soon) && listing.seatsAvailable() > 20)
                .findFirst()
                .orElseThrow();
    }
}
