package org.marquee.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.marquee.server.db.DatabaseFailures.Kind;

/** Which failures are the database being away (503), which are load (429), which are bugs (500). */
class DatabaseFailuresTest {

    @Test
    void aPoolTimeoutIsLoadUnlessMakingConnectionsFailedBehindIt() {
        assertThat(DatabaseFailures.classify(new SQLTransientConnectionException("request timed out")))
                .isEqualTo(Kind.POOL_EXHAUSTED);
        assertThat(DatabaseFailures.classify(new SQLTransientConnectionException(
                        "request timed out", new SQLException("refused", "08001", new ConnectException()))))
                .isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void shutdownsCrashesAndBrokenConnectionsAreTheDatabaseBeingAway() {
        for (String state : new String[] {"08006", "08001", "57P01", "57P02", "57P03"}) {
            assertThat(DatabaseFailures.classify(new RuntimeException(new SQLException("x", state))))
                    .as(state)
                    .isEqualTo(Kind.UNAVAILABLE);
        }
        assertThat(DatabaseFailures.classify(new RuntimeException(new java.net.SocketTimeoutException())))
                .isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void ourOwnStatementAndLockTimeoutsAreTooSlowAndOtherSqlErrorsAreBugs() {
        assertThat(DatabaseFailures.classify(new SQLException("canceled", "57014")))
                .isEqualTo(Kind.TOO_SLOW);
        assertThat(DatabaseFailures.classify(new SQLException("lock", "55P03"))).isEqualTo(Kind.TOO_SLOW);
        assertThat(DatabaseFailures.classify(new SQLException("duplicate", "23505")))
                .isEqualTo(Kind.OTHER);
        assertThat(DatabaseFailures.classify(new IllegalStateException("bug"))).isEqualTo(Kind.OTHER);
    }
}
