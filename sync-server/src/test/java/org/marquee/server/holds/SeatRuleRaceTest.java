package org.marquee.server.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marquee.server.testing.Bodies.holdBody;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marquee.server.testing.ApiClient.Answer;
import org.marquee.server.testing.TestServer;

/**
 * The seat rules under contention, against PostgreSQL: 64 kiosks asking for the best seats of one showtime at the same
 * instant, and two holds closing in on one seat from both sides.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeatRuleRaceTest extends SeatRulesTestBase {

    private static final int TERMINALS = 64;

    @BeforeAll
    void start() {
        server = TestServer.start("seatrace", TestServer.Options.defaults().kiosks(TERMINALS));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void sixtyFourKiosksAskingForTheBestSeatsAtOnceGetDisjointWholeBlocksAndLeaveNoSingleSeat() throws Exception {
        Random random = new Random(13);
        for (int round = 1; round <= 3; round++) {
            // a fresh showtime each round: the previous round's holds are released in another hall, so that any single
            // seat here would be the doing of this round's choices
            long showtime = freshBigHall();
            int[] counts = new int[TERMINALS];
            for (int k = 0; k < TERMINALS; k++) {
                counts[k] = 1 + random.nextInt(3);
            }
            List<Answer> answers =
                    all(k -> patiently(() -> server.kiosk(k + 1).post("/holds", best(showtime, counts[k]))));

            Set<String> granted = new HashSet<>();
            for (int k = 0; k < TERMINALS; k++) {
                Answer answer = answers.get(k);
                assertThat(answer.status())
                        .as("round %d kiosk %d: %s", round, k + 1, answer.body())
                        .isEqualTo(201);
                assertThat(answer.seatIds()).hasSize(counts[k]);
                for (String seat : answer.seatIds()) {
                    assertThat(granted.add(seat)).as("%s granted twice", seat).isTrue();
                }
            }
            Map<String, com.fasterxml.jackson.databind.JsonNode> map = seatMap(server.kiosk(1), showtime);
            assertThat(map.values().stream()
                            .filter(s -> s.path("status").asText().equals("HELD"))
                            .map(s -> s.path("id").asText()))
                    .as("exactly the granted seats are held: every hold whole, every previous one released")
                    .containsExactlyInAnyOrderElementsOf(granted);
            assertThat(SeatMaps.singles(map))
                    .as("round %d: no avoidable single seat", round)
                    .isEmpty();
        }
    }

    @Test
    void twoHoldsClosingInOnOneSeatFromBothSidesCannotBothWin() throws Exception {
        // every row of the big hall whose R11 is in service (C11 is not)
        List<String> rows = List.of("B", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P");
        int trial = 0;
        for (int s = 0; s < 2; s++) {
            long showtime = freshBigHall();
            for (String row : rows) {
                trial++;
                // R5..R8 sold; one kiosk asks for R9 R10, another for R12 R13: each alone is fine, both strand R11
                server.jdbi()
                        .useHandle(h -> h.createUpdate("""
                                insert into seat_claims (showtime_id, seat_id, state, hold_id, version)
                                select :s, :row || n, 'SOLD', gen_random_uuid(), nextval('seat_claim_version')
                                  from generate_series(5, 8) n""")
                                .bind("s", showtime)
                                .bind("row", row)
                                .execute());
                int left = 1 + (trial % 32) * 2;
                List<String> leftSeats = List.of(row + 9, row + 10);
                List<String> rightSeats = List.of(row + 12, row + 13);
                List<Answer> answers = race(
                        () -> patiently(() -> server.kiosk(left).post("/holds", holdBody(showtime, leftSeats))),
                        () -> patiently(() -> server.kiosk(left + 1).post("/holds", holdBody(showtime, rightSeats))));

                List<Integer> statuses =
                        answers.stream().map(Answer::status).sorted().toList();
                assertThat(statuses)
                        .as("trial %d, row %s: %s", trial, row, answers)
                        .containsExactly(201, 409);
                Answer loser = answers.stream()
                        .filter(a -> a.status() == 409)
                        .findFirst()
                        .orElseThrow();
                assertThat(loser.errorCode()).isEqualTo("SINGLE_SEAT_GAP");
                assertThat(loser.seatIds()).containsExactly(row + 11);
            }
        }
    }

    /**
     * Sends the request again after a short pause while the server pushes back with 429 (its pool is kept small on
     * purpose, DESIGN §5), as a kiosk does; any other answer is the answer.
     */
    private static Answer patiently(Call call) throws Exception {
        for (int attempt = 1; ; attempt++) {
            Answer answer = call.send();
            if (answer.status() != 429 || attempt == 50) {
                return answer;
            }
            Thread.sleep(20L + new Random().nextInt(40));
        }
    }

    private interface Call {
        Answer send() throws Exception;
    }

    private interface Indexed {
        Answer send(int index) throws Exception;
    }

    private static List<Answer> all(Indexed call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int k = 0; k < TERMINALS; k++) {
                int index = k;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.send(index);
                }));
            }
            go.countDown();
        }
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }

    private static List<Answer> race(Call first, Call second) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Answer> a = pool.submit(() -> {
                go.await();
                return first.send();
            });
            Future<Answer> b = pool.submit(() -> {
                go.await();
                return second.send();
            });
            go.countDown();
            return List.of(a.get(), b.get());
        }
    }
}
