package org.marquee.kiosk.testing;

import java.time.Duration;
import org.marquee.kiosk.client.ApiProblem;

/** The fake box office's network: how long each call takes to answer, and whether the server can be reached. */
final class Connection {

    private volatile boolean offline;
    private volatile Duration latency = Duration.ZERO;

    void latency(Duration delay) {
        latency = delay;
    }

    void offline(boolean on) {
        offline = on;
    }

    /** Waits as long as a call takes over the network. */
    void pause() {
        if (!latency.isZero()) {
            sleep(latency);
        }
    }

    /** Fails as the client does when the server cannot be reached. */
    void reachable() {
        if (offline) {
            throw ApiProblem.unreachable("The server cannot be reached. Check the network and try again.");
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
