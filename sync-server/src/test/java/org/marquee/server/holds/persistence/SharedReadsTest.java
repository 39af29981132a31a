package org.marquee.server.holds.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedReadsTest {

    /** One clock for arrivals and the starts of reads: a read's value is the tick at which it started. */
    private final AtomicLong ticks = new AtomicLong();

    private final AtomicInteger reads = new AtomicInteger();

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aQuietServerReadsAtOnceForEachCheck() {
        SharedReads<Long> shared = new SharedReads<>();
        for (int i = 0; i < 5; i++) {
            long arrived = ticks.incrementAndGet();
            assertThat(shared.read(1, this::startRead)).isGreaterThan(arrived);
        }
        assertThat(reads).hasValue(5);
    }

    @Test
    void checksArrivingWhileAReadIsInTheAirShareOneReadThatStartedAfterAllOfThem() throws Exception {
        SharedReads<Long> shared = new SharedReads<>();
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> first = readInTheAir(shared, 1, release);
        List<Future<long[]>> checks = new ArrayList<>();
        CountDownLatch arrivedAll = new CountDownLatch(20);
        for (int i = 0; i < 20; i++) {
            checks.add(pool.submit(() -> {
                long arrived = ticks.incrementAndGet();
                arrivedAll.countDown();
                return new long[] {arrived, shared.read(1, this::startRead)};
            }));
        }
        assertThat(arrivedAll.await(10, TimeUnit.SECONDS)).isTrue();
        // let the twenty reach their lane before the read in the air ends
        Thread.sleep(500);
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<long[]> check : checks) {
            long[] answer = check.get(10, TimeUnit.SECONDS);
            // never rows read before the check arrived
            assertThat(answer[1]).isGreaterThan(answer[0]);
        }
        // the first read and one shared by the twenty (a straggler could start one more)
        assertThat(reads.get()).isBetween(2, 3);
    }

    @Test
    void aFailedReadFailsEveryCheckThatSharedItAndTheNextCheckReadsAfresh() throws Exception {
        SharedReads<Long> shared = new SharedReads<>();
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> first = readInTheAir(shared, 7, release);
        List<Future<Long>> checks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            checks.add(pool.submit(() -> shared.read(7, () -> {
                startRead();
                throw new IllegalStateException("connection lost");
            })));
        }
        Thread.sleep(300);
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<Long> check : checks) {
            assertThatThrownBy(() -> check.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("connection lost");
        }
        long arrived = ticks.incrementAndGet();
        assertThat(shared.read(7, this::startRead)).isGreaterThan(arrived);
    }

    @Test
    void showtimesDoNotShareReads() throws Exception {
        SharedReads<Long> shared = new SharedReads<>();
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> first = readInTheAir(shared, 1, release);
        // another showtime's read does not wait for showtime 1's
        assertThat(shared.read(2, this::startRead)).isPositive();
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThat(reads).hasValue(2);
    }

    /** A read of the showtime that has started and goes on until {@code release}. */
    private Future<Long> readInTheAir(SharedReads<Long> shared, long showtimeId, CountDownLatch release)
            throws InterruptedException {
        CountDownLatch inTheAir = new CountDownLatch(1);
        Future<Long> read = pool.submit(() -> shared.read(showtimeId, () -> {
            long value = startRead();
            inTheAir.countDown();
            await(release);
            return value;
        }));
        assertThat(inTheAir.await(10, TimeUnit.SECONDS)).isTrue();
        return read;
    }

    private long startRead() {
        reads.incrementAndGet();
        return ticks.incrementAndGet();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
