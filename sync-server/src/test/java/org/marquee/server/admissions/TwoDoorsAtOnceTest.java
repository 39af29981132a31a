package org.marquee.server.admissions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marquee.server.testing.ApiClient;
import org.marquee.server.testing.Doors;
import org.marquee.server.testing.TestServer;

/** Two doors scanning one ticket at the same moment admit it once: the database's key decides, not Java. */
class TwoDoorsAtOnceTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("two_doors", TestServer.Options.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void eachTicketScannedAtTwoDoorsAtOnceIsAdmittedExactlyOnce() throws Exception {
        ApiClient north = Doors.scanner(server, "door-north");
        ApiClient south = Doors.scanner(server, "door-south");
        long showtime = server.bigHallShowtime();
        List<String> seats = List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10");
        JsonNode order = Doors.buy(server, 1, showtime, seats.toArray(String[]::new));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < seats.size(); i++) {
                String token = Doors.token(order, i);
                CyclicBarrier together = new CyclicBarrier(2);
                int round = i;
                List<Future<JsonNode>> answers = new ArrayList<>();
                List<ApiClient> doors = List.of(north, south);
                for (int d = 0; d < doors.size(); d++) {
                    ApiClient door = doors.get(d);
                    String scanId = "race-" + round + "-door-" + d;
                    answers.add(pool.submit(() -> {
                        together.await();
                        return Doors.result(door.post("/admissions", Doors.scan(token, scanId, showtime)));
                    }));
                }
                List<String> verdicts = new ArrayList<>();
                for (Future<JsonNode> answer : answers) {
                    verdicts.add(answer.get().path("result").asText());
                }
                assertThat(verdicts).as("ticket %d", i).containsExactlyInAnyOrder("ADMITTED", "ALREADY_ADMITTED");
            }
        } finally {
            pool.shutdownNow();
        }
        Integer rows = server.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from admissions where showtime_id = :s")
                        .bind("s", showtime)
                        .mapTo(Integer.class)
                        .one());
        assertThat(rows).isEqualTo(seats.size());
    }
}
