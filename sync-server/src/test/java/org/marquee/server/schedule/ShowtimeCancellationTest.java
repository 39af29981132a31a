package org.marquee.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marquee.server.testing.AdminApi;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.Bodies;
import org.marquee.server.testing.TestServer;
import org.marquee.server.tickets.MailSettings;

/**
 * Cancelling a showtime (DESIGN §7.1): holds end, new holds are refused, every paid order is refunded through its
 * payment method (a refund that fails is listed), buyers are mailed, terminals see it; refunds and order cancellations
 * are in the audit log (§7.5).
 */
class ShowtimeCancellationTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private TestServer server;
    private ApiClient manager;
    private AdminApi admin;

    @BeforeEach
    void start() {
        var mail = new MailSettings(
                "127.0.0.1", smtp.getSmtp().getPort(), null, null, "Marquee <tickets@marquee.test>", false);
        server = TestServer.start("cancellation", TestServer.Options.defaults().mailVia(mail));
        manager = server.manager();
        admin = new AdminApi(manager);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void cancellingRefundsCardAndCashListsTheRefundThatFailedAndStopsSales() throws Exception {
        long auditorium = admin.auditorium(admin.theater(10), List.of("A:SSSSSS"));
        long showtime =
                admin.showtime(admin.movie(90), auditorium, Instant.now().plus(2, ChronoUnit.DAYS));
        ApiClient kiosk = server.kiosk(1);
        ApiClient clerk = server.clerk();
        String card = AdminApi.sell(kiosk, showtime, List.of("A1"), "card@example.com", "tok_visa")
                .path("orderId")
                .asText();
        JsonNode cashOrder = AdminApi.sell(clerk, showtime, List.of("A2", "A3"), "cash@example.com", "cash");
        String cash = cashOrder.path("orderId").asText();
        String failing = AdminApi.sell(clerk, showtime, List.of("A4"), "unlucky@example.com", "tok_refund_fails")
                .path("orderId")
                .asText();
        String holdId = server.kiosk(2)
                .post("/holds", Bodies.holdBody(showtime, List.of("A5")))
                .json()
                .path("holdId")
                .asText();
        String cursor =
                kiosk.get("/catalog/changes?since=0").json().path("cursor").asText();

        Answer cancelled =
                manager.post("/admin/showtimes/" + showtime + "/cancel", "{\"reason\":\"Projector broken\"}");

        assertThat(cancelled.status()).isEqualTo(200);
        JsonNode answer = cancelled.json();
        assertThat(answer.path("showtimeId").asLong()).isEqualTo(showtime);
        assertThat(answer.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(answer.path("refundedOrders").asInt()).isEqualTo(2);
        assertThat(answer.path("failedRefunds")).hasSize(1);
        assertThat(answer.path("failedRefunds").get(0).asText()).isEqualTo(failing);
        assertThat(answer.path("releasedHolds").asInt()).isEqualTo(1);

        assertThat(clerk.get("/orders/" + card).json().path("status").asText()).isEqualTo("REFUNDED");
        assertThat(clerk.get("/orders/" + card)
                        .json()
                        .path("payments")
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("REFUNDED");
        assertThat(clerk.get("/orders/" + cash).json().path("status").asText()).isEqualTo("REFUNDED");
        assertThat(manager.get("/shifts/current")
                        .json()
                        .path("cashRefundsMinor")
                        .asLong())
                .as("the cash given back is counted out of the cancelling manager's drawer")
                .isEqualTo(cashOrder.path("totalMinor").asLong());
        JsonNode refused = clerk.get("/orders/" + failing).json();
        assertThat(refused.path("status").asText())
                .as("the order is refunded: its tickets are no good for a cancelled showtime")
                .isEqualTo("REFUNDED");
        assertThat(refused.path("payments").get(0).path("status").asText())
                .as("but the card provider refused: the money is still owed, and listed")
                .isEqualTo("REFUND_FAILED");
        assertThat(manager.get("/admin/refunds/failed").json().findValuesAsText("orderId"))
                .contains(failing);
        assertThat(server.kiosk(2).get("/holds/" + holdId).json().path("status").asText())
                .isEqualTo("RELEASED");

        Answer hold = server.kiosk(3).post("/holds", Bodies.holdBody(showtime, List.of("A6")));
        assertThat(hold.status()).isEqualTo(409);
        assertThat(hold.errorCode()).isEqualTo("SHOWTIME_NOT_ON_SALE");
        JsonNode changes = kiosk.get("/catalog/changes?since=" + cursor).json();
        assertThat(changes.path("showtimes").toString())
                .contains("\"id\":" + showtime)
                .contains("CANCELLED");
        JsonNode seats = kiosk.get("/showtimes/" + showtime + "/seats").json().path("seats");
        for (JsonNode seat : seats) {
            assertThat(seat.path("status").asText())
                    .as(seat.path("id").asText())
                    .isEqualTo("BLOCKED");
        }

        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> cancellationMails().size() == 3);
        for (MimeMessage mail : cancellationMails()) {
            String to = mail.getRecipients(Message.RecipientType.TO)[0].toString();
            String body = GreenMailUtil.getBody(mail);
            assertThat(body).contains("Projector broken");
            assertThat(body).contains(to.equals("unlucky@example.com") ? "could not refund" : "has been refunded");
        }

        JsonNode audit =
                manager.get("/admin/audit?action=SHOWTIME_CANCELLED").json().get(0);
        assertThat(audit.path("entityId").asText()).isEqualTo(Long.toString(showtime));
        assertThat(audit.path("details").path("reason").asText()).isEqualTo("Projector broken");
        assertThat(manager.get("/admin/audit?action=ORDER_REFUNDED").json().findValuesAsText("entityId"))
                .contains(card, cash, failing);
        assertThat(manager.get("/admin/audit?action=SHOWTIME_REFUNDS")
                        .json()
                        .get(0)
                        .path("details")
                        .path("failedRefunds")
                        .get(0)
                        .asText())
                .isEqualTo(failing);

        Answer again = manager.post("/admin/showtimes/" + showtime + "/cancel", "{\"reason\":\"Projector broken\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("refundedOrders").asInt()).isZero();
        assertThat(again.json().path("failedRefunds").get(0).asText())
                .as("tried again, listed again")
                .isEqualTo(failing);
        assertThat(manager.get("/admin/audit?action=SHOWTIME_CANCELLED").json()).hasSize(1);
    }

    /** The mails about a cancellation (the confirmations of the sales come through the same server). */
    private static List<MimeMessage> cancellationMails() throws Exception {
        List<MimeMessage> mails = new java.util.ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (mail.getSubject().startsWith("Cancelled: ")) {
                mails.add(mail);
            }
        }
        return mails;
    }

    @Test
    void aCancellationWithoutAReasonOrForAnUnknownShowtimeChangesNothing() {
        long auditorium = admin.auditorium(admin.theater(10), List.of("A:SSSS"));
        long showtime =
                admin.showtime(admin.movie(90), auditorium, Instant.now().plus(2, ChronoUnit.DAYS));

        Answer noReason = manager.post("/admin/showtimes/" + showtime + "/cancel", "{\"reason\":\"  \"}");
        Answer unknown = manager.post("/admin/showtimes/999999/cancel", "{\"reason\":\"x\"}");
        Answer clerk = server.clerk().post("/admin/showtimes/" + showtime + "/cancel", "{\"reason\":\"x\"}");

        assertThat(noReason.status()).isEqualTo(422);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(server.kiosk(1)
                        .post("/holds", Bodies.holdBody(showtime, List.of("A1")))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aManagerRefundAndAClerkCancelAreAudited() {
        long showtime = server.bigHallShowtime();
        ApiClient clerk = server.clerk();
        String paid = AdminApi.sell(clerk, showtime, List.of("C3"), null, "cash")
                .path("orderId")
                .asText();
        String holdId = clerk.post("/holds", Bodies.holdBody(showtime, List.of("C4")))
                .json()
                .path("holdId")
                .asText();
        String unpaid = clerk.post(
                        "/orders",
                        "{\"holdId\":\"" + holdId + "\",\"tickets\":[{\"seatId\":\"C4\",\"type\":\"CHILD\"}]}")
                .json()
                .path("orderId")
                .asText();

        assertThat(manager.post("/orders/" + paid + "/refund", "").status()).isEqualTo(200);
        assertThat(clerk.post("/orders/" + unpaid + "/cancel", "").status()).isEqualTo(200);

        JsonNode refund =
                manager.get("/admin/audit?action=ORDER_REFUNDED").json().get(0);
        assertThat(refund.path("entityId").asText()).isEqualTo(paid);
        assertThat(refund.path("actor").path("username").asText()).isEqualTo("morgan");
        assertThat(refund.path("details").path("statusBefore").asText()).isEqualTo("PAID");
        JsonNode cancel =
                manager.get("/admin/audit?action=ORDER_CANCELLED").json().get(0);
        assertThat(cancel.path("entityId").asText()).isEqualTo(unpaid);
        assertThat(cancel.path("actor").path("username").asText()).isEqualTo("alice");
    }
}
