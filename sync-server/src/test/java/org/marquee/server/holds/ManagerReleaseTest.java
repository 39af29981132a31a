package org.marquee.server.holds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.Bodies;
import org.marquee.server.testing.TestServer;

/**
 * A manager watches live holds and ends one that is stuck (DESIGN §7.3): the seats are free for everyone at once, the
 * kiosk that held them is told a manager released them, and the audit log says who, why and which seats.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagerReleaseTest {

    private TestServer server;
    private ApiClient manager;
    private long showtime;

    @BeforeAll
    void start() {
        server = TestServer.start("manager-release", TestServer.Options.defaults());
        manager = server.manager();
        showtime = server.bigHallShowtime();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aStuckHoldIsListedReleasedWithAReasonAndItsOwnerIsTold() {
        ApiClient kiosk = server.kiosk(1);
        String holdId = hold(kiosk, "A5", "A6");

        JsonNode live = find(manager.get("/admin/holds?theaterId=1").json(), holdId);
        assertThat(live).as("the hold is listed").isNotNull();
        assertThat(live.path("terminal").path("name").asText()).isEqualTo("demo-kiosk-1");
        assertThat(live.path("seatIds").toString()).isEqualTo("[\"A5\",\"A6\"]");
        assertThat(live.path("movieTitle").asText()).isNotBlank();
        assertThat(find(manager.get("/admin/holds?theaterId=2").json(), holdId))
                .as("another theater's list")
                .isNull();

        assertThat(manager.delete("/admin/holds/" + holdId).errorCode())
                .as("no reason")
                .isEqualTo("INVALID_REQUEST");
        assertThat(seat("A5")).isEqualTo("HELD");
        assertThat(manager.delete("/admin/holds/" + holdId + "?reason=Customer%20left")
                        .status())
                .isEqualTo(204);

        assertThat(seat("A5")).isEqualTo("AVAILABLE");
        assertThat(server.kiosk(2)
                        .post("/holds", Bodies.holdBody(showtime, List.of("A5")))
                        .status())
                .as("another terminal takes the seat at once")
                .isEqualTo(201);
        JsonNode owners = kiosk.get("/holds/" + holdId).json();
        assertThat(owners.path("status").asText()).isEqualTo("RELEASED");
        assertThat(owners.path("releasedBy").asText()).isEqualTo("MANAGER");
        assertThat(kiosk.post("/holds/" + holdId + "/extend", null).status()).isEqualTo(409);
        assertThat(find(manager.get("/admin/holds").json(), holdId)).isNull();

        JsonNode entry =
                manager.get("/admin/audit?action=HOLD_FORCE_RELEASED").json().get(0);
        assertThat(entry.path("entityId").asText()).isEqualTo(holdId);
        assertThat(entry.path("actor").path("username").asText()).isEqualTo("morgan");
        assertThat(entry.path("details").path("reason").asText()).isEqualTo("Customer left");
        assertThat(entry.path("details").path("terminalName").asText()).isEqualTo("demo-kiosk-1");
    }

    @Test
    void aHoldTheOwnerReleasedItselfHasNoManagerOnIt() {
        ApiClient kiosk = server.kiosk(3);
        String holdId = hold(kiosk, "B5");
        assertThat(kiosk.delete("/holds/" + holdId).status()).isEqualTo(204);

        JsonNode owners = kiosk.get("/holds/" + holdId).json();
        assertThat(owners.path("status").asText()).isEqualTo("RELEASED");
        assertThat(owners.path("releasedBy").isNull()).isTrue();
        assertThat(manager.delete("/admin/holds/" + holdId + "?reason=late").errorCode())
                .isEqualTo("HOLD_NOT_ACTIVE");
    }

    @Test
    void unknownHoldsAndOtherRolesAreRefused() {
        assertThat(manager.delete("/admin/holds/" + UUID.randomUUID() + "?reason=x")
                        .status())
                .isEqualTo(404);
        assertThat(manager.delete("/admin/holds/not-a-uuid?reason=x").status()).isEqualTo(400);
        assertThat(manager.get("/admin/holds?theaterId=x").status()).isEqualTo(400);
        String holdId = hold(server.kiosk(4), "C5");
        assertThat(server.clerk().delete("/admin/holds/" + holdId + "?reason=x").status())
                .isEqualTo(403);
        assertThat(server.kiosk(2).get("/admin/holds").status()).isEqualTo(403);
        assertThat(seat("C5")).isEqualTo("HELD");
    }

    private String hold(ApiClient client, String... seats) {
        Answer answer = client.post("/holds", Bodies.holdBody(showtime, List.of(seats)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("holdId").asText();
    }

    private String seat(String id) {
        for (JsonNode seat :
                manager.get("/showtimes/" + showtime + "/seats").json().path("seats")) {
            if (seat.path("id").asText().equals(id)) {
                return seat.path("status").asText();
            }
        }
        throw new AssertionError("no seat " + id);
    }

    private static JsonNode find(JsonNode holds, String holdId) {
        for (JsonNode hold : holds) {
            if (hold.path("holdId").asText().equals(holdId)) {
                return hold;
            }
        }
        return null;
    }
}
