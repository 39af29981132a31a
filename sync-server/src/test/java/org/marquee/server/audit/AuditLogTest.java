package org.marquee.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.model.Role;
import org.marquee.model.TerminalKind;
import org.marquee.server.audit.persistence.AuditStore;
import org.marquee.server.common.Principal;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.TestServer;

/** The audit log (DESIGN §7.5): written in the transaction of its effect, never changed, read by managers only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogTest {

    private TestServer server;
    private Jdbi jdbi;
    private AuditStore audit;
    private ApiClient manager;

    @BeforeAll
    void start() {
        server = TestServer.start("audit", TestServer.Options.defaults());
        jdbi = server.jdbi();
        audit = new AuditStore(jdbi);
        manager = server.manager();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static Principal morgan() {
        return new Principal(2, "demo-counter-1", TerminalKind.COUNTER, 1, Role.MANAGER, 2L, "morgan");
    }

    @Test
    void anEntryIsReadBackNewestFirstWithWhoDidIt() {
        audit.record(morgan(), "TEST_FIRST", "THEATER", 1, Map.of("name", "Cine Uno"));
        audit.record(morgan(), "TEST_SECOND", "THEATER", 1, Map.of("name", "Cine Dos"));

        JsonNode entries = manager.get("/admin/audit?actor=morgan&limit=2").json();

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).path("action").asText()).isEqualTo("TEST_SECOND");
        assertThat(entries.get(1).path("action").asText()).isEqualTo("TEST_FIRST");
        assertThat(entries.get(0).path("actor").path("username").asText()).isEqualTo("morgan");
        assertThat(entries.get(0).path("actor").path("terminalName").asText()).isEqualTo("demo-counter-1");
        assertThat(entries.get(0).path("entityId").asText()).isEqualTo("1");
        assertThat(entries.get(0).path("details").path("name").asText()).isEqualTo("Cine Dos");
        long newest = entries.get(0).path("id").asLong();
        JsonNode older = manager.get("/admin/audit?actor=morgan&limit=1&before=" + newest)
                .json();
        assertThat(older.get(0).path("action").asText()).isEqualTo("TEST_FIRST");
    }

    @Test
    void anEntryWrittenInATransactionThatRollsBackIsNotThere() {
        assertThatThrownBy(() -> jdbi.useTransaction(handle -> {
                    new AuditStore(jdbi).record(morgan(), "TEST_ROLLED_BACK", "THEATER", 1, Map.of());
                    throw new IllegalStateException("the effect failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(manager.get("/admin/audit?action=TEST_ROLLED_BACK").json()).isEmpty();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() {
        audit.record(morgan(), "TEST_KEPT", "THEATER", 1, Map.of());

        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("update audit_log set action = 'FORGED'")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("delete from audit_log")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("truncate audit_log")))
                .hasMessageContaining("append-only");
        assertThat(manager.get("/admin/audit?action=TEST_KEPT").json()).hasSize(1);
    }

    @Test
    void badFiltersAreClearErrors() {
        assertThat(manager.get("/admin/audit?from=yesterday").status()).isEqualTo(400);
        assertThat(manager.get("/admin/audit?limit=0").status()).isEqualTo(422);
        assertThat(manager.get("/admin/audit?limit=5000").errorCode()).isEqualTo("INVALID_REQUEST");
        assertThat(manager.get("/admin/audit?before=abc").status()).isEqualTo(400);
        ApiClient.Answer backwards = manager.get("/admin/audit?from=2026-12-02&to=2026-12-01");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().path("error").path("message").asText()).contains("'from'");
    }

    @Test
    void aDateAsToIncludesThatDay() {
        audit.record(morgan(), "TEST_TODAY", "THEATER", 1, Map.of());
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

        assertThat(manager.get("/admin/audit?action=TEST_TODAY&from=" + today + "&to=" + today)
                        .json())
                .hasSize(1);
    }

    @Test
    void onlyManagersReadIt() {
        assertThat(server.clerk().get("/admin/audit").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(server.kiosk(1).get("/admin/audit").status()).isEqualTo(403);
        assertThat(server.client(null).get("/admin/audit").status()).isEqualTo(401);
    }
}
