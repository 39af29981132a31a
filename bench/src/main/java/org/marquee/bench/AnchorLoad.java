package org.marquee.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Marquee's hold path beside the locking schemes of the systems people would pick instead ({@link AnchorSchemes}):
 * the same clients, the same seat choices (one or two seats, at random), the same PostgreSQL and pool, round after
 * round, under contention (few hot seats) and without it (a whole hall), with the invariant checked after every phase.
 * Prints decisions/s (granted + refused), p50/p99, and each scheme's ratio to Marquee's HTTP path.
 */
@Command(
        name = "anchors",
        mixinStandardHelpOptions = true,
        description = "Marquee's holds beside pretix's, alf.io's and a naive locking scheme on the same database.")
final class AnchorLoad implements Callable<Integer> {

    static final List<String> SCHEMES = List.of("marquee-http", "marquee-claim", "pretix", "alfio", "naive");

    @Mixin
    Target target;

    @Option(
            names = "--hot-seats",
            defaultValue = "20",
            description = "Seats fought over in the contended workload (default: ${DEFAULT-VALUE}).")
    int hotSeats;

    @Option(
            names = "--hall-seats",
            defaultValue = "300",
            description = "Seats spread over in the uncontended workload (default: ${DEFAULT-VALUE}).")
    int hallSeats;

    /** Medians of one scheme in one workload. */
    private record Figures(double perSecond, double p50, double p99, boolean held) {}

    @Override
    public Integer call() throws Exception {
        target.atLeastOneSeat("--hot-seats", hotSeats);
        target.atLeastOneSeat("--hall-seats", hallSeats);
        long showtimeId = target.showtimeId();
        HoldLoad marquee = new HoldLoad();
        marquee.target = target;
        boolean violated = false;
        Map<String, Map<String, Figures>> table = new LinkedHashMap<>();
        try (HikariDataSource db = target.dataSource(target.poolSize())) {
            long[] terminals = HoldLoad.terminalIds(db, target.clients);
            for (int wanted : List.of(hotSeats, hallSeats)) {
                List<String> seats = target.hotSeats(showtimeId, wanted);
                String workload = seats.size() + " seats";
                System.out.printf(
                        "workload %s: %d clients, %d s per phase after %d s warm-up, pool %d%n",
                        workload, target.clients, target.seconds, target.warmup, target.poolSize());
                AnchorSchemes.prepare(db, seats);
                Map<String, List<double[]>> runs = new LinkedHashMap<>();
                Map<String, Boolean> held = new LinkedHashMap<>();
                for (int round = 1; round <= target.rounds; round++) {
                    for (String scheme : SCHEMES) {
                        HoldLoad.RawState[] state =
                                scheme.equals("marquee-claim") ? HoldLoad.rawState(db, terminals, showtimeId) : null;
                        Phase.Result result = Phase.run(
                                scheme,
                                target.clients,
                                target.warmup,
                                target.seconds,
                                step(scheme, (client, random) -> {
                                    List<String> pick = HoldLoad.pick(seats, random);
                                    return switch (scheme) {
                                        case "marquee-http" -> marquee.httpHold(showtimeId, client, pick);
                                        case "marquee-claim" ->
                                            HoldLoad.rawHold(db, showtimeId, terminals[client], state[client], pick);
                                        case "pretix" -> AnchorSchemes.pretix(db, client + 1, pick);
                                        case "alfio" -> AnchorSchemes.alfio(db, client + 1, pick);
                                        default -> AnchorSchemes.naive(db, client + 1, pick);
                                    };
                                }));
                        boolean ok = scheme.startsWith("marquee")
                                ? HoldLoad.check(db, showtimeId, "after " + scheme + " round " + round)
                                : AnchorSchemes.doubleHeld(db, scheme) == 0;
                        held.merge(scheme, ok, Boolean::logicalAnd);
                        violated |= !ok;
                        double rate = result.perSecond(Phase.Outcome.GRANTED, Phase.Outcome.REFUSED);
                        runs.computeIfAbsent(scheme, s -> new ArrayList<>()).add(new double[] {
                            rate,
                            result.latency().getValueAtPercentile(50) / 1e3,
                            result.latency().getValueAtPercentile(99) / 1e3
                        });
                        System.out.printf(
                                "round %d %-14s %,8.0f decisions/s (%s), %s, %s, invariant %s%n",
                                round,
                                scheme,
                                rate,
                                result.countsText(),
                                Target.latencies(result.latency()),
                                result.clientsText(),
                                ok ? "held" : "VIOLATED");
                    }
                }
                Map<String, Figures> figures = new LinkedHashMap<>();
                runs.forEach((scheme, list) -> figures.put(
                        scheme,
                        new Figures(
                                Target.median(list.stream().map(r -> r[0]).toList()),
                                Target.median(list.stream().map(r -> r[1]).toList()),
                                Target.median(list.stream().map(r -> r[2]).toList()),
                                held.get(scheme))));
                table.put(workload, figures);
            }
        }
        print(table);
        return violated ? 1 : 0;
    }

    /** Raw-SQL schemes take this process's pool in turn, as the server's requests take its pool. */
    private Phase.Step step(String scheme, Phase.Step step) {
        return scheme.equals("marquee-http") ? step : Phase.inTurn(target.poolSize(), step);
    }

    private void print(Map<String, Map<String, Figures>> table) {
        System.out.printf("%nMEDIANS (%d clients, %d rounds)%n", target.clients, target.rounds);
        System.out.println("| workload | scheme | decisions/s | p50 ms | p99 ms | invariant | Marquee HTTP ÷ scheme |");
        System.out.println("|---|---|---|---|---|---|---|");
        table.forEach((workload, figures) -> {
            double http = figures.get("marquee-http").perSecond();
            figures.forEach((scheme, f) -> System.out.printf(
                    "| %s | %s | %,.0f | %.1f | %.1f | %s | %.2f |%n",
                    workload,
                    scheme,
                    f.perSecond(),
                    f.p50(),
                    f.p99(),
                    f.held() ? "held" : "VIOLATED",
                    http / f.perSecond()));
            double bestPeer = figures.entrySet().stream()
                    .filter(e -> !e.getKey().startsWith("marquee"))
                    .mapToDouble(e -> e.getValue().perSecond())
                    .max()
                    .orElse(Double.NaN);
            System.out.printf("%s: Marquee HTTP ÷ best peer scheme = %.2f%n", workload, http / bestPeer);
        });
    }
}
