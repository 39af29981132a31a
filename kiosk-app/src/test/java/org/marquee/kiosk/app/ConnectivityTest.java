package org.marquee.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.core.Connectivity;
import org.marquee.kiosk.core.UiThread;
import org.marquee.model.ErrorCode;

/**
 * Connectivity's rules with a probe the test controls; the whole round trip with a real server that goes away and
 * comes back is {@code OfflineStartTest}.
 */
class ConnectivityTest {

    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    final AtomicBoolean serverAnswers = new AtomicBoolean(false);
    final AtomicInteger probes = new AtomicInteger();
    final Connectivity connectivity = new Connectivity(
            UiThread.DIRECT,
            scheduler,
            () -> {
                probes.incrementAndGet();
                if (!serverAnswers.get()) {
                    throw ApiProblem.unreachable("no server");
                }
                return "UP";
            },
            Duration.ofMillis(50),
            () -> "Offline, sorry.");

    @AfterEach
    void stop() {
        connectivity.close();
        scheduler.shutdownNow();
    }

    @Test
    void aTerminalStartsOnlineAndMaySell() {
        assertThat(connectivity.isOnline()).isTrue();
        assertThat(connectivity.onlineProperty().get()).isTrue();
        connectivity.requireOnline();
    }

    @Test
    void aRefusalFromTheServerIsNotBeingOffline() {
        connectivity.reportFailure(new ApiProblem(401, ErrorCode.UNAUTHORIZED, "Bad token", Map.of()));
        connectivity.reportFailure(new ApiProblem(503, ErrorCode.SERVICE_UNAVAILABLE, "Busy", Map.of()));

        assertThat(connectivity.isOnline()).isTrue();
    }

    @Test
    void anUnreachableServerTurnsItOfflineAndSalesAreRefusedUntilItAnswers() {
        AtomicInteger backOnline = new AtomicInteger();
        connectivity.onBackOnline(backOnline::incrementAndGet);

        connectivity.reportFailure(ApiProblem.unreachable("The box-office server cannot be reached."));

        assertThat(connectivity.onlineProperty().get()).isFalse();
        ApiProblem refusal = catchThrowableOfType(ApiProblem.class, connectivity::requireOnline);
        assertThat(refusal.getMessage()).isEqualTo("Offline, sorry.");
        assertThat(refusal.offline()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> probes.get() >= 3);
        assertThat(connectivity.isOnline()).isFalse();
        assertThat(backOnline).hasValue(0);

        serverAnswers.set(true);

        await().atMost(Duration.ofSeconds(5)).until(connectivity::isOnline);
        assertThat(connectivity.onlineProperty().get()).isTrue();
        assertThat(backOnline).hasValue(1);
        connectivity.requireOnline();
        int probesWhenOnline = probes.get();
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> probes.get() == probesWhenOnline);
    }

    @Test
    void reportingTwiceStartsOnePoll() {
        connectivity.reportFailure(ApiProblem.unreachable("down"));
        connectivity.reportFailure(ApiProblem.unreachable("still down"));
        serverAnswers.set(true);

        await().atMost(Duration.ofSeconds(5)).until(connectivity::isOnline);
        int probesWhenOnline = probes.get();
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> probes.get() == probesWhenOnline);
    }

    @Test
    void aWatchedTerminalNoticesALostServerWithoutAnyRequestAndItsReturn() {
        serverAnswers.set(true);
        AtomicBoolean configured = new AtomicBoolean(false);
        connectivity.watch(configured::get);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> probes.get() == 0);

        configured.set(true);
        await().atMost(Duration.ofSeconds(2)).until(() -> probes.get() >= 2);
        assertThat(connectivity.isOnline()).isTrue();

        serverAnswers.set(false); // the server stops; nobody touches the terminal
        await().atMost(Duration.ofSeconds(2))
                .until(() -> !connectivity.onlineProperty().get());

        serverAnswers.set(true);
        await().atMost(Duration.ofSeconds(2))
                .until(() -> connectivity.onlineProperty().get());
    }

    @Test
    void aWatchedServerThatRefusesIsStillOnline() {
        Connectivity refusing = new Connectivity(
                UiThread.DIRECT,
                scheduler,
                () -> {
                    probes.incrementAndGet();
                    throw new ApiProblem(503, ErrorCode.DATABASE_UNAVAILABLE, "No database", Map.of());
                },
                Duration.ofMillis(50),
                null);
        refusing.watch(() -> true);

        await().atMost(Duration.ofSeconds(2)).until(() -> probes.get() >= 3);
        assertThat(refusing.isOnline()).isTrue();
        refusing.close();
    }

    @Test
    void theEnglishMessageIsTheDefault() {
        Connectivity plain = new Connectivity(UiThread.DIRECT, scheduler, () -> "UP");
        plain.reportFailure(ApiProblem.unreachable("down"));

        assertThat(catchThrowableOfType(ApiProblem.class, plain::requireOnline).getMessage())
                .isEqualTo("This terminal is offline; sales resume when the server is back.");
        plain.close();
    }
}
