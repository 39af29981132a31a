package org.marquee.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The managers' reports (DESIGN §7.4) over a day of real sales: a kiosk's card sale that a manager refunds, and a
 * clerk's cash sale. What a manager checks: the day's figures, each grouping adding up to the same totals, the CSV a
 * spreadsheet opens, and occupancy of the showtime.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTest {

    private TestServer server;
    private ApiClient manager;
    private long showtime;
    private LocalDate today;

    @BeforeAll
    void start() {
        server = TestServer.start("reports", TestServer.Options.defaults());
        manager = server.manager();
        showtime = server.bigHallShowtime();
        today = LocalDate.now(DemoFixture.ZONE);

        ApiClient kiosk = server.kiosk(1);
        String cardOrder = sell(
                kiosk,
                List.of("F7", "ADULT", "F8", "CHILD"),
                2200,
                "{\"method\":\"CARD\",\"amountMinor\":2200,\"cardToken\":\"tok_visa\"}");
        assertThat(manager.post("/orders/" + cardOrder + "/refund", null).status())
                .isEqualTo(200);
        sell(
                server.clerk(),
                List.of("J5", "ADULT", "J6", "SENIOR"),
                2850,
                "{\"method\":\"CASH\",\"amountMinor\":2850,\"tenderedMinor\":3000}");
        // a live hold of another kiosk: held, not sold
        assertThat(server.kiosk(2)
                        .post("/holds", Bodies.holdBody(showtime, List.of("A1")))
                        .status())
                .isEqualTo(201);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theDayShowsWhatWasSoldAndWhatWasRefunded() {
        JsonNode report = sales("groupBy=day");

        assertThat(report.path("currency").asText()).isEqualTo("EUR");
        assertThat(report.path("from").asText()).isEqualTo(today.toString());
        assertThat(report.path("groupBy").asText()).isEqualTo("day");
        assertThat(report.path("rows")).hasSize(1);
        JsonNode day = report.path("rows").get(0);
        assertThat(day.path("key").asText()).isEqualTo(today.toString());
        assertThat(figures(day)).containsExactly(2L, 4L, 5050L, 2200L, 2850L);
        assertThat(figures(report.path("totals"))).containsExactly(2L, 4L, 5050L, 2200L, 2850L);
    }

    @Test
    void byPaymentMethodTheRefundedCardSaleNetsToNothing() {
        Map<String, List<Long>> rows = rows(sales("groupBy=paymentMethod"));

        assertThat(rows).containsOnlyKeys("CARD", "CASH");
        assertThat(rows.get("CARD")).containsExactly(1L, 2L, 2200L, 2200L, 0L);
        assertThat(rows.get("CASH")).containsExactly(1L, 2L, 2850L, 0L, 2850L);
    }

    @Test
    void byTicketTypeTheTicketPricesAddUp() {
        Map<String, List<Long>> rows = rows(sales("groupBy=ticketType"));

        assertThat(rows.get("ADULT"))
                .as("F7 1250 refunded, J5 premium 1550")
                .containsExactly(2L, 2L, 2800L, 1250L, 1550L);
        assertThat(rows.get("CHILD")).containsExactly(1L, 1L, 950L, 950L, 0L);
        assertThat(rows.get("SENIOR")).containsExactly(1L, 1L, 1300L, 0L, 1300L);
    }

    @Test
    void byStaffAndTerminalTheKioskSaleHasNoClerk() {
        JsonNode staff = sales("groupBy=staff");
        Map<String, String> labels = new HashMap<>();
        staff.path("rows")
                .forEach(row ->
                        labels.put(row.path("key").asText(), row.path("label").asText()));
        assertThat(labels).containsValue("Self-service (no staff)").hasSize(2);
        assertThat(labels.values()).anyMatch(label -> label.contains("Alice"));

        JsonNode terminals = sales("groupBy=terminal");
        assertThat(terminals.path("rows").findValuesAsText("label"))
                .containsExactlyInAnyOrder("demo-kiosk-1", "demo-counter-1");
    }

    @Test
    void everyGroupingAddsUpToTheSameTotals() {
        for (String grouping :
                List.of("day", "showtime", "movie", "terminal", "staff", "paymentMethod", "ticketType")) {
            JsonNode report = sales("groupBy=" + grouping);
            long net = 0;
            for (JsonNode row : report.path("rows")) {
                net += row.path("netMinor").asLong();
            }
            assertThat(net).as(grouping).isEqualTo(2850);
            assertThat(report.path("totals").path("netMinor").asLong())
                    .as(grouping)
                    .isEqualTo(2850);
        }
    }

    @Test
    void aDayWithoutSalesIsEmptyNotAnError() {
        JsonNode report = manager.get("/admin/reports/sales?theaterId=1&from=2020-01-01&to=2020-01-31")
                .json();
        assertThat(report.path("rows")).isEmpty();
        assertThat(figures(report.path("totals"))).containsExactly(0L, 0L, 0L, 0L, 0L);
    }

    @Test
    void asCsvItIsTheSameRowsUnderAHeaderLine() {
        Answer csv = manager.get(
                "/admin/reports/sales?theaterId=1&groupBy=paymentMethod&from=" + today + "&to=" + today,
                "Accept",
                "text/csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("sales-paymentMethod-");
        assertThat(csv.body().split("\r\n"))
                .containsExactly(
                        "key,label,orders,tickets,grossMinor,refundsMinor,netMinor",
                        "CARD,CARD,1,2,2200,2200,0",
                        "CASH,CASH,1,2,2850,0,2850");
    }

    @Test
    void occupancyCountsSoldAndHeldSeatsOfTheDaysShowtimes() {
        String date = LocalDate.now(DemoFixture.ZONE).plusDays(1).toString();
        JsonNode rows =
                manager.get("/admin/reports/occupancy?theaterId=1&date=" + date).json();

        JsonNode row = null;
        for (JsonNode candidate : rows) {
            if (candidate.path("showtimeId").asLong() == showtime) {
                row = candidate;
            }
        }
        assertThat(row).as("the big hall's showtime is listed").isNotNull();
        assertThat(row.path("sold").asInt())
                .as("J5 and J6; F7 and F8 were refunded")
                .isEqualTo(2);
        assertThat(row.path("held").asInt()).isEqualTo(1);
        int total = row.path("seatsTotal").asInt();
        assertThat(total).isGreaterThan(300);
        assertThat(row.path("occupancyPct").asDouble()).isEqualTo(Math.round(1000.0 * 2 / total) / 10.0);
        assertThat(row.path("movieTitle").asText()).isNotBlank();
    }

    @Test
    void badQuestionsAreClearErrors() {
        assertThat(manager.get("/admin/reports/sales?groupBy=week").errorCode()).isEqualTo("INVALID_REQUEST");
        assertThat(manager.get("/admin/reports/sales?groupBy=week")
                        .json()
                        .path("error")
                        .path("message")
                        .asText())
                .contains("paymentMethod");
        assertThat(manager.get("/admin/reports/sales?from=2026-12-02&to=2026-12-01")
                        .status())
                .isEqualTo(422);
        assertThat(manager.get("/admin/reports/sales?from=2020-01-01&to=2026-01-01")
                        .status())
                .isEqualTo(422);
        assertThat(manager.get("/admin/reports/sales?from=yesterday").status()).isEqualTo(400);
        assertThat(manager.get("/admin/reports/sales?theaterId=999").status()).isEqualTo(404);
        assertThat(manager.get("/admin/reports/occupancy").status()).isEqualTo(422);
        assertThat(manager.get("/admin/reports/occupancy?theaterId=999").status())
                .isEqualTo(404);
        assertThat(manager.get("/admin/reports/occupancy?theaterId=1&date=2026-13-01")
                        .status())
                .isEqualTo(400);
        assertThat(server.clerk().get("/admin/reports/sales").status()).isEqualTo(403);
    }

    private JsonNode sales(String query) {
        Answer answer = manager.get("/admin/reports/sales?theaterId=1&from=" + today + "&to=" + today + "&" + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<Long> figures(JsonNode row) {
        return List.of(
                row.path("orders").asLong(),
                row.path("tickets").asLong(),
                row.path("grossMinor").asLong(),
                row.path("refundsMinor").asLong(),
                row.path("netMinor").asLong());
    }

    private static Map<String, List<Long>> rows(JsonNode report) {
        Map<String, List<Long>> rows = new HashMap<>();
        report.path("rows").forEach(row -> rows.put(row.path("key").asText(), figures(row)));
        return rows;
    }

    /** Holds the seats, orders them with the given ticket types, pays; the order's id. */
    private String sell(ApiClient client, List<String> seatsAndTypes, long total, String payment) {
        List<String> seats = List.of(seatsAndTypes.get(0), seatsAndTypes.get(2));
        Answer hold = client.post("/holds", Bodies.holdBody(showtime, seats));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        String order = "{\"holdId\":\"" + hold.json().path("holdId").asText() + "\",\"tickets\":["
                + "{\"seatId\":\"" + seatsAndTypes.get(0) + "\",\"type\":\"" + seatsAndTypes.get(1) + "\"},"
                + "{\"seatId\":\"" + seatsAndTypes.get(2) + "\",\"type\":\"" + seatsAndTypes.get(3) + "\"}]"
                + ",\"email\":\"ana@example.com\"}";
        Answer created = client.post("/orders", order);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("totalMinor").asLong()).isEqualTo(total);
        String orderId = created.json().path("orderId").asText();
        Answer paid = client.post("/orders/" + orderId + "/payments", payment);
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return orderId;
    }
}
