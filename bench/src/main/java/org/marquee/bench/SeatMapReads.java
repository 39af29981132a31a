package org.marquee.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatLayout;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Seat-map reads per second of one showtime, round after round: {@code GET /showtimes/{id}/seats} without and with
 * {@code If-None-Match}, beside the naive baseline done through JDBC with the server's pool size: per request the
 * auditorium's layout, one row per seat joined with its claim, and the JSON built from them.
 */
@Command(
        name = "reads",
        mixinStandardHelpOptions = true,
        description = "Seat-map reads/s with and without ETag, beside a row-per-seat query per request.")
final class SeatMapReads implements Callable<Integer> {

    private static final String ROW_PER_SEAT = """
            select s.seat, c.state, c.expires_at > now() as live, c.version
              from unnest(cast(? as text[])) as s (seat)
              left join seat_claims c on c.showtime_id = ? and c.seat_id = s.seat""";

    @Mixin
    Target target;

    @Override
    public Integer call() throws Exception {
        long showtimeId = target.showtimeId();
        String path = "/showtimes/" + showtimeId + "/seats";
        int poolSize = target.poolSize();
        System.out.printf(
                "showtime %d, %d clients, %d s measured per phase after %d s warm-up, naive pool %d%n",
                showtimeId, target.clients, target.seconds, target.warmup, poolSize);
        List<Double> full = new ArrayList<>();
        List<Double> etag = new ArrayList<>();
        List<Double> naive = new ArrayList<>();
        try (HikariDataSource db = target.dataSource(poolSize)) {
            for (int round = 1; round <= target.rounds; round++) {
                Phase.Result a = Phase.run("full", target.clients, target.warmup, target.seconds, (client, r) -> {
                    return target.connection(client).get(path, null).status() == 200
                            ? Phase.Outcome.OK
                            : Phase.Outcome.ERROR;
                });
                String version = target.connection(0).get(path, null).etag();
                Phase.Result b = Phase.run("etag", target.clients, target.warmup, target.seconds, (client, r) -> {
                    return switch (target.connection(client).get(path, version).status()) {
                        case 304 -> Phase.Outcome.NOT_MODIFIED;
                        case 200 -> Phase.Outcome.OK;
                        default -> Phase.Outcome.ERROR;
                    };
                });
                Phase.Result c = Phase.run("naive", target.clients, target.warmup, target.seconds, (client, r) -> {
                    naiveRead(db, showtimeId);
                    return Phase.Outcome.OK;
                });
                double fa = a.perSecond(Phase.Outcome.OK);
                double fb = b.perSecond(Phase.Outcome.OK, Phase.Outcome.NOT_MODIFIED);
                double fc = c.perSecond(Phase.Outcome.OK);
                full.add(fa);
                etag.add(fb);
                naive.add(fc);
                System.out.printf(
                        "round %d  full 200   : %,.0f reads/s (%s), %s%n",
                        round, fa, a.countsText(), Target.latencies(a.latency()));
                System.out.printf(
                        "round %d  etag 304   : %,.0f reads/s (%s), %s%n",
                        round, fb, b.countsText(), Target.latencies(b.latency()));
                System.out.printf(
                        "round %d  naive JDBC : %,.0f reads/s (%s), %s%n",
                        round, fc, c.countsText(), Target.latencies(c.latency()));
                System.out.printf(
                        "round %d  etag/naive %.1f, full/naive %.1f, etag/full %.1f%n",
                        round, fb / fc, fa / fc, fb / fa);
            }
        }
        System.out.printf(
                "MEDIAN reads clients=%d: full %,.0f/s, etag %,.0f/s, naive row-per-seat %,.0f/s,"
                        + " etag/naive %.1f, full/naive %.1f%n",
                target.clients,
                Target.median(full),
                Target.median(etag),
                Target.median(naive),
                Target.median(etag) / Target.median(naive),
                Target.median(full) / Target.median(naive));
        return 0;
    }

    /** What a server without snapshots would do per request: read the layout, one row per seat, build the JSON. */
    static byte[] naiveRead(HikariDataSource db, long showtimeId) throws Exception {
        try (Connection c = db.getConnection()) {
            SeatLayout layout;
            try (PreparedStatement s = c.prepareStatement("select a.layout from showtimes s"
                    + " join auditoriums a on a.id = s.auditorium_id where s.id = ?")) {
                s.setLong(1, showtimeId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    layout = SeatLayout.parse(List.of((String[]) rs.getArray(1).getArray()));
                }
            }
            Map<String, SeatStatus> status = new HashMap<>();
            long version = 0;
            try (PreparedStatement s = c.prepareStatement(ROW_PER_SEAT)) {
                s.setArray(
                        1,
                        c.createArrayOf(
                                "text",
                                layout.seats().stream().map(SeatDefinition::id).toArray()));
                s.setLong(2, showtimeId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String state = rs.getString(2);
                        SeatStatus st = state == null
                                ? SeatStatus.AVAILABLE
                                : state.equals("SOLD")
                                        ? SeatStatus.SOLD
                                        : state.equals("HELD") && rs.getBoolean(3)
                                                ? SeatStatus.HELD
                                                : SeatStatus.AVAILABLE;
                        status.put(rs.getString(1), st);
                        version = Math.max(version, rs.getLong(4));
                    }
                }
            }
            List<SeatView> seats = new ArrayList<>(layout.seats().size());
            for (SeatDefinition seat : layout.seats()) {
                seats.add(new SeatView(
                        seat.id(),
                        seat.row(),
                        seat.number(),
                        seat.x(),
                        seat.y(),
                        seat.type(),
                        seat.blocked() ? SeatStatus.BLOCKED : status.get(seat.id())));
            }
            return Target.JSON.writeValueAsBytes(new SeatMap(showtimeId, version, seats));
        }
    }
}
