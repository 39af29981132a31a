package org.marquee.server.admissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.Doors;
import org.marquee.server.testing.TestServer;

/** Bad requests to the door endpoints: a clear 4xx with the error body, and nothing recorded. */
class AdmissionInputTest {

    private static TestServer server;
    private static ApiClient door;

    @BeforeAll
    static void start() {
        server = TestServer.start("admission_input", TestServer.Options.defaults());
        door = Doors.scanner(server, "door-input");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aBodyThatIsNotJsonOrNotAnObjectIs400() {
        assertThat(door.post("/admissions", "").errorCode()).isEqualTo("MALFORMED_REQUEST");
        assertThat(door.post("/admissions", "{not json").status()).isEqualTo(400);
        assertThat(door.post("/admissions", "[]").status()).isEqualTo(400);
    }

    @Test
    void aScanWithoutScanIdOrTokenIs422AndNamesTheField() {
        ApiClient.Answer noScanId = door.post("/admissions", "{\"ticketToken\":\"MQT2.a.b.c\"}");
        ApiClient.Answer noToken = door.post("/admissions", "{\"scanId\":\"s1\"}");
        ApiClient.Answer badScanId = door.post("/admissions", "{\"scanId\":\"has space\",\"ticketToken\":\"x\"}");

        assertThat(noScanId.status()).isEqualTo(422);
        assertThat(noScanId.errorCode()).isEqualTo("INVALID_REQUEST");
        assertThat(noScanId.json().path("error").path("message").asText()).contains("scanId");
        assertThat(noToken.status()).isEqualTo(422);
        assertThat(noToken.json().path("error").path("message").asText()).contains("ticketToken");
        assertThat(badScanId.status()).isEqualTo(422);
    }

    @Test
    void aBatchWithOneBadScanRecordsNoneOfIt() {
        ApiClient.Answer answer = door.post(
                "/admissions", "{\"scans\":[" + Doors.scan("hello", "batch-ok", null) + ",{\"ticketToken\":\"x\"}]}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("error").path("message").asText()).contains("scans[1].scanId");
        Integer scans = server.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from admission_scans where scan_id = 'batch-ok'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(scans).isZero();
    }

    @Test
    void anEmptyOrOversizedBatchIs422() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= AdmissionService.MAX_SCANS; i++) {
            many.add(Doors.scan("t", "many-" + i, null));
        }
        assertThat(door.post("/admissions", "{\"scans\":[]}").status()).isEqualTo(422);
        assertThat(door.post("/admissions", "{\"scans\":[" + String.join(",", many) + "]}")
                        .status())
                .isEqualTo(422);
    }

    @Test
    void aBadCursorIs400() {
        assertThat(door.get("/admissions/revoked?since=abc").errorCode()).isEqualTo("MALFORMED_REQUEST");
        assertThat(door.get("/admissions/revoked?since=-5").status()).isEqualTo(400);
    }

    @Test
    void onlyAScannerAdmitsAndReadsTheRevokedList() {
        String scan = Doors.scan("hello", "not-a-door", null);
        assertThat(server.kiosk(1).post("/admissions", scan).status()).isEqualTo(403);
        assertThat(server.counter().post("/admissions", scan).status()).isEqualTo(403);
        assertThat(server.manager().post("/admissions", scan).status()).isEqualTo(403);
        assertThat(server.kiosk(1).get("/admissions/revoked?since=0").status()).isEqualTo(403);
        assertThat(server.client("nobody").post("/admissions", scan).status()).isEqualTo(401);
        assertThat(door.get("/theaters").status())
                .as("a door scanner sells nothing and browses nothing")
                .isEqualTo(403);
    }
}
