package org.marquee.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.AdminApi;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.Doors;
import org.marquee.server.testing.TestServer;

/**
 * Every figure of the sales report (DESIGN §7.4) against the sales this test makes in a theater of its own: cash and
 * card, a card refund, two card refunds the provider refuses (one later paid out in cash), and a cancelled showtime
 * whose cash and card sales are refunded. A refused refund is not a refund until the money goes back
 * (docs/decisions/0022). Each grouping's rows are compared with what the sales say, and its CSV, parsed back, with its
 * JSON. Then the occupancy report counts tickets admitted at the door.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesFiguresTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    /** A sale as the test made it; {@code refunded} once the money went back. */
    private static final class Sale {
        final String orderId;
        final long showtimeId;
        final String method;
        final String terminal;
        final String staff;
        final int tickets;
        final long total;
        boolean refunded;

        Sale(JsonNode order, long showtimeId, String method, String terminal, String staff, int tickets) {
            this.orderId = order.path("orderId").asText();
            this.showtimeId = showtimeId;
            this.method = method;
            this.terminal = terminal;
            this.staff = staff;
            this.tickets = tickets;
            this.total = order.path("totalMinor").asLong();
        }
    }

    private TestServer server;
    private ApiClient manager;
    private long theater;
    private String title;
    private long kept;
    private long cancelled;
    private final List<Sale> sales = new ArrayList<>();

    @BeforeAll
    void start() {
        // seats are sold one by one along a row: the single-seat rule (DESIGN §8) is not what this test is about
        server =
                TestServer.start("sales-figures", TestServer.Options.defaults()).singleSeatRule("OFF");
        manager = server.manager();
        AdminApi admin = new AdminApi(manager);
        theater = admin.theater(20);
        server.singleSeatRule(theater, "OFF");
        long auditorium = admin.auditorium(theater, List.of("A:SSSSSSSS", "B:SSSSSSSS"));
        title = "Dune, \"Part\" Two " + UUID.randomUUID().toString().substring(0, 6);
        long movie = AdminApi.created(
                manager.post(
                        "/admin/movies",
                        "{\"title\":\"" + title.replace("\"", "\\\"")
                                + "\",\"runtimeMinutes\":90,\"rating\":\"PG\",\"genres\":[\"Drama\"],\"synopsis\":\"A test.\"}"));
        Instant later = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        kept = admin.showtime(movie, auditorium, later);
        cancelled = admin.showtime(movie, auditorium, later.plus(1, ChronoUnit.DAYS));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void everyFigureMatchesTheSalesThroughRefundsRefusalsAndACancelledShowtime() {
        ApiClient clerk = server.clerk();
        ApiClient kiosk = server.kiosk(1);
        sale(clerk, kept, List.of("A1", "A2"), "cash");
        sale(kiosk, kept, List.of("A3"), "tok_visa");
        Sale refundedByCard = sale(kiosk, kept, List.of("A4"), "tok_visa");
        Sale refused = sale(kiosk, kept, List.of("A5"), "tok_refund_fails");
        Sale paidOutLater = sale(kiosk, kept, List.of("A6"), "tok_refund_fails");
        Sale cashOfCancelled = sale(clerk, cancelled, List.of("B1"), "cash");
        Sale cardOfCancelled = sale(kiosk, cancelled, List.of("B2", "B3"), "tok_visa");

        for (Sale sale : List.of(refundedByCard, refused, paidOutLater)) {
            Answer refund = manager.post("/orders/" + sale.orderId + "/refund", null);
            assertThat(refund.status()).as(refund.body()).isEqualTo(200);
        }
        refundedByCard.refunded = true;
        checkEveryGrouping("refused refunds are not refunds yet");
        JsonNode totals = report("day").path("totals");
        assertThat(totals.path("refundsMinor").asLong())
                .as("only the refund that went through")
                .isEqualTo(refundedByCard.total);

        Answer cancel = manager.post("/admin/showtimes/" + cancelled + "/cancel", "{\"reason\":\"Flooded\"}");
        assertThat(cancel.json().path("refundedOrders").asInt()).isEqualTo(2);
        cashOfCancelled.refunded = true;
        cardOfCancelled.refunded = true;
        String payment = failedPaymentOf(paidOutLater.orderId);
        assertThat(manager.post("/admin/refunds/" + payment + "/paid-in-cash", null)
                        .status())
                .isEqualTo(200);
        paidOutLater.refunded = true;

        checkEveryGrouping("after the cancellation and the cash payout");
        JsonNode after = report("paymentMethod").path("totals");
        long gross = sales.stream().mapToLong(s -> s.total).sum();
        assertThat(after.path("orders").asLong()).isEqualTo(7);
        assertThat(after.path("tickets").asLong()).isEqualTo(9);
        assertThat(after.path("grossMinor").asLong()).isEqualTo(gross);
        assertThat(after.path("refundsMinor").asLong())
                .isEqualTo(refundedByCard.total + paidOutLater.total + cashOfCancelled.total + cardOfCancelled.total);
        assertThat(after.path("netMinor").asLong())
                .as("what the cinema kept: A1, A2, A3 and the refused A5")
                .isEqualTo(gross - after.path("refundsMinor").asLong());
        assertThat(after.path("netMinor").asLong()).isEqualTo(4 * refused.total);
    }

    @Test
    void occupancyCountsTheTicketsAdmittedAtTheDoor() {
        long showtime = server.bigHallShowtime();
        JsonNode order = Doors.buy(server, 2, showtime, "K1", "K2", "K3");
        ApiClient door =
                Doors.scanner(server, "door-" + UUID.randomUUID().toString().substring(0, 6));
        for (int i = 0; i < 2; i++) {
            JsonNode result = Doors.result(
                    door.post("/admissions", Doors.scan(Doors.token(order, i), "scan-" + UUID.randomUUID(), showtime)));
            assertThat(result.path("result").asText()).isEqualTo("ADMITTED");
        }
        JsonNode twice = Doors.result(
                door.post("/admissions", Doors.scan(Doors.token(order, 0), "scan-" + UUID.randomUUID(), showtime)));
        assertThat(twice.path("result").asText()).isEqualTo("ALREADY_ADMITTED");

        // the business day of the showtime in its theater's zone, as the report reads it
        String date = server.jdbi()
                .withHandle(h -> h.createQuery("""
                                select (s.starts_at at time zone th.time_zone)::date::text from showtimes s
                                  join auditoriums a on a.id = s.auditorium_id join theaters th on th.id = a.theater_id
                                 where s.id = :s""")
                        .bind("s", showtime)
                        .mapTo(String.class)
                        .one());
        Answer occupancy = manager.get("/admin/reports/occupancy?theaterId=1&date=" + date);
        assertThat(occupancy.status()).as(occupancy.body()).isEqualTo(200);
        JsonNode row = null;
        for (JsonNode candidate : occupancy.json()) {
            if (candidate.path("showtimeId").asLong() == showtime) {
                row = candidate;
            } else {
                assertThat(candidate.path("admitted").asInt())
                        .as("nobody entered showtime %s", candidate.path("showtimeId"))
                        .isZero();
            }
        }
        assertThat(row)
                .as("showtime %s on %s in %s", showtime, date, occupancy.body())
                .isNotNull();
        assertThat(row.path("sold").asInt()).isEqualTo(3);
        assertThat(row.path("admitted").asInt())
                .as("two of three, the second scan counted once")
                .isEqualTo(2);
    }

    /** Compares every grouping's rows and totals with the sales, and its CSV with its JSON. */
    private void checkEveryGrouping(String when) {
        Map<String, Function<Sale, String>> groupings = new java.util.LinkedHashMap<>();
        groupings.put("showtime", sale -> Long.toString(sale.showtimeId));
        groupings.put("movie", sale -> title);
        groupings.put("terminal", sale -> sale.terminal);
        groupings.put("staff", sale -> sale.staff);
        groupings.put("paymentMethod", sale -> sale.method);
        groupings.put("ticketType", sale -> "ADULT");
        for (var grouping : groupings.entrySet()) {
            String name = grouping.getKey();
            JsonNode report = report(name);
            // showtimes, payment methods and ticket types are matched by key, the rest by what a person reads
            boolean byKey = List.of("showtime", "paymentMethod", "ticketType").contains(name);
            Map<String, List<Long>> actual = new HashMap<>();
            report.path("rows")
                    .forEach(row -> actual.put(row.path(byKey ? "key" : "label").asText(), figures(row)));
            assertThat(actual).as(when + ": by " + name).isEqualTo(expected(grouping.getValue()));
            assertThat(figures(report.path("totals")))
                    .as(when + ": totals by " + name)
                    .isEqualTo(expected(sale -> "all").get("all"));
            assertThat(csvRows(name)).as(when + ": the CSV by " + name).isEqualTo(jsonRows(report));
        }
        JsonNode days = report("day");
        assertThat(figures(days.path("totals")))
                .as(when + ": by day")
                .isEqualTo(expected(sale -> "all").get("all"));
    }

    /** orders, tickets, gross, refunds, net per group, from the sales the test made. */
    private Map<String, List<Long>> expected(Function<Sale, String> key) {
        Map<String, long[]> sums = new HashMap<>();
        for (Sale sale : sales) {
            long[] sum = sums.computeIfAbsent(key.apply(sale), k -> new long[4]);
            sum[0]++;
            sum[1] += sale.tickets;
            sum[2] += sale.total;
            sum[3] += sale.refunded ? sale.total : 0;
        }
        Map<String, List<Long>> expected = new HashMap<>();
        sums.forEach((k, s) -> expected.put(k, List.of(s[0], s[1], s[2], s[3], s[2] - s[3])));
        return expected;
    }

    private Sale sale(ApiClient seller, long showtime, List<String> seats, String payment) {
        JsonNode order = AdminApi.sell(seller, showtime, seats, null, payment);
        boolean cash = payment.equals("cash");
        Sale sale = new Sale(
                order,
                showtime,
                cash ? "CASH" : "CARD",
                cash ? "demo-counter-1" : "demo-kiosk-1",
                cash ? "Alice Romero" : "Self-service (no staff)",
                seats.size());
        sales.add(sale);
        return sale;
    }

    private JsonNode report(String groupBy) {
        Answer answer = manager.get(query(groupBy));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The days around today in the theater's zone: a sale just before midnight and its refund after it both count. */
    private String query(String groupBy) {
        LocalDate today = LocalDate.now(MADRID);
        return "/admin/reports/sales?theaterId=" + theater + "&groupBy=" + groupBy + "&from=" + today.minusDays(1)
                + "&to=" + today.plusDays(1);
    }

    private List<List<String>> csvRows(String groupBy) {
        Answer csv = manager.get(query(groupBy), "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        List<List<String>> rows = parseCsv(csv.body());
        assertThat(rows.getFirst())
                .containsExactly("key", "label", "orders", "tickets", "grossMinor", "refundsMinor", "netMinor");
        return rows.subList(1, rows.size());
    }

    private static List<List<String>> jsonRows(JsonNode report) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : report.path("rows")) {
            List<String> fields = new ArrayList<>(
                    List.of(row.path("key").asText(), row.path("label").asText()));
            figures(row).forEach(figure -> fields.add(Long.toString(figure)));
            rows.add(fields);
        }
        return rows;
    }

    /** RFC 4180 as a spreadsheet reads it: CRLF lines, quoted fields with doubled quotes inside. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field.isEmpty() && row.isEmpty())
                .as("the CSV ends with a line break")
                .isTrue();
        return rows;
    }

    private String failedPaymentOf(String orderId) {
        for (JsonNode row :
                manager.get("/admin/refunds/failed?theaterId=" + theater).json()) {
            if (row.path("orderId").asText().equals(orderId)) {
                return row.path("paymentId").asText();
            }
        }
        throw new AssertionError("no failed refund for " + orderId);
    }

    private static List<Long> figures(JsonNode row) {
        return List.of(
                row.path("orders").asLong(),
                row.path("tickets").asLong(),
                row.path("grossMinor").asLong(),
                row.path("refundsMinor").asLong(),
                row.path("netMinor").asLong());
    }
}
