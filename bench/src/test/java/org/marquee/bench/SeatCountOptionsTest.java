package org.marquee.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A load with no seat to hold is refused with a clear error before any server is asked: {@code anchors --hot-seats 0}
 * once spun both cores for a whole phase of nothing.
 */
class SeatCountOptionsTest {

    @ParameterizedTest
    @CsvSource({
        "anchors, --hot-seats, 0",
        "anchors, --hall-seats, -3",
        "holds, --seats, 0",
    })
    void aSeatCountBelowOneIsAUsageErrorNamingTheOption(String command, String option, String count) {
        StringWriter err = new StringWriter();
        // port 9 (discard): nothing is there, and nothing may be asked before the options are checked
        int exit = BenchMain.commandLine()
                .setErr(new PrintWriter(err))
                .execute(
                        command,
                        "--server",
                        "http://127.0.0.1:9",
                        "--jdbc",
                        "jdbc:postgresql://127.0.0.1:9/x",
                        option,
                        count);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(option + " must be at least 1 (seats to hold); " + count + " was given.");
    }
}
