package org.marquee.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.demo.DemoFixture;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.Bodies;
import org.marquee.server.testing.TestServer;

/**
 * Which day a sale and a refund fall on now that a report reads only the orders of its dates (V14's indexes): an
 * order paid in one month and refunded in the next counts in each month once, and orders paid just before and after
 * the theater's midnight fall on their local days, not on UTC ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportDaysTest {

    private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);
    private static final LocalDate MAY_5 = LocalDate.of(2026, 5, 5);

    private TestServer server;
    private ApiClient manager;
    private long showtime;

    @BeforeAll
    void start() {
        server = TestServer.start("reportdays", TestServer.Options.defaults());
        server.singleSeatRule("OFF");
        manager = server.manager();
        showtime = server.bigHallShowtime();

        // paid on 31 March at 23:30 in Madrid (21:30 UTC, summer time) and refunded at 23:45, but the card refund
        // failed and was settled only on 5 May at 00:30 in Madrid (22:30 UTC on 4 May): March's report counts the
        // sale, May's the refund (found through the payment: the order ended in March), April's neither
        String early = sell("F7");
        assertThat(manager.post("/orders/" + early + "/refund", null).status()).isEqualTo(200);
        move(early, "paid_at", madrid(MARCH_31, 23, 30));
        move(early, "ended_at", madrid(MARCH_31, 23, 45));
        server.jdbi()
                .useHandle(
                        h -> h.createUpdate("update payments set refunded_at = :at where order_id = cast(:id as uuid)")
                                .bind("at", madrid(MAY_5, 0, 30).toOffsetDateTime())
                                .bind("id", early)
                                .execute());
        // paid on 5 May at 00:10 in Madrid: the 5th, though it is the 4th in UTC
        move(sell("F9"), "paid_at", madrid(MAY_5, 0, 10));
        // paid on 5 May at 23:50 in Madrid: the 5th, and the 6th has nothing
        move(sell("F11"), "paid_at", madrid(MAY_5, 23, 50));
        // February: one order in euros on the 10th, one recorded in dollars on the 11th
        move(sell("F13"), "paid_at", madrid(LocalDate.of(2026, 2, 10), 12, 0));
        String dollars = sell("F15");
        move(dollars, "paid_at", madrid(LocalDate.of(2026, 2, 11), 12, 0));
        server.jdbi()
                .useHandle(h -> h.createUpdate("update orders set currency = 'USD' where id = cast(:id as uuid)")
                        .bind("id", dollars)
                        .execute());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aSaleCountsOnTheDayItWasPaidAndItsRefundOnTheDayItWasRefunded() {
        assertThat(totals("2026-03-01", "2026-03-31")).containsExactly(1L, 1L, 1250L, 0L, 1250L);
        assertThat(totals("2026-04-01", "2026-04-30")).containsExactly(0L, 0L, 0L, 0L, 0L);
        assertThat(totals("2026-05-01", "2026-05-31")).containsExactly(2L, 2L, 2500L, 1250L, 1250L);
    }

    @Test
    void daysAreTheTheatersDaysNotUtcOnes() {
        assertThat(totals("2026-05-04", "2026-05-04")).containsExactly(0L, 0L, 0L, 0L, 0L);
        assertThat(totals("2026-05-05", "2026-05-05")).containsExactly(2L, 2L, 2500L, 1250L, 1250L);
        assertThat(totals("2026-05-06", "2026-05-06")).containsExactly(0L, 0L, 0L, 0L, 0L);
        JsonNode byDay = manager.get("/admin/reports/sales?theaterId=1&groupBy=day&from=2026-03-30&to=2026-05-06")
                .json();
        assertThat(byDay.path("rows").findValuesAsText("key")).containsExactly("2026-03-31", "2026-05-05");
    }

    @Test
    void amountsInTwoCurrenciesAreNotAddedUp() {
        Answer both = manager.get("/admin/reports/sales?theaterId=1&from=2026-02-01&to=2026-02-28");
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.json().path("error").path("message").asText()).contains("EUR and USD");
        assertThat(totals("2026-02-10", "2026-02-10")).containsExactly(1L, 1L, 1250L, 0L, 1250L);
        assertThat(manager.get("/admin/reports/sales?theaterId=1&from=2026-02-11&to=2026-02-11")
                        .json()
                        .path("currency")
                        .asText())
                .isEqualTo("USD");
    }

    private List<Long> totals(String from, String to) {
        JsonNode totals = manager.get("/admin/reports/sales?theaterId=1&from=" + from + "&to=" + to)
                .json()
                .path("totals");
        return List.of(
                totals.path("orders").asLong(),
                totals.path("tickets").asLong(),
                totals.path("grossMinor").asLong(),
                totals.path("refundsMinor").asLong(),
                totals.path("netMinor").asLong());
    }

    private static ZonedDateTime madrid(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(DemoFixture.ZONE);
    }

    private void move(String orderId, String column, ZonedDateTime at) {
        server.jdbi()
                .useHandle(h -> h.createUpdate("update orders set " + column + " = :at where id = cast(:id as uuid)")
                        .bind("at", at.toOffsetDateTime())
                        .bind("id", orderId)
                        .execute());
    }

    /** One adult ticket for {@code seat}, paid in cash at the counter; the order's id. */
    private String sell(String seat) {
        ApiClient clerk = server.clerk();
        Answer hold = clerk.post("/holds", Bodies.holdBody(showtime, List.of(seat)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Answer created = clerk.post(
                "/orders",
                "{\"holdId\":\"" + hold.json().path("holdId").asText() + "\",\"tickets\":[{\"seatId\":\"" + seat
                        + "\",\"type\":\"ADULT\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String orderId = created.json().path("orderId").asText();
        Answer paid = clerk.post(
                "/orders/" + orderId + "/payments",
                "{\"method\":\"CASH\",\"amountMinor\":"
                        + created.json().path("totalMinor").asLong() + ",\"tenderedMinor\":5000}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return orderId;
    }
}
