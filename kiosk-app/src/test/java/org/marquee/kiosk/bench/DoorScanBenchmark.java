package org.marquee.kiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marquee.kiosk.cache.DoorCache;
import org.marquee.kiosk.scanner.DoorCheck;
import org.marquee.kiosk.scanner.DoorVerdict;
import org.marquee.model.AdmissionVerdict;
import org.marquee.model.RevokedTicket;
import org.marquee.model.SignedTicketToken;
import org.marquee.model.TicketType;

/**
 * Verdicts per second at a door (docs/BENCHMARKS.md): 1,000 scans in a row with 5,000 revoked tickets in the cache.
 * Measures the verdict alone (what the usher waits for) and the verdict plus the scan's row in the door's H2 queue
 * (what the background does). Run: {@code java -cp <kiosk test classpath> org.marquee.kiosk.bench.DoorScanBenchmark}.
 */
public final class DoorScanBenchmark {

    private static final int REVOKED = 5_000;
    private static final int SCANS = 1_000;
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Instant start = Instant.now().plusSeconds(1800);
        List<RevokedTicket> revoked = new ArrayList<>();
        for (int i = 0; i < REVOKED; i++) {
            revoked.add(new RevokedTicket(1_000_000 + i, 42, "R" + i, "REFUNDED"));
        }
        Path dir = Files.createTempDirectory("door-bench");
        try (DoorCache cache = DoorCache.open(dir)) {
            cache.addRevoked(revoked, "1");
            for (int round = 1; round <= ROUNDS; round++) {
                // a fresh set of tickets each round, one in ten of them revoked
                List<String> tokens = new ArrayList<>();
                for (int i = 0; i < SCANS; i++) {
                    long id = i % 10 == 0 ? 1_000_000 + i : round * 10_000L + i;
                    tokens.add(SignedTicketToken.sign(
                            new SignedTicketToken.Claims(id, "K7QXPA", 42, "S" + i, TicketType.ADULT, start),
                            "bench",
                            key.getPrivate()));
                }
                DoorCheck check = new DoorCheck();
                check.keys(Map.of("bench", key.getPublic()));
                // the door's start: the revoked list from its H2 store into memory
                long loadStart = System.nanoTime();
                cache.revoked().forEach(r -> check.revoke(r.ticketId(), r.reason()));
                long loadNanos = System.nanoTime() - loadStart;

                int admitted = 0;
                var threads = java.lang.management.ManagementFactory.getThreadMXBean();
                long cpuStart = threads.getCurrentThreadCpuTime();
                long verdictStart = System.nanoTime();
                List<DoorVerdict> verdicts = new ArrayList<>(SCANS);
                for (String token : tokens) {
                    DoorVerdict verdict = check.check(token, 42L, Instant.now(), "bench-door");
                    verdicts.add(verdict);
                    admitted += verdict.result() == AdmissionVerdict.ADMITTED ? 1 : 0;
                }
                long verdictNanos = System.nanoTime() - verdictStart;
                // CPU time too: on a machine shared with other work, wall time says more about the neighbours
                long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;

                long queueStart = System.nanoTime();
                for (int i = 0; i < SCANS; i++) {
                    DoorVerdict v = verdicts.get(i);
                    cache.queue(new DoorCache.QueuedScan(
                            UUID.randomUUID().toString(),
                            tokens.get(i),
                            Instant.now(),
                            42L,
                            v.ticketId(),
                            v.seatId(),
                            v.result().name()));
                }
                long queueNanos = System.nanoTime() - queueStart;
                System.out.printf(
                        "round=%d revoked=%d scans=%d admitted=%d load_revoked_ms=%.1f verdicts_per_s=%.0f"
                                + " verdict_avg_us=%.1f verdicts_per_cpu_s=%.0f queue_rows_per_s=%.0f%n",
                        round,
                        check.revokedCount(),
                        SCANS,
                        admitted,
                        loadNanos / 1e6,
                        SCANS / (verdictNanos / 1e9),
                        verdictNanos / 1e3 / SCANS,
                        SCANS / (cpuNanos / 1e9),
                        SCANS / (queueNanos / 1e9));
            }
        }
    }
}
