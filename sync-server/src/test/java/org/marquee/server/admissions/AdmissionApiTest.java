package org.marquee.server.admissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Doors.buy;
import static org.marquee.server.testing.Doors.result;
import static org.marquee.server.testing.Doors.scan;
import static org.marquee.server.testing.Doors.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marquee.model.TicketToken;
import org.marquee.model.TicketType;
import org.marquee.server.demo.DemoFixture;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.Doors;
import org.marquee.server.testing.TestServer;

/** Door scans over HTTP against a real server and PostgreSQL (DESIGN §9). */
class AdmissionApiTest {

    private static TestServer server;
    private static ApiClient door1;
    private static ApiClient door2;
    private static long showtime;

    @BeforeAll
    static void start() {
        server = TestServer.start("admissions", TestServer.Options.defaults());
        // tickets one by one along row E: the single-seat rule is not what these tests are about
        server.singleSeatRule("OFF");
        door1 = Doors.scanner(server, "door-1");
        door2 = Doors.scanner(server, "door-2");
        showtime = server.bigHallShowtime();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPaidTicketCarriesAnMqt2TokenThatThePublishedKeyVerifies() throws Exception {
        JsonNode order = buy(server, 1, showtime, "E1");
        String token = token(order, 0);
        JsonNode keys = door1.get("/ticket-keys").json();

        assertThat(token).startsWith("MQT2." + keys.get(0).path("kid").asText() + ".");
        assertThat(keys.get(0).path("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(Doors.verifiesWithTheJdk(token, keys)).isTrue();
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[2]), StandardCharsets.US_ASCII);
        long ticketId = order.path("tickets").get(0).path("ticketId").asLong();
        assertThat(payload)
                .isEqualTo(ticketId + "|" + order.path("code").asText() + "|" + showtime + "|E1|ADULT|"
                        + startsAt(showtime).getEpochSecond());
        assertThat(server.kiosk(2).get("/ticket-keys").status()).isEqualTo(200);
        assertThat(server.client("no-such-token").get("/ticket-keys").status()).isEqualTo(401);
    }

    @Test
    void aTicketIsAdmittedOnceThenAlreadyAdmittedWithTheDoorAndTime() {
        JsonNode order = buy(server, 1, showtime, "E2");
        String token = token(order, 0);

        JsonNode first = result(door1.post("/admissions", scan(token, "s-a2-1", showtime)));
        JsonNode again = result(door2.post("/admissions", scan(token, "s-a2-2", showtime)));

        assertThat(first.path("result").asText()).isEqualTo("ADMITTED");
        assertThat(first.path("seatId").asText()).isEqualTo("E2");
        assertThat(first.path("ticketId").asLong())
                .isEqualTo(order.path("tickets").get(0).path("ticketId").asLong());
        assertThat(again.path("result").asText()).isEqualTo("ALREADY_ADMITTED");
        assertThat(again.path("admittedBy").asText()).isEqualTo("door-1");
        assertThat(again.path("admittedAt").asText())
                .isEqualTo(first.path("admittedAt").asText());
    }

    @Test
    void aScanSentAgainWithItsScanIdAnswersTheSameAndAdmitsNothingMore() {
        String token = token(buy(server, 1, showtime, "E3"), 0);
        String body = scan(token, "s-a3", showtime);

        JsonNode first = result(door1.post("/admissions", body));
        JsonNode resent = result(door1.post("/admissions", body));

        assertThat(first.path("result").asText()).isEqualTo("ADMITTED");
        assertThat(resent).isEqualTo(first);
        assertThat(admissionsOf(first.path("ticketId").asLong())).isEqualTo(1);
    }

    @Test
    void forgedAlteredAndUnreadableTokensAreInvalidAndAdmitNothing() throws Exception {
        JsonNode order = buy(server, 1, showtime, "E4");
        String genuine = token(order, 0);
        String[] parts = genuine.split("\\.");
        String otherSeat = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.US_ASCII)
                        .replace("|E4|", "|E5|")
                        .getBytes(StandardCharsets.US_ASCII));
        String altered = parts[0] + "." + parts[1] + "." + otherSeat + "." + parts[3];
        // a forger's own key, under the server's key id
        var forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(forger.getPrivate());
        String signedText = parts[0] + "." + parts[1] + "." + parts[2];
        signer.update(signedText.getBytes(StandardCharsets.US_ASCII));
        String forged =
                signedText + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());

        for (String token : List.of(altered, forged, "hello", "MQT2.x.y.z", "")) {
            JsonNode answer = result(door1.post("/admissions", scan(token, "s-bad-" + UUID.randomUUID(), showtime)));
            assertThat(answer.path("result").asText()).as(token).isEqualTo("INVALID");
            assertThat(answer.path("ticketId").isNull()).isTrue();
        }
        assertThat(admissionsOf(order.path("tickets").get(0).path("ticketId").asLong()))
                .isZero();
    }

    @Test
    void aTicketForAnotherShowtimeIsWrongShowtimeAndStaysUnused() {
        long other = server.showtimes(1, LocalDate.now(DemoFixture.ZONE).plusDays(1)).stream()
                .mapToLong(s -> s.path("id").asLong())
                .filter(id -> id != showtime)
                .findFirst()
                .orElseThrow();
        String token = token(buy(server, 1, showtime, "E6"), 0);

        JsonNode wrong = result(door1.post("/admissions", scan(token, "s-a6-1", other)));
        JsonNode right = result(door1.post("/admissions", scan(token, "s-a6-2", showtime)));

        assertThat(wrong.path("result").asText()).isEqualTo("WRONG_SHOWTIME");
        assertThat(wrong.path("showtimeId").asLong()).isEqualTo(showtime);
        assertThat(right.path("result").asText()).isEqualTo("ADMITTED");
    }

    @Test
    void aRefundedTicketIsRevokedAndListedOnceInTheRevokedFeed() {
        JsonNode before = door1.get("/admissions/revoked?since=0").json();
        JsonNode order = buy(server, 1, showtime, "E7", "E8");
        long ticketA7 = order.path("tickets").get(0).path("ticketId").asLong();
        assertThat(server.manager()
                        .post("/orders/" + order.path("orderId").asText() + "/refund", null)
                        .status())
                .isEqualTo(200);

        JsonNode verdict = result(door1.post("/admissions", scan(token(order, 0), "s-a7", showtime)));
        JsonNode since = door1.get(
                        "/admissions/revoked?since=" + before.path("cursor").asText())
                .json();

        assertThat(verdict.path("result").asText()).isEqualTo("REVOKED");
        assertThat(since.path("ticketIds").toString()).contains(Long.toString(ticketA7));
        assertThat(since.path("revoked").findValuesAsText("reason")).contains("REFUNDED");
        assertThat(since.path("revoked").findValuesAsText("seatId")).contains("E7", "E8");
        JsonNode after = door1.get(
                        "/admissions/revoked?since=" + since.path("cursor").asText())
                .json();
        assertThat(after.path("ticketIds").toString()).doesNotContain(Long.toString(ticketA7));
    }

    @Test
    void theTicketsOfACancelledShowtimeAreRevoked() {
        long other = server.showtimes(2, LocalDate.now(DemoFixture.ZONE).plusDays(2))
                .getFirst()
                .path("id")
                .asLong();
        JsonNode order = buy(server, 2, other, "E1");
        long ticketId = order.path("tickets").get(0).path("ticketId").asLong();
        String cursor =
                door1.get("/admissions/revoked?since=0").json().path("cursor").asText();
        // the admin API's cancel refunds each order too; the status alone must be enough to revoke
        server.jdbi()
                .useHandle(h -> h.createUpdate("update showtimes set status = 'CANCELLED' where id = :id")
                        .bind("id", other)
                        .execute());

        JsonNode feed = door1.get("/admissions/revoked?since=" + cursor).json();
        JsonNode verdict = result(door1.post("/admissions", scan(token(order, 0), "s-cancelled", null)));

        assertThat(feed.path("revoked").get(0).path("ticketId").asLong()).isEqualTo(ticketId);
        assertThat(feed.path("revoked").get(0).path("reason").asText()).isEqualTo("SHOWTIME_CANCELLED");
        assertThat(verdict.path("result").asText()).isEqualTo("REVOKED");
    }

    @Test
    void aBatchUploadedAfterTimeOfflineFindsTheTicketAnotherDoorAdmitted() {
        JsonNode order = buy(server, 1, showtime, "E9", "E10");
        result(door1.post("/admissions", scan(token(order, 0), "s-a9-door1", showtime)));

        JsonNode results = door2.post(
                        "/admissions",
                        "{\"scans\":[" + scan(token(order, 0), "s-a9-door2", showtime) + ","
                                + scan(token(order, 1), "s-a10-door2", showtime) + "]}")
                .json()
                .path("results");

        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("scanId").asText()).isEqualTo("s-a9-door2");
        assertThat(results.get(0).path("result").asText()).isEqualTo("ALREADY_ADMITTED");
        assertThat(results.get(0).path("admittedBy").asText()).isEqualTo("door-1");
        assertThat(results.get(0).path("seatId").asText()).isEqualTo("E9");
        assertThat(results.get(1).path("result").asText()).isEqualTo("ADMITTED");
    }

    @Test
    void anOldMqt1TicketStillAdmitsUntilItExpires() {
        JsonNode order = buy(server, 1, showtime, "B1");
        byte[] legacyKey = server.jdbi()
                .withHandle(h -> Base64.getDecoder()
                        .decode(h.createQuery("select value from server_settings where key = 'secret.ticket-signing'")
                                .mapTo(String.class)
                                .one()));
        String code = order.path("code").asText();
        String mqt1 = TicketToken.sign(
                new TicketToken.Claims(code, showtime, "B1", TicketType.ADULT, startsAt(showtime)), legacyKey);
        String otherKey = TicketToken.sign(
                new TicketToken.Claims(code, showtime, "B1", TicketType.ADULT, startsAt(showtime)), new byte[32]);

        assertThat(result(door1.post("/admissions", scan(otherKey, "s-b1-forged", showtime)))
                        .path("result")
                        .asText())
                .isEqualTo("INVALID");
        assertThat(result(door1.post("/admissions", scan(mqt1, "s-b1", showtime)))
                        .path("result")
                        .asText())
                .isEqualTo("ADMITTED");
        // the showtime moved back in time by a day: its tickets have expired
        server.jdbi()
                .useHandle(h -> h.createUpdate(
                                "update showtimes set starts_at = starts_at - interval '3 days' where id = :id")
                        .bind("id", showtime)
                        .execute());
        try {
            JsonNode expired = result(door2.post("/admissions", scan(mqt1, "s-b1-late", null)));
            assertThat(expired.path("result").asText())
                    .as("the token still names the old start; the ticket is refused either way")
                    .isEqualTo("INVALID");
        } finally {
            server.jdbi()
                    .useHandle(h -> h.createUpdate(
                                    "update showtimes set starts_at = starts_at + interval '3 days' where id = :id")
                            .bind("id", showtime)
                            .execute());
        }
    }

    private static Instant startsAt(long showtimeId) {
        return server.jdbi()
                .withHandle(h -> h.createQuery("select starts_at from showtimes where id = :id")
                        .bind("id", showtimeId)
                        .mapTo(java.time.OffsetDateTime.class)
                        .one())
                .toInstant()
                .truncatedTo(ChronoUnit.SECONDS);
    }

    private static int admissionsOf(long ticketId) {
        Integer count = server.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from admissions where ticket_id = :id")
                        .bind("id", ticketId)
                        .mapTo(Integer.class)
                        .one());
        return count;
    }
}
