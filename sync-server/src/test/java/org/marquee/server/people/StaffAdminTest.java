package org.marquee.server.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/** {@code /admin/staff} (DESIGN §7.2): create, rename, change role, reset PIN, deactivate; never the last manager. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffAdminTest {

    private TestServer server;
    private ApiClient manager;

    @BeforeAll
    void start() {
        server = TestServer.start("adminstaff", TestServer.Options.defaults());
        manager = server.manager();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String body(String username, String name, String role, String pin) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"" + name + "\",\"role\":\"" + role
                + "\",\"pin\":\"" + pin + "\"}";
    }

    private JsonNode create(String username, String role, String pin) {
        Answer answer = manager.post("/admin/staff", body(username, "Test " + username, role, pin));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    private Answer signInAnswer(String username, String pin) {
        return server.counter().post("/sessions", "{\"username\":\"" + username + "\",\"pin\":\"" + pin + "\"}");
    }

    @Test
    void aNewClerkSignsInWithTheirPinWhichIsNeverShown() {
        String username = unique("bea");
        Answer created = manager.post("/admin/staff", body(username, "Bea Ortiz", "CLERK", "24680"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("username").asText()).isEqualTo(username);
        assertThat(created.json().path("role").asText()).isEqualTo("CLERK");
        assertThat(created.json().path("active").asBoolean()).isTrue();
        assertThat(created.json().has("pin")).isFalse();
        // the PIN as a JSON value, quoted or not: its digits alone may well turn up inside a timestamp
        assertThat(created.body()).doesNotContain("\"24680\"").doesNotContain(":24680");
        assertThat(manager.get("/admin/staff").body())
                .contains(username)
                .doesNotContain("\"24680\"")
                .doesNotContain(":24680")
                .doesNotContain("$2");
        Answer session = signInAnswer(username, "24680");
        assertThat(session.status()).isEqualTo(201);
        assertThat(session.json().path("role").asText()).isEqualTo("CLERK");
        JsonNode audit =
                manager.get("/admin/audit?action=STAFF_CREATED&limit=1").json().get(0);
        assertThat(audit.path("details").path("username").asText()).isEqualTo(username);
        assertThat(audit.toString()).doesNotContain("\"24680\"").doesNotContain(":24680");
    }

    @Test
    void renamePromoteResetPinAndDeactivate() {
        JsonNode clerk = create(unique("carl"), "CLERK", "1111");
        String path = "/admin/staff/" + clerk.path("id").asLong();
        ApiClient oldSession =
                server.client(server.signIn(clerk.path("username").asText(), "1111"));

        Answer renamed = manager.put(path, "{\"displayName\":\"Carl Vega\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("displayName").asText()).isEqualTo("Carl Vega");
        assertThat(oldSession.get("/theaters").status())
                .as("a new name keeps the session")
                .isEqualTo(200);

        Answer promoted = manager.put(path, "{\"role\":\"MANAGER\"}");
        assertThat(promoted.json().path("role").asText()).isEqualTo("MANAGER");
        assertThat(oldSession.get("/theaters").status())
                .as("a session carries the role it signed in with: a new role signs them out")
                .isEqualTo(401);
        ApiClient asManager = server.client(server.signIn(clerk.path("username").asText(), "1111"));
        assertThat(asManager.get("/admin/staff").status()).isEqualTo(200);

        assertThat(manager.put(path, "{\"pin\":\"98765432\"}").status()).isEqualTo(200);
        assertThat(signInAnswer(clerk.path("username").asText(), "1111").status())
                .isEqualTo(401);
        assertThat(signInAnswer(clerk.path("username").asText(), "98765432").status())
                .isEqualTo(201);

        Answer deactivated = manager.put(path, "{\"active\":false}");
        assertThat(deactivated.json().path("active").asBoolean()).isFalse();
        assertThat(asManager.get("/admin/staff").status())
                .as("deactivation ends their sessions")
                .isEqualTo(401);
        assertThat(signInAnswer(clerk.path("username").asText(), "98765432").status())
                .isEqualTo(401);

        JsonNode audit =
                manager.get("/admin/audit?action=STAFF_UPDATED&limit=1").json().get(0);
        assertThat(audit.path("details").path("active").path("to").asBoolean()).isFalse();
        assertThat(audit.path("details").path("sessionsEnded").asInt())
                .as("the session as manager and the one that tried the new PIN")
                .isEqualTo(2);
        assertThat(manager.get("/admin/audit?action=STAFF_UPDATED&limit=10").body())
                .doesNotContain("\"98765432\"")
                .doesNotContain(":98765432");
    }

    @Test
    void theLastActiveManagerCannotBeDemotedOrDeactivated() {
        // the database's managers are morgan and those other tests made; leave one: a manager of this test
        JsonNode last = create(unique("lena"), "MANAGER", "5555");
        ApiClient lena = server.client(server.signIn(last.path("username").asText(), "5555"));
        for (JsonNode member : manager.get("/admin/staff").json()) {
            boolean otherManager = member.path("role").asText().equals("MANAGER")
                    && member.path("active").asBoolean()
                    && member.path("id").asLong() != last.path("id").asLong();
            if (otherManager) {
                assertThat(lena.put("/admin/staff/" + member.path("id").asLong(), "{\"role\":\"CLERK\"}")
                                .status())
                        .isEqualTo(200);
            }
        }
        String path = "/admin/staff/" + last.path("id").asLong();

        Answer demote = lena.put(path, "{\"role\":\"CLERK\"}");
        Answer deactivate = lena.put(path, "{\"active\":false}");

        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.errorCode()).isEqualTo("LAST_MANAGER");
        assertThat(demote.json().path("error").path("message").asText()).contains("last active manager");
        assertThat(deactivate.errorCode()).isEqualTo("LAST_MANAGER");
        assertThat(lena.get(path.replace("/" + last.path("id").asLong(), "")).status())
                .isEqualTo(200);
        JsonNode still = find(lena, last.path("id").asLong());
        assertThat(still.path("role").asText()).isEqualTo("MANAGER");
        assertThat(still.path("active").asBoolean()).isTrue();
        // a rename of the last manager is fine
        assertThat(lena.put(path, "{\"displayName\":\"Lena M.\"}").status()).isEqualTo(200);

        // put morgan back, for the other tests
        long morgan = idOf(lena, "morgan");
        assertThat(lena.put("/admin/staff/" + morgan, "{\"role\":\"MANAGER\",\"active\":true}")
                        .status())
                .isEqualTo(200);
        manager = server.manager();
    }

    @Test
    void twoManagersDemotingEachOtherAtOnceLeaveOneManager() throws Exception {
        // with many managers, demote all but two, then race those two against each other: exactly one wins
        for (int round = 0; round < 4; round++) {
            JsonNode a = create(unique("ann"), "MANAGER", "1212");
            JsonNode b = create(unique("ben"), "MANAGER", "3434");
            ApiClient annSession =
                    server.client(server.signIn(a.path("username").asText(), "1212"));
            ApiClient benSession =
                    server.client(server.signIn(b.path("username").asText(), "3434"));
            for (JsonNode member : manager.get("/admin/staff").json()) {
                long id = member.path("id").asLong();
                if (member.path("role").asText().equals("MANAGER")
                        && member.path("active").asBoolean()
                        && id != a.path("id").asLong()
                        && id != b.path("id").asLong()) {
                    assertThat(annSession
                                    .put("/admin/staff/" + id, "{\"role\":\"CLERK\"}")
                                    .status())
                            .isEqualTo(200);
                }
            }

            CyclicBarrier start = new CyclicBarrier(2);
            List<Answer> answers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                Future<Answer> annDemotesBen = pool.submit(() -> {
                    start.await();
                    return annSession.put("/admin/staff/" + b.path("id").asLong(), "{\"role\":\"CLERK\"}");
                });
                Future<Answer> benDemotesAnn = pool.submit(() -> {
                    start.await();
                    return benSession.put("/admin/staff/" + a.path("id").asLong(), "{\"active\":false}");
                });
                answers.add(annDemotesBen.get());
                answers.add(benDemotesAnn.get());
            }

            List<Integer> statuses =
                    answers.stream().map(Answer::status).sorted().toList();
            // the loser is refused: LAST_MANAGER when it ran second, 401 when the winner had signed it out first
            assertThat(statuses.get(0)).as("round %d: %s", round, answers).isEqualTo(200);
            assertThat(statuses.get(1)).as("round %d: %s", round, answers).isIn(401, 409);
            Long managers = server.jdbi()
                    .withHandle(h -> h.createQuery("select count(*) from staff where role = 'MANAGER' and active")
                            .mapTo(Long.class)
                            .one());
            assertThat(managers).as("round %d", round).isEqualTo(1);

            // morgan back as a manager, for the next round and the other tests
            ApiClient survivor = statuses.get(0) == 200 && answers.get(0).status() == 200 ? annSession : benSession;
            assertThat(survivor.put(
                                    "/admin/staff/" + idOf(survivor, "morgan"),
                                    "{\"role\":\"MANAGER\",\"active\":true}")
                            .status())
                    .isEqualTo(200);
            manager = server.manager();
        }
    }

    @Test
    void badInputIsAClearErrorAndChangesNothing() {
        String taken = create(unique("taken"), "CLERK", "1234").path("username").asText();
        int before = manager.get("/admin/staff").json().size();

        for (String pin : List.of("123", "123456789", "12a4", "", "12 34")) {
            Answer answer = manager.post("/admin/staff", body(unique("p"), "P", "CLERK", pin));
            assertThat(answer.status()).as("PIN '%s'", pin).isEqualTo(422);
            assertThat(answer.json().path("error").path("message").asText())
                    .contains("pin")
                    .doesNotContain(pin.isEmpty() ? "\u0000" : pin);
        }
        Answer emptyName = manager.post("/admin/staff", body(unique("n"), " ", "CLERK", "1234"));
        assertThat(emptyName.status()).isEqualTo(422);
        assertThat(emptyName.json().path("error").path("message").asText()).contains("displayName");
        assertThat(manager.post("/admin/staff", body("", "No one", "CLERK", "1234"))
                        .status())
                .isEqualTo(422);
        assertThat(manager.post("/admin/staff", body("two words", "No one", "CLERK", "1234"))
                        .status())
                .isEqualTo(422);
        Answer kioskRole = manager.post("/admin/staff", body(unique("k"), "K", "KIOSK", "1234"));
        assertThat(kioskRole.status()).isEqualTo(422);
        assertThat(kioskRole.json().path("error").path("message").asText()).contains("role");
        assertThat(manager.post("/admin/staff", body(unique("k"), "K", "BOSS", "1234"))
                        .status())
                .isEqualTo(422);
        Answer duplicate = manager.post("/admin/staff", body(taken, "Again", "CLERK", "1234"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorCode()).isEqualTo("CONFLICT");
        assertThat(manager.post("/admin/staff", "{\"username\":").status()).isEqualTo(400);
        assertThat(manager.get("/admin/staff").json().size()).isEqualTo(before);

        long id = idOf(manager, taken);
        assertThat(manager.put("/admin/staff/999999", "{\"displayName\":\"X\"}").status())
                .isEqualTo(404);
        assertThat(manager.put("/admin/staff/abc", "{\"displayName\":\"X\"}").status())
                .isEqualTo(400);
        assertThat(manager.put("/admin/staff/" + id, "{}").status()).isEqualTo(422);
        assertThat(manager.put("/admin/staff/" + id, "{\"pin\":\"12\"}").status())
                .isEqualTo(422);
        assertThat(manager.put("/admin/staff/" + id, "{\"displayName\":\"\"}").status())
                .isEqualTo(422);
        assertThat(manager.put("/admin/staff/" + id, "{\"username\":\"renamed\"}")
                        .status())
                .isEqualTo(422);
        assertThat(manager.put("/admin/staff/" + id, "{\"role\":\"SCANNER\"}").status())
                .isEqualTo(422);
        assertThat(manager.put("/admin/staff/" + id, "{\"active\":\"no\"}").status())
                .isEqualTo(400);
        JsonNode unchanged = find(manager, id);
        assertThat(unchanged.path("displayName").asText()).isEqualTo("Test " + taken);
        assertThat(unchanged.path("role").asText()).isEqualTo("CLERK");
        assertThat(signInAnswer(taken, "1234").status()).isEqualTo(201);
    }

    private static JsonNode find(ApiClient client, long id) {
        for (JsonNode member : client.get("/admin/staff").json()) {
            if (member.path("id").asLong() == id) {
                return member;
            }
        }
        throw new AssertionError("no staff member " + id);
    }

    private static long idOf(ApiClient client, String username) {
        for (JsonNode member : client.get("/admin/staff").json()) {
            if (member.path("username").asText().equals(username)) {
                return member.path("id").asLong();
            }
        }
        throw new AssertionError("no staff member " + username);
    }
}
