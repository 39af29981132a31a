package org.marquee.server.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Bodies.holdBody;
import static org.marquee.server.testing.Bodies.seatsBody;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/**
 * A held seat's claim names the terminal that holds it (V16, decision 0032), so that deciding a hold and drawing a seat
 * map need not look each hold up; claims written by a release before V16 (during a rolling upgrade) name none, and
 * their holds still count as the terminal's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeldSeatsNameTheirTerminalTest {

    private TestServer server;
    private long showtime;

    @BeforeAll
    void start() {
        server =
                TestServer.start("claim-terminal", TestServer.Options.defaults().kiosks(4));
        server.singleSeatRule("OFF");
        showtime = server.bigHallShowtime();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aHoldsSeatsNameItsTerminalAndAReleaseClearsThem() {
        ApiClient kiosk = server.kiosk(1);
        String holdId = kiosk.post("/holds", holdBody(showtime, List.of("C1", "C2")))
                .json()
                .path("holdId")
                .asText();
        assertThat(terminalsOf("C1", "C2"))
                .containsOnly(Map.entry("C1", terminalId(1)), Map.entry("C2", terminalId(1)));

        assertThat(kiosk.put("/holds/" + holdId + "/seats", seatsBody(List.of("C2", "C3")))
                        .status())
                .isEqualTo(200);
        assertThat(terminalsOf("C1", "C2", "C3"))
                .containsOnly(Map.entry("C1", 0L), Map.entry("C2", terminalId(1)), Map.entry("C3", terminalId(1)));

        assertThat(kiosk.delete("/holds/" + holdId).status()).isIn(200, 204);
        assertThat(terminalsOf("C2", "C3")).containsOnly(Map.entry("C2", 0L), Map.entry("C3", 0L));
    }

    @Test
    void aClaimWrittenBeforeV16StillCountsAsItsTerminalsOwn() {
        ApiClient mine = server.kiosk(2);
        ApiClient other = server.kiosk(3);
        String holdId = mine.post("/holds", holdBody(showtime, List.of("E5", "E6")))
                .json()
                .path("holdId")
                .asText();
        writtenBeforeV16(holdId);

        Answer refused = other.post("/holds", holdBody(showtime, List.of("E6", "E7")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("SEATS_UNAVAILABLE");

        // the holding terminal's own seats are free to it: it moves its hold over them
        assertThat(mine.put("/holds/" + holdId + "/seats", seatsBody(List.of("E6", "E7")))
                        .status())
                .isEqualTo(200);
        writtenBeforeV16(holdId);
        String replacing = mine.post("/holds", holdBody(showtime, List.of("E6", "E7", "E8")))
                .json()
                .path("holdId")
                .asText();
        assertThat(replacing).isNotEqualTo(holdId);
        assertThat(terminalsOf("E5", "E6", "E7", "E8"))
                .containsOnly(
                        Map.entry("E5", 0L),
                        Map.entry("E6", terminalId(2)),
                        Map.entry("E7", terminalId(2)),
                        Map.entry("E8", terminalId(2)));
    }

    /** Makes the hold's claims what an instance of the previous release writes: they name the hold, not its terminal. */
    private void writtenBeforeV16(String holdId) {
        server.jdbi()
                .useHandle(h -> assertThat(h.createUpdate(
                                        "update seat_claims set terminal_id = null where hold_id = cast(:h as uuid)")
                                .bind("h", holdId)
                                .execute())
                        .isPositive());
    }

    /** Each seat's claim's terminal, 0 where the seat is not held or names none. */
    private Map<String, Long> terminalsOf(String... seats) {
        return server.jdbi()
                .withHandle(h -> h.createQuery("""
                                select seat_id, case when state = 'HELD' then coalesce(terminal_id, 0) else 0 end as t
                                  from seat_claims where showtime_id = :s and seat_id = any(:seats)""")
                        .bind("s", showtime)
                        .bind("seats", seats)
                        .setMapKeyColumn("seat_id")
                        .setMapValueColumn("t")
                        .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, Long>>() {}));
    }

    private long terminalId(int kiosk) {
        return server.jdbi()
                .withHandle(h -> h.createQuery("select id from terminals where name = :n")
                        .bind("n", "demo-kiosk-" + kiosk)
                        .mapTo(Long.class)
                        .one());
    }
}
