package org.marquee.server.testing;

import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.marquee.server.db.DatabaseSettings;
import org.marquee.server.db.DatabaseTimeouts;

/** Shared setup of the tests that break the database under a running server. */
public final class FaultTests {

    /**
     * Timeouts short enough that a fault test takes seconds: requests bounded at about 1 s + 2 s, sessions of a
     * vanished client ended after 2 s.
     */
    public static final DatabaseTimeouts SHORT = new DatabaseTimeouts(
            Duration.ofSeconds(1),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofMillis(1500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    /** What DESIGN §10 promises: no request waits longer. */
    public static final Duration PROMISED = Duration.ofSeconds(5);

    private FaultTests() {}

    /**
     * Skips the test when PostgreSQL 15 is not installed, unless {@code MARQUEE_REQUIRE_EXTERNAL_PG} is set (.ci/run
     * installs it and sets that, so CI never skips them quietly).
     */
    public static void assumePostgres15() {
        if (System.getenv("MARQUEE_REQUIRE_EXTERNAL_PG") == null) {
            Assumptions.assumeTrue(
                    ExternalPostgres.available(), "PostgreSQL 15 is not installed in " + ExternalPostgres.BIN);
        }
    }

    /** A server's database settings for {@code url} with the short timeouts and a pool of {@code poolSize}. */
    public static DatabaseSettings settings(String url, String user, String password, int poolSize) {
        return new DatabaseSettings(url, user, password, TestServer.DATA_DIR, poolSize, SHORT);
    }

    public static TestServer.Options options() {
        return TestServer.Options.defaults().kiosks(8);
    }
}
