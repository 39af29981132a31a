package org.marquee.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Bodies.holdBody;
import static org.marquee.server.testing.Bodies.seatsBody;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Operation;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.marquee.server.demo.DemoFixture;
import org.marquee.server.payments.WebhookSignature;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/**
 * The OpenAPI document in shared-model against the real server: a whole sale and its failures driven over HTTP, every
 * answer validated against the document; every registered route documented, every documented path registered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiContractTest {

    private TestServer server;
    private ContractValidator contract;
    private long showtime;
    private Iterator<String> freeSeats;
    private ApiClient kiosk;
    private ApiClient counter;

    @BeforeAll
    void start() {
        // seats are held one by one in row order in theater 1; the seat rules (DESIGN §8) are exercised on their own
        server = TestServer.start("contract", TestServer.Options.defaults()).singleSeatRule(1, "OFF");
        contract = new ContractValidator(server.server().routes());
        showtime = server.bigHallShowtime();
        kiosk = server.kiosk(1);
        counter = server.counter();
        List<String> seats = new ArrayList<>();
        kiosk.get("/showtimes/" + showtime + "/seats").json().path("seats").forEach(seat -> {
            if (seat.path("status").asText().equals("AVAILABLE")
                    && List.of("STANDARD", "PREMIUM").contains(seat.path("type").asText())) {
                seats.add(seat.path("id").asText());
            }
        });
        freeSeats = seats.iterator();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void operationsEndpointsNeedNoToken() {
        ApiClient nobody = server.client(null);
        assertThat(contract.call(nobody, "GET", "/health", null).status()).isEqualTo(200);
        assertThat(contract.call(nobody, "GET", "/metrics", null).body()).contains("marquee_http_requests");
        Answer document = contract.call(nobody, "GET", "/openapi.yaml", null);
        assertThat(document.header("Content-Type")).startsWith("application/yaml");
        assertThat(document.body()).isEqualTo(contract.text());
    }

    @Test
    void browsing() {
        String tomorrow = LocalDate.now(DemoFixture.ZONE).plusDays(1).toString();
        JsonNode me = contract.call(kiosk, "GET", "/terminals/me", null).json();
        assertThat(me.path("theaterId").asLong()).isEqualTo(1);
        assertThat(me.path("cardTerminal").asText())
                .as("demo data comes with the simulated card terminal")
                .isEqualTo("SIMULATED");
        contract.call(kiosk, "GET", "/theaters", null);
        contract.call(kiosk, "GET", "/theaters?near=40.4168,-3.7038&radiusKm=10", null);
        contract.call(kiosk, "GET", "/theaters/1/showtimes?date=" + tomorrow, null);
        contract.call(kiosk, "GET", "/theaters/1/showtimes", null);
        assertThat(contract.call(kiosk, "GET", "/theaters/999999/showtimes", null)
                        .status())
                .isEqualTo(404);
        assertThat(contract.wrong(kiosk, "GET", "/theaters/abc/showtimes", null).status())
                .isEqualTo(400);
        assertThat(contract.call(kiosk, "GET", "/theaters?near=40.4,-3.7&radiusKm=0", null)
                        .status())
                .isEqualTo(422);

        JsonNode full =
                contract.call(kiosk, "GET", "/catalog/changes?since=0", null).json();
        contract.call(
                kiosk, "GET", "/catalog/changes?since=" + full.path("cursor").asText(), null);
        assertThat(contract.call(kiosk, "GET", "/catalog/changes?since=yesterday", null)
                        .status())
                .isEqualTo(400);

        Answer map = contract.call(kiosk, "GET", "/showtimes/" + showtime + "/seats", null);
        Answer same = contract.call(
                kiosk, "GET", "/showtimes/" + showtime + "/seats", null, "If-None-Match", map.header("ETag"));
        assertThat(same.status()).isEqualTo(304);
        assertThat(contract.call(kiosk, "GET", "/showtimes/999999/seats", null).status())
                .isEqualTo(404);
        JsonNode prices = contract.call(kiosk, "GET", "/showtimes/" + showtime + "/prices", null)
                .json();
        assertThat(prices.path("ticketPrices").path("ADULT").asLong()).isPositive();
        assertThat(prices.path("currency").asText()).isEqualTo("EUR");
        assertThat(contract.call(kiosk, "GET", "/showtimes/999999/prices", null).status())
                .isEqualTo(404);
        // the event stream itself is exempt: the validator reads whole bodies and a stream never ends (and its 200
        // without Accept: text/event-stream is empty). LiveSeatEventsTest reads the stream; here its 404 before it
        assertThat(contract.wrong(kiosk, "GET", "/showtimes/999999/events", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void staffSignInAndOut() {
        Answer signedIn = contract.call(counter, "POST", "/sessions", signIn("alice", "1234"));
        assertThat(signedIn.status()).isEqualTo(201);
        ApiClient clerk = server.client(signedIn.json().path("token").asText());

        assertThat(contract.call(counter, "POST", "/sessions", signIn("alice", "0000"))
                        .status())
                .isEqualTo(401);
        assertThat(contract.call(kiosk, "POST", "/sessions", signIn("alice", "1234"))
                        .status())
                .isEqualTo(403);
        assertThat(contract.wrong(counter, "POST", "/sessions", "{\"username\":\"alice\"}")
                        .status())
                .isEqualTo(422);
        assertThat(contract.wrong(counter, "POST", "/sessions", "{\"username\":")
                        .status())
                .isEqualTo(400);
        assertThat(contract.call(counter, "DELETE", "/sessions/current", null).status())
                .isEqualTo(404);
        assertThat(contract.call(clerk, "DELETE", "/sessions/current", null).status())
                .isEqualTo(204);
        assertThat(contract.call(clerk, "GET", "/theaters", null).status()).isEqualTo(401);
    }

    @Test
    void holdLifecycle() {
        ApiClient other = server.kiosk(2);
        String first = freeSeats.next();
        Answer created = contract.call(kiosk, "POST", "/holds", holdBody(showtime, List.of(first)));
        assertThat(created.status()).isEqualTo(201);
        String hold = "/holds/" + created.json().path("holdId").asText();

        contract.call(kiosk, "GET", hold, null);
        assertThat(contract.call(other, "GET", hold, null).status()).isEqualTo(403);
        assertThat(contract.call(other, "POST", "/holds", holdBody(showtime, List.of(first)))
                        .seatIds())
                .containsExactly(first);
        contract.call(kiosk, "PUT", hold + "/seats", seatsBody(List.of(first, freeSeats.next())));
        contract.call(kiosk, "POST", hold + "/extend", null);
        assertThat(contract.call(kiosk, "DELETE", hold, null).status()).isEqualTo(204);
        assertThat(contract.call(kiosk, "POST", hold + "/extend", null).status())
                .isEqualTo(409);

        assertThat(contract.call(kiosk, "GET", "/holds/" + UUID.randomUUID(), null)
                        .status())
                .isEqualTo(404);
        assertThat(contract.wrong(kiosk, "GET", "/holds/not-a-uuid", null).status())
                .isEqualTo(400);
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(freeSeats.next());
        }
        assertThat(contract.call(kiosk, "POST", "/holds", holdBody(showtime, eleven))
                        .status())
                .as("a kiosk holds at most 10")
                .isEqualTo(422);
        assertThat(contract.call(kiosk, "POST", "/holds", holdBody(999999, List.of("A1")))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void seatRules() {
        ApiClient manager = server.manager();
        long other = server.showtimes(2, LocalDate.now(DemoFixture.ZONE).plusDays(2))
                .getFirst()
                .path("id")
                .asLong();
        String houseSeats = "/admin/showtimes/" + other + "/house-seats";
        Answer set = contract.call(manager, "PUT", houseSeats, "{\"seatIds\":[\"D5\"],\"releaseMinutes\":30}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(contract.call(manager, "GET", houseSeats, null).seatIds()).containsExactly("D5");
        assertThat(contract.call(manager, "PUT", houseSeats, "{\"seatIds\":[\"Z99\"]}")
                        .status())
                .isEqualTo(422);
        assertThat(contract.call(kiosk, "GET", houseSeats, null).status()).isEqualTo(403);
        JsonNode d5 = null;
        for (JsonNode seat : contract.call(kiosk, "GET", "/showtimes/" + other + "/seats", null)
                .json()
                .path("seats")) {
            if (seat.path("id").asText().equals("D5")) {
                d5 = seat;
            }
        }
        assertThat(d5).isNotNull();
        assertThat(d5.path("restriction").asText()).isEqualTo("HOUSE");

        ApiClient third = server.kiosk(3);
        assertThat(contract.call(third, "POST", "/holds", holdBody(other, List.of("D5")))
                        .errorCode())
                .isEqualTo("HOUSE_SEATS");
        assertThat(contract.call(third, "POST", "/holds", holdBody(other, List.of("A1")))
                        .errorCode())
                .isEqualTo("ACCESSIBLE_SEATS_RESERVED");
        assertThat(contract.call(third, "POST", "/holds", holdBody(other, List.of("B2")))
                        .errorCode())
                .isEqualTo("SINGLE_SEAT_GAP");
        Answer best = contract.call(third, "POST", "/holds", "{\"showtimeId\":" + other + ",\"count\":3}");
        assertThat(best.status()).isEqualTo(201);
        assertThat(best.seatIds()).hasSize(3);
        assertThat(contract.wrong(third, "POST", "/holds", "{\"showtimeId\":" + other + ",\"count\":0}")
                        .status())
                .isEqualTo(422);
        String accessible = "{\"showtimeId\":" + other + ",\"count\":2,\"accessible\":true}";
        assertThat(contract.call(third, "POST", "/holds", accessible).status()).isEqualTo(201);
    }

    @Test
    void aRetriedRequestGetsTheFirstAnswer() {
        String body = holdBody(showtime, List.of(freeSeats.next()));
        String key = UUID.randomUUID().toString();
        Answer first = contract.call(kiosk, "POST", "/holds", body, "Idempotency-Key", key);
        Answer again = contract.call(kiosk, "POST", "/holds", body, "Idempotency-Key", key);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().path("holdId")).isEqualTo(first.json().path("holdId"));
        assertThat(contract.call(kiosk, "POST", "/holds", holdBody(showtime, List.of("A1")), "Idempotency-Key", key)
                        .status())
                .as("the same key for another request")
                .isEqualTo(422);
    }

    @Test
    void aKioskSellsByCardAndSendsTheTickets() {
        String seat = freeSeats.next();
        String order = order(kiosk, seat, "ana@example.com");
        JsonNode view = contract.call(kiosk, "GET", order, null).json();
        Answer paid = contract.call(kiosk, "POST", order + "/payments", card(view, "tok_visa"));
        assertThat(paid.json().path("status").asText()).isEqualTo("PAID");

        Answer pdf = contract.call(kiosk, "GET", order + "/tickets.pdf", null);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        String code = view.path("code").asText();
        assertThat(contract.call(server.kiosk(3), "GET", "/orders/" + code + "?email=ana@example.com", null)
                        .status())
                .isEqualTo(200);
        assertThat(contract.call(server.kiosk(3), "GET", "/orders/" + code, null)
                        .status())
                .isEqualTo(404);
        assertThat(contract.call(kiosk, "POST", order + "/email", "{\"email\":\"ana@example.com\"}")
                        .status())
                .isEqualTo(202);
        assertThat(contract.call(kiosk, "POST", order + "/cancel", null).status())
                .as("paid: refund, not cancel")
                .isEqualTo(409);
    }

    @Test
    void aClerkSellsForCashAndOnlyAManagerRefunds() {
        ApiClient clerk = server.client(token("alice", "1234"));
        String order = order(clerk, freeSeats.next(), null);
        JsonNode view = contract.call(clerk, "GET", order, null).json();
        long total = view.path("totalMinor").asLong();
        Answer paid = contract.call(
                clerk,
                "POST",
                order + "/payments",
                "{\"method\":\"CASH\",\"amountMinor\":" + total + ",\"tenderedMinor\":" + (total + 50) + "}");
        assertThat(paid.json().path("changeMinor").asLong()).isEqualTo(50);

        assertThat(contract.call(clerk, "POST", order + "/refund", null).status())
                .isEqualTo(403);
        ApiClient manager = server.client(token("morgan", "9999"));
        assertThat(contract.call(manager, "POST", order + "/refund", null)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("REFUNDED");
        assertThat(contract.call(manager, "GET", "/orders/" + view.path("code").asText(), null)
                        .status())
                .isEqualTo(200);
        assertThat(contract.call(manager, "GET", "/admin/audit?limit=5", null).status())
                .isEqualTo(200);
        assertThat(contract.call(manager, "GET", "/admin/reports/sales?groupBy=paymentMethod", null)
                        .json()
                        .path("totals")
                        .path("orders")
                        .asLong())
                .isPositive();
        assertThat(contract.call(manager, "GET", "/admin/reports/occupancy?theaterId=1", null)
                        .status())
                .isEqualTo(200);
        assertThat(contract.call(manager, "GET", "/shifts/current", null)
                        .json()
                        .path("cashRefundsMinor")
                        .asLong())
                .as("the refund of a cash sale opened the manager's drawer")
                .isEqualTo(total);
        assertThat(contract.call(manager, "GET", "/admin/reports/cash?theaterId=1", null)
                        .status())
                .isEqualTo(200);
        assertThat(contract.call(clerk, "GET", "/shifts/current", null)
                        .json()
                        .path("cashSalesMinor")
                        .asLong())
                .isEqualTo(total);
        assertThat(contract.call(clerk, "POST", "/shifts/current/close", "{\"countedCashMinor\":" + total + "}")
                        .json()
                        .path("varianceMinor")
                        .asLong())
                .isZero();
        assertThat(contract.call(clerk, "POST", "/shifts", "{\"floatMinor\":5000}")
                        .status())
                .isEqualTo(201);
        ApiClient stuckKiosk = server.kiosk(3);
        String stuck = contract.call(stuckKiosk, "POST", "/holds", holdBody(showtime, List.of(freeSeats.next())))
                .json()
                .path("holdId")
                .asText();
        assertThat(contract.call(manager, "GET", "/admin/holds", null).body()).contains(stuck);
        assertThat(contract.call(manager, "DELETE", "/admin/holds/" + stuck + "?reason=stuck", null)
                        .status())
                .isEqualTo(204);
        assertThat(contract.call(stuckKiosk, "GET", "/holds/" + stuck, null)
                        .json()
                        .path("releasedBy")
                        .asText())
                .isEqualTo("MANAGER");
    }

    @Test
    void aRefusedCardRefundIsListedAndPaidOutInCash() {
        String order = order(kiosk, freeSeats.next(), "refund@example.com");
        JsonNode view = contract.call(kiosk, "GET", order, null).json();
        assertThat(contract.call(kiosk, "POST", order + "/payments", card(view, "tok_refund_fails"))
                        .status())
                .isEqualTo(200);
        ApiClient manager = server.client(token("morgan", "9999"));
        JsonNode refunded =
                contract.call(manager, "POST", order + "/refund", null).json();
        assertThat(refunded.path("status").asText()).isEqualTo("REFUNDED");
        assertThat(refunded.path("payments").get(0).path("status").asText()).isEqualTo("REFUND_FAILED");

        JsonNode failed = null;
        for (JsonNode row : contract.call(manager, "GET", "/admin/refunds/failed?theaterId=1", null)
                .json()) {
            if (row.path("orderId").asText().equals(view.path("orderId").asText())) {
                failed = row;
            }
        }
        assertThat(failed).as("listed").isNotNull();
        assertThat(failed.path("customerEmail").asText()).isEqualTo("refund@example.com");
        String payout = "/admin/refunds/" + failed.path("paymentId").asText() + "/paid-in-cash";
        assertThat(contract.call(manager, "POST", payout, null)
                        .json()
                        .path("payments")
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("REFUNDED");
        assertThat(contract.call(manager, "POST", payout, null).status()).isEqualTo(409);
        assertThat(contract.call(
                                manager,
                                "POST",
                                "/admin/refunds/" + java.util.UUID.randomUUID() + "/paid-in-cash",
                                null)
                        .status())
                .isEqualTo(404);
        assertThat(contract.wrong(manager, "POST", "/admin/refunds/not-a-payment/paid-in-cash", null)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void managersSetUpTerminalsAndStaff() {
        ApiClient manager = server.client(token("morgan", "9999"));
        Answer created = contract.call(
                manager,
                "POST",
                "/admin/terminals",
                "{\"name\":\"Contract kiosk\",\"kind\":\"KIOSK\",\"theaterId\":1}");
        assertThat(created.status()).isEqualTo(201);
        long terminal = created.json().path("id").asLong();
        assertThat(contract.call(manager, "GET", "/admin/terminals", null).status())
                .isEqualTo(200);
        assertThat(contract.call(manager, "POST", "/admin/terminals/" + terminal + "/rotate-token", null)
                        .json()
                        .path("token")
                        .asText())
                .isNotBlank();
        assertThat(contract.call(manager, "POST", "/admin/terminals/" + terminal + "/revoke", null)
                        .status())
                .isEqualTo(200);
        assertThat(contract.call(manager, "POST", "/admin/terminals/" + terminal + "/rotate-token", null)
                        .status())
                .isEqualTo(409);
        assertThat(contract.call(manager, "POST", "/admin/terminals/999999/revoke", null)
                        .status())
                .isEqualTo(404);
        assertThat(contract.call(
                                manager,
                                "POST",
                                "/admin/terminals",
                                "{\"name\":\"Nowhere\",\"kind\":\"KIOSK\",\"theaterId\":999999}")
                        .status())
                .isEqualTo(422);

        Answer clerk = contract.call(
                manager,
                "POST",
                "/admin/staff",
                "{\"username\":\"contract-clerk\",\"displayName\":\"Contract Clerk\",\"role\":\"CLERK\","
                        + "\"pin\":\"4444\"}");
        assertThat(clerk.status()).isEqualTo(201);
        assertThat(contract.call(manager, "GET", "/admin/staff", null).status()).isEqualTo(200);
        assertThat(contract.call(
                                manager,
                                "PUT",
                                "/admin/staff/" + clerk.json().path("id").asLong(),
                                "{\"displayName\":\"C. Clerk\",\"active\":false}")
                        .json()
                        .path("active")
                        .asBoolean())
                .isFalse();
        assertThat(contract.call(manager, "PUT", "/admin/staff/999999", "{\"displayName\":\"X\"}")
                        .status())
                .isEqualTo(404);
        assertThat(contract.call(
                                manager,
                                "POST",
                                "/admin/staff",
                                "{\"username\":\"contract-clerk\",\"displayName\":\"Again\",\"role\":\"CLERK\","
                                        + "\"pin\":\"4444\"}")
                        .status())
                .isEqualTo(409);
        assertThat(contract.wrong(
                                manager,
                                "POST",
                                "/admin/staff",
                                "{\"username\":\"short-pin\",\"displayName\":\"P\",\"role\":\"CLERK\","
                                        + "\"pin\":\"12\"}")
                        .status())
                .isEqualTo(422);
        long morgan = 0;
        for (JsonNode member :
                contract.call(manager, "GET", "/admin/staff", null).json()) {
            if (member.path("username").asText().equals("morgan")) {
                morgan = member.path("id").asLong();
            }
        }
        Answer last = contract.call(manager, "PUT", "/admin/staff/" + morgan, "{\"role\":\"CLERK\"}");
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.errorCode()).isEqualTo("LAST_MANAGER");
    }

    @Test
    void paymentsThatDoNotGoThrough() {
        ApiClient other = server.kiosk(4);
        String declined = order(other, freeSeats.next(), null);
        JsonNode view = contract.call(other, "GET", declined, null).json();
        assertThat(contract.call(other, "POST", declined + "/payments", card(view, "tok_declined"))
                        .status())
                .isEqualTo(402);
        assertThat(contract.call(other, "GET", declined + "/tickets.pdf", null).status())
                .as("no tickets before payment")
                .isEqualTo(409);
        assertThat(contract.call(other, "POST", declined + "/payments", card(view, "tok_timeout"))
                        .status())
                .isEqualTo(504);
        assertThat(contract.call(
                                other,
                                "POST",
                                declined + "/payments",
                                "{\"method\":\"CASH\",\"amountMinor\":" + view.path("totalMinor") + "}")
                        .status())
                .as("kiosks take cards only")
                .isEqualTo(403);
        assertThat(contract.call(other, "POST", declined + "/payments", card(view.deepCopy(), "tok_visa", 1))
                        .status())
                .as("not the total")
                .isEqualTo(422);

        Answer pending = contract.call(other, "POST", declined + "/payments", card(view, "tok_pending"));
        assertThat(pending.status()).isEqualTo(202);
        String providerRef =
                contract.call(other, "GET", declined, null).json().path("payments").findValues("providerRef").stream()
                        .filter(JsonNode::isTextual)
                        .reduce((a, b) -> b)
                        .orElseThrow()
                        .asText();
        String event = "{\"providerRef\":\"" + providerRef + "\",\"status\":\"SUCCEEDED\"}";
        ApiClient provider = server.client(null);
        assertThat(contract.call(provider, "POST", "/payments/webhook", event, "X-Marquee-Signature", "sha256=00")
                        .status())
                .isEqualTo(401);
        Answer settled =
                contract.call(provider, "POST", "/payments/webhook", event, "X-Marquee-Signature", sign(event));
        assertThat(settled.json().path("result").asText()).isEqualTo("PAID");

        String cancelled = order(other, freeSeats.next(), null);
        assertThat(contract.call(other, "POST", cancelled + "/cancel", null)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("CANCELLED");
        JsonNode after = contract.call(other, "GET", cancelled, null).json();
        assertThat(contract.call(other, "POST", cancelled + "/payments", card(after, "tok_visa"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void ticketsAtTheDoor() {
        ApiClient door = org.marquee.server.testing.Doors.scanner(server, "door-contract");
        ApiClient manager = server.client(token("morgan", "9999"));
        String paid = order(kiosk, freeSeats.next(), null);
        JsonNode view = contract.call(kiosk, "GET", paid, null).json();
        contract.call(kiosk, "POST", paid + "/payments", card(view, "tok_visa"));
        String token = contract.call(kiosk, "GET", paid, null)
                .json()
                .path("tickets")
                .get(0)
                .path("token")
                .asText();

        assertThat(contract.call(door, "GET", "/ticket-keys", null).status()).isEqualTo(200);
        assertThat(contract.call(manager, "POST", "/admin/ticket-keys/rotate", null)
                        .status())
                .isEqualTo(201);
        String scan = org.marquee.server.testing.Doors.scan(token, "contract-1", showtime);
        assertThat(contract.call(door, "POST", "/admissions", scan)
                        .json()
                        .path("results")
                        .get(0)
                        .path("result")
                        .asText())
                .isEqualTo("ADMITTED");
        assertThat(contract.call(door, "POST", "/admissions", "{\"scans\":[" + scan + "]}")
                        .status())
                .isEqualTo(200);
        assertThat(contract.wrong(door, "POST", "/admissions", "{\"ticketToken\":\"x\"}")
                        .status())
                .isEqualTo(422);
        assertThat(contract.call(door, "GET", "/admissions/revoked?since=0", null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusedCallers() {
        assertThat(contract.wrong(server.client(null), "GET", "/theaters", null).status())
                .isEqualTo(401);
        assertThat(contract.call(server.client("no-such-token"), "GET", "/theaters", null)
                        .status())
                .isEqualTo(401);
        String hold = contract.call(counter, "POST", "/holds", holdBody(showtime, List.of(freeSeats.next())))
                .json()
                .path("holdId")
                .asText();
        assertThat(contract.call(
                                counter,
                                "POST",
                                "/orders",
                                "{\"holdId\":\"" + hold + "\",\"tickets\":[{\"seatId\":\"A1\",\"type\":\"ADULT\"}]}")
                        .status())
                .as("a counter terminal sells only with a clerk signed in")
                .isEqualTo(403);
        assertThat(contract.wrong(kiosk, "GET", "/orders/not-a-code", null).status())
                .isEqualTo(400);
        assertThat(contract.call(kiosk, "GET", "/orders/" + UUID.randomUUID(), null)
                        .status())
                .isEqualTo(404);
        String big = "{\"seatIds\":[\"" + "A".repeat(70_000) + "\"]}";
        assertThat(contract.wrong(kiosk, "POST", "/holds", big).status()).isEqualTo(413);
    }

    @Test
    void theDocumentListsEveryRouteAndOnlyThoseWithTheirAccess() {
        Map<String, Boolean> documented = new TreeMap<>();
        var api = ContractValidator.parsed(contract.text());
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) ->
                                documented.put(method.name() + " " + ApiRoutes.BASE + path, isPublic(api, operation))));
        Map<String, Boolean> registered = new TreeMap<>();
        for (ApiServer.Route route : server.server().routes()) {
            registered.put(route.method() + " " + route.path(), route.access().equals(Set.of("PUBLIC")));
        }
        assertThat(documented)
                .as("openapi.yaml: each operation, and whether it needs no token (security: [])")
                .isEqualTo(registered);
    }

    @Test
    void aManagerSetsUpTheCatalogAndTheSchedule() {
        AdminContractCalls.run(contract, server.client(token("morgan", "9999")));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyRouteWasExercised() {
        Set<String> all = new TreeSet<>();
        server.server().routes().forEach(route -> all.add(route.method() + " " + route.path()));
        assertThat(contract.exercised()).containsExactlyInAnyOrderElementsOf(all);
    }

    private static boolean isPublic(io.swagger.v3.oas.models.OpenAPI api, Operation operation) {
        var security = operation.getSecurity() != null ? operation.getSecurity() : api.getSecurity();
        return security == null || security.isEmpty();
    }

    private String order(ApiClient client, String seat, String email) {
        Answer hold = contract.call(client, "POST", "/holds", holdBody(showtime, List.of(seat)));
        String body = "{\"holdId\":\"" + hold.json().path("holdId").asText() + "\",\"tickets\":[{\"seatId\":\"" + seat
                + "\",\"type\":\"ADULT\"}]" + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}";
        Answer order = contract.call(client, "POST", "/orders", body);
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        return "/orders/" + order.json().path("orderId").asText();
    }

    private static String card(JsonNode order, String token) {
        return card(order, token, order.path("totalMinor").asLong());
    }

    private static String card(JsonNode order, String token, long amount) {
        return "{\"method\":\"CARD\",\"amountMinor\":" + amount + ",\"cardToken\":\"" + token + "\"}";
    }

    private static String signIn(String user, String pin) {
        return "{\"username\":\"" + user + "\",\"pin\":\"" + pin + "\"}";
    }

    private String token(String user, String pin) {
        return contract.call(counter, "POST", "/sessions", signIn(user, pin))
                .json()
                .path("token")
                .asText();
    }

    private String sign(String body) {
        String secret = server.jdbi()
                .withHandle(h -> h.createQuery("select value from server_settings where key = 'secret.payment-webhook'")
                        .mapTo(String.class)
                        .one());
        return new WebhookSignature(Base64.getDecoder().decode(secret)).sign(body.getBytes(StandardCharsets.UTF_8));
    }
}
