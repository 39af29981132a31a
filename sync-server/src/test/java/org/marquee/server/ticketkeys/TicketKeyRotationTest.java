package org.marquee.server.ticketkeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.Doors;
import org.marquee.server.testing.TestServer;

/** A manager rotates the ticket key; tickets of both keys admit, and the rotation is audited. */
class TicketKeyRotationTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("ticket_keys", TestServer.Options.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void ticketsSignedBeforeAndAfterARotationBothVerifyAndAdmit() throws Exception {
        ApiClient door = Doors.scanner(server, "door-rotation");
        long showtime = server.bigHallShowtime();
        JsonNode before = Doors.buy(server, 1, showtime, "D1");
        String oldKid = door.get("/ticket-keys").json().get(0).path("kid").asText();

        ApiClient.Answer rotated = server.manager().post("/admin/ticket-keys/rotate", null);
        JsonNode after = Doors.buy(server, 2, showtime, "D2");
        JsonNode keys = door.get("/ticket-keys").json();

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        String newKid = rotated.json().path("kid").asText();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(keys.findValuesAsText("kid")).containsExactly(oldKid, newKid);
        assertThat(keys.get(0).path("notAfter").isNull())
                .as("the retired key has an end")
                .isFalse();
        assertThat(keys.get(1).path("notAfter").isNull())
                .as("the current key does not")
                .isTrue();
        assertThat(Doors.token(before, 0)).startsWith("MQT2." + oldKid + ".");
        assertThat(Doors.token(after, 0)).startsWith("MQT2." + newKid + ".");
        assertThat(Doors.verifiesWithTheJdk(Doors.token(before, 0), keys)).isTrue();
        assertThat(Doors.verifiesWithTheJdk(Doors.token(after, 0), keys)).isTrue();
        assertThat(Doors.result(door.post("/admissions", Doors.scan(Doors.token(before, 0), "rot-1", showtime)))
                        .path("result")
                        .asText())
                .isEqualTo("ADMITTED");
        assertThat(Doors.result(door.post("/admissions", Doors.scan(Doors.token(after, 0), "rot-2", showtime)))
                        .path("result")
                        .asText())
                .isEqualTo("ADMITTED");
        JsonNode audit =
                server.manager().get("/admin/audit?action=TICKET_KEY_ROTATED").json();
        assertThat(audit.findValuesAsText("entityId")).contains(newKid);
        assertThat(audit.get(0).path("details").path("retiredKid").asText()).isEqualTo(oldKid);
    }

    @Test
    void aRetriedRotationWithTheSameKeyRotatesOnce() {
        ApiClient manager = server.manager();
        ApiClient.Answer first = manager.post("/admin/ticket-keys/rotate", null, "Idempotency-Key", "rotate-once");
        ApiClient.Answer retry = manager.post("/admin/ticket-keys/rotate", null, "Idempotency-Key", "rotate-once");

        assertThat(retry.json().path("kid").asText())
                .isEqualTo(first.json().path("kid").asText());
        Integer current = server.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from ticket_keys where retired_at is null")
                        .mapTo(Integer.class)
                        .one());
        assertThat(current).isEqualTo(1);
        Integer audited = server.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from audit_log where entity_id = :kid")
                        .bind("kid", first.json().path("kid").asText())
                        .mapTo(Integer.class)
                        .one());
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void onlyAManagerRotatesAndNoAnswerCarriesAPrivateKey() {
        assertThat(server.kiosk(1).post("/admin/ticket-keys/rotate", null).status())
                .isEqualTo(403);
        assertThat(server.clerk().post("/admin/ticket-keys/rotate", null).status())
                .isEqualTo(403);
        assertThat(Doors.scanner(server, "door-no-rotate")
                        .post("/admin/ticket-keys/rotate", null)
                        .status())
                .isEqualTo(403);
        JsonNode keys = server.kiosk(1).get("/ticket-keys").json();
        for (JsonNode key : keys) {
            assertThat(key.properties().stream().map(java.util.Map.Entry::getKey))
                    .containsExactlyInAnyOrder("kid", "algorithm", "publicKey", "notBefore", "notAfter");
            // an Ed25519 SubjectPublicKeyInfo is 44 bytes: 12 of header and the 32-byte public key, nothing more
            assertThat(java.util.Base64.getDecoder()
                            .decode(key.path("publicKey").asText()))
                    .hasSize(44);
        }
    }
}
