package org.marquee.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The load generator's phases: how many steps each client made, and steps that take a pooled connection in turn. */
class PhaseTest {

    private static final int CONNECTIONS = 2;
    private static final int CLIENTS = 16;

    /**
     * A pool that, like HikariCP with its per-thread list, gives a caller first the connection it last had, and whose
     * waiting callers look again every few milliseconds: a client that gives its connection back takes it again at
     * once, and the others wait the whole phase (without {@link Phase#inTurn}, the test below sees clients with no
     * step at all).
     */
    private static final class FavouringPool {
        private final AtomicIntegerArray free = new AtomicIntegerArray(CONNECTIONS);
        private final int[] last = new int[CLIENTS];
        private final AtomicInteger inside = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();

        FavouringPool() {
            for (int i = 0; i < CONNECTIONS; i++) {
                free.set(i, 1);
            }
            Arrays.fill(last, -1);
        }

        Phase.Outcome use(int client) throws InterruptedException {
            int connection = take(client);
            try {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                Thread.sleep(1);
                return Phase.Outcome.GRANTED;
            } finally {
                inside.decrementAndGet();
                free.set(connection, 1);
            }
        }

        private int take(int client) throws InterruptedException {
            while (true) {
                int mine = last[client];
                if (mine >= 0 && free.compareAndSet(mine, 1, 0)) {
                    return mine;
                }
                for (int i = 0; i < CONNECTIONS; i++) {
                    if (free.compareAndSet(i, 1, 0)) {
                        last[client] = i;
                        return i;
                    }
                }
                Thread.sleep(5);
            }
        }
    }

    private static long fewest(Phase.Result result) {
        return Arrays.stream(result.perClient()).min().orElseThrow();
    }

    @Test
    void stepsTakenInTurnServeEveryClientAndNeverMoreThanThePoolAtOnce() throws Exception {
        FavouringPool pool = new FavouringPool();

        Phase.Result result =
                Phase.run("in turn", CLIENTS, 0, 1, Phase.inTurn(CONNECTIONS, (client, random) -> pool.use(client)));

        assertThat(pool.most.get()).isLessThanOrEqualTo(CONNECTIONS);
        assertThat(fewest(result)).as("the fewest steps one client made").isPositive();
        assertThat(result.count(Phase.Outcome.GRANTED))
                .isEqualTo(Arrays.stream(result.perClient()).sum());
    }
}
