package org.marquee.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.server.db.DatabaseSettings;
import org.marquee.server.holds.HoldPolicy;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.ExternalPostgres;
import org.marquee.server.testing.FaultTests;
import picocli.CommandLine;

/**
 * {@code marquee server bootstrap} (DESIGN §7.2) on an operator's PostgreSQL 15, as a new cinema starts: from an empty
 * database to a manager signed in on the counter terminal it printed the token of, without any SQL; a second run, and
 * every bad flag, changes nothing and exits non-zero with a clear message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BootstrapCommandTest {

    private static final String PIN = "246810";

    private ExternalPostgres postgres;
    private String token;

    /** The server's data directory (its ticket-signing key is written there), never the working directory. */
    @TempDir
    Path dataDir;

    @BeforeAll
    void start() {
        FaultTests.assumePostgres15();
        postgres = ExternalPostgres.start();
    }

    @AfterAll
    void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** What a run printed, and its exit code. */
    record Run(int exitCode, String out, String err) {}

    private Run bootstrap(Map<String, String> env, String... flags) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == BootstrapCommand.class) {
                    // no terminal to ask on, as under a CI job: the PIN comes from the environment or not at all
                    return type.cast(new BootstrapCommand(env::get, prompt -> null));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine command = new CommandLine(new ServerMain(), factory)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(List.of("bootstrap"));
        args.addAll(List.of(flags));
        int exit = command.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private String[] flags(String... overrides) {
        List<String> flags = new ArrayList<>(List.of(
                "--db",
                postgres.urlWithCredentials(),
                "--theater-name",
                "Cine Lumière",
                "--address",
                "Rue de la Paix 1, Lyon",
                "--lat",
                "45.7640",
                "--lon",
                "4.8357",
                "--time-zone",
                "Europe/Paris",
                "--manager",
                "claire",
                "--manager-name",
                "Claire Dubois"));
        for (int i = 0; i < overrides.length; i += 2) {
            int at = flags.indexOf(overrides[i]);
            if (overrides[i + 1] == null) {
                flags.remove(at + 1);
                flags.remove(at);
            } else {
                flags.set(at + 1, overrides[i + 1]);
            }
        }
        return flags.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void badFlagsExitNonZeroWithAClearMessageAndWriteNothing() {
        Map<String, String> env = Map.of("MARQUEE_MANAGER_PIN", PIN);
        assertRefused(bootstrap(env, flags("--lat", "123")), 2, "--lat");
        assertRefused(bootstrap(env, flags("--lon", "-181")), 2, "--lon");
        assertRefused(bootstrap(env, flags("--time-zone", "Mars/Olympus")), 2, "--time-zone");
        assertRefused(bootstrap(env, flags("--theater-name", " ")), 2, "--theater-name");
        assertRefused(bootstrap(env, flags("--manager", "two words")), 2, "--manager");
        assertRefused(bootstrap(env, flags("--manager-name", null)), 2, "--manager-name");
        assertRefused(bootstrap(env, flags("--lat", "north")), 2, "--lat");
        assertRefused(bootstrap(Map.of("MARQUEE_MANAGER_PIN", "12"), flags()), 2, "PIN");
        assertRefused(bootstrap(Map.of("MARQUEE_MANAGER_PIN", "12ab"), flags()), 2, "PIN");
        assertRefused(bootstrap(Map.of(), flags()), 2, "MARQUEE_MANAGER_PIN");

        Boolean migrated = jdbi().withHandle(h -> h.createQuery(
                        "select exists (select 1 from information_schema.tables where table_name = 'theaters')")
                .mapTo(Boolean.class)
                .one());
        assertThat(migrated).as("a refused run does not even open the database").isFalse();
    }

    @Test
    @Order(2)
    void anEmptyDatabaseGetsATheaterAManagerAndACounterWhoseTokenIsPrintedOnce() throws Exception {
        Run run = bootstrap(Map.of("MARQUEE_MANAGER_PIN", PIN), flags());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> tokenLines = run.out()
                .lines()
                .filter(line -> line.contains("MARQUEE_TERMINAL_TOKEN"))
                .toList();
        assertThat(tokenLines).hasSize(1);
        assertThat(tokenLines.getFirst()).matches("MARQUEE_TERMINAL_TOKEN=[A-Za-z0-9_-]{43}");
        token = tokenLines.getFirst().substring("MARQUEE_TERMINAL_TOKEN=".length());
        assertThat(run.out()).doesNotContain(PIN);
        assertThat(run.err()).isEmpty();

        var config = new ServerConfig(
                "127.0.0.1",
                0,
                new DatabaseSettings(postgres.urlWithCredentials(), null, null, dataDir, 4),
                false,
                0,
                HoldPolicy.of(Duration.ofMinutes(8), Duration.ofMinutes(20)),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                null);
        try (MarqueeServer server = MarqueeServer.start(config)) {
            URI base = URI.create("http://127.0.0.1:" + server.port());
            ApiClient counter = new ApiClient(base, token);
            JsonNode me = counter.get("/terminals/me").json();
            assertThat(me.path("kind").asText()).isEqualTo("COUNTER");
            JsonNode theaters = counter.get("/theaters").json();
            assertThat(theaters).hasSize(1);
            assertThat(theaters.get(0).path("name").asText()).isEqualTo("Cine Lumière");
            assertThat(theaters.get(0).path("timeZone").asText()).isEqualTo("Europe/Paris");
            assertThat(me.path("theaterId").asLong())
                    .isEqualTo(theaters.get(0).path("id").asLong());

            Answer session = counter.post("/sessions", "{\"username\":\"claire\",\"pin\":\"" + PIN + "\"}");
            assertThat(session.status()).as(session.body()).isEqualTo(201);
            assertThat(session.json().path("role").asText()).isEqualTo("MANAGER");
            ApiClient manager = new ApiClient(base, session.json().path("token").asText());
            JsonNode staff = manager.get("/admin/staff").json();
            assertThat(staff).hasSize(1);
            assertThat(staff.get(0).path("displayName").asText()).isEqualTo("Claire Dubois");
            JsonNode audit = manager.get("/admin/audit?action=BOOTSTRAPPED").json();
            assertThat(audit).hasSize(1);
            assertThat(audit.get(0).path("actor").path("username").asText()).isEqualTo("claire");
            // a production start has no demo tokens
            assertThat(new ApiClient(base, "demo-kiosk-1").get("/theaters").status())
                    .isEqualTo(401);
        }
    }

    @Test
    @Order(3)
    void aSecondRunOnADatabaseWithAManagerIsRefusedAndChangesNothing() {
        List<Long> before = counts();

        Run again = bootstrap(Map.of("MARQUEE_MANAGER_PIN", "1357"), flags("--manager", "mallory"));

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("has a manager already");
        assertThat(again.out()).doesNotContain("MARQUEE_TERMINAL_TOKEN");
        assertThat(counts()).isEqualTo(before);
        assertThat(before).containsExactly(1L, 1L, 1L);
    }

    private static void assertRefused(Run run, int exitCode, String naming) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exitCode);
        assertThat(run.err()).contains(naming);
        assertThat(run.out()).doesNotContain("MARQUEE_TERMINAL_TOKEN");
    }

    private List<Long> counts() {
        return jdbi().withHandle(h -> List.of(
                h.createQuery("select count(*) from theaters").mapTo(Long.class).one(),
                h.createQuery("select count(*) from staff").mapTo(Long.class).one(),
                h.createQuery("select count(*) from terminals")
                        .mapTo(Long.class)
                        .one()));
    }

    private Jdbi jdbi() {
        return Jdbi.create(postgres.url(), ExternalPostgres.USER, ExternalPostgres.PASSWORD);
    }
}
