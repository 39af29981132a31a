package org.marquee.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Races N terminals for a few hot seats of one showtime: through HTTP ({@code POST /holds}, each new hold releasing
 * the terminal's previous one), then the same acquire SQL straight through JDBC with the server's pool size, round
 * after round. Prints decisions per second (granted + refused), latency percentiles, the ratio HTTP / raw SQL, and
 * after every phase checks in the database that no seat is held by two live holds or sold twice.
 */
@Command(
        name = "holds",
        mixinStandardHelpOptions = true,
        description = "Hold decisions/s through HTTP beside the same acquire SQL through JDBC.")
final class HoldLoad implements Callable<Integer> {

    /**
     * The server's claim statement ({@code SeatClaims.CLAIM} with {@code SeatClaims.takeOrFree}), word for word, with
     * positional parameters.
     */
    static final String CLAIM = """
            insert into seat_claims as c (showtime_id, seat_id, state, hold_id, terminal_id, expires_at, version)
            select ?, s.seat,
                   case when s.take then 'HELD' else 'FREE' end,
                   case when s.take then cast(? as uuid) end,
                   case when s.take then cast(? as bigint) end,
                   case when s.take then cast(? as timestamptz) end,
                   nextval('seat_claim_version')
              from unnest(cast(? as text[]), cast(? as boolean[])) as s (seat, take)
            on conflict (showtime_id, seat_id) do update
               set state = excluded.state, hold_id = excluded.hold_id, terminal_id = excluded.terminal_id,
                   expires_at = excluded.expires_at, version = excluded.version
             where (excluded.state = 'HELD'
                    and (c.state = 'FREE'
                         or (c.state = 'HELD' and (c.expires_at <= now()
                                                   or c.hold_id = excluded.hold_id
                                                   or c.hold_id = cast(? as uuid)))))
                or (excluded.state = 'FREE' and c.state = 'HELD' and c.hold_id = cast(? as uuid))
            returning c.showtime_id, c.seat_id, c.state""";

    @Mixin
    Target target;

    @Option(
            names = "--seats",
            defaultValue = "20",
            description = "Hot seats the clients fight over (default: ${DEFAULT-VALUE}).")
    int seats;

    @Override
    public Integer call() throws Exception {
        target.atLeastOneSeat("--seats", seats);
        long showtimeId = target.showtimeId();
        List<String> hot = target.hotSeats(showtimeId, seats);
        int poolSize = target.poolSize();
        System.out.printf(
                "showtime %d, %d clients, %d hot seats, %d s measured per phase after %d s warm-up, raw-SQL pool %d%n",
                showtimeId, target.clients, hot.size(), target.seconds, target.warmup, poolSize);
        List<Double> httpRates = new ArrayList<>();
        List<Double> rawRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> p99s = new ArrayList<>();
        boolean violated = false;
        try (HikariDataSource db = target.dataSource(poolSize)) {
            long[] terminals = terminalIds(db, target.clients);
            for (int round = 1; round <= target.rounds; round++) {
                Phase.Result http = Phase.run(
                        "http",
                        target.clients,
                        target.warmup,
                        target.seconds,
                        (client, random) -> httpHold(showtimeId, client, pick(hot, random)));
                violated |= !check(db, showtimeId, "after http round " + round);
                RawState[] state = rawState(db, terminals, showtimeId);
                Phase.Result raw = Phase.run(
                        "raw",
                        target.clients,
                        target.warmup,
                        target.seconds,
                        Phase.inTurn(
                                poolSize,
                                (client, random) ->
                                        rawHold(db, showtimeId, terminals[client], state[client], pick(hot, random))));
                violated |= !check(db, showtimeId, "after raw round " + round);
                double h = http.perSecond(Phase.Outcome.GRANTED, Phase.Outcome.REFUSED);
                double r = raw.perSecond(Phase.Outcome.GRANTED, Phase.Outcome.REFUSED);
                httpRates.add(h);
                rawRates.add(r);
                ratios.add(h / r);
                p99s.add(http.latency().getValueAtPercentile(99) / 1e3);
                System.out.printf(
                        "round %d  http: %,.0f decisions/s (%s), %s, %s%n",
                        round, h, http.countsText(), Target.latencies(http.latency()), http.clientsText());
                System.out.printf(
                        "round %d  raw : %,.0f decisions/s (%s), %s, %s%n",
                        round, r, raw.countsText(), Target.latencies(raw.latency()), raw.clientsText());
                System.out.printf("round %d  http / raw = %.2f%n", round, h / r);
            }
        }
        System.out.printf(
                "MEDIAN holds clients=%d seats=%d: http %,.0f decisions/s, p99 %.2f ms, raw SQL %,.0f decisions/s,"
                        + " http/raw %.2f, invariants %s%n",
                target.clients,
                hot.size(),
                Target.median(httpRates),
                Target.median(p99s),
                Target.median(rawRates),
                Target.median(ratios),
                violated ? "VIOLATED" : "held");
        return violated ? 1 : 0;
    }

    static List<String> pick(List<String> hot, SplittableRandom random) {
        String first = hot.get(random.nextInt(hot.size()));
        if (random.nextBoolean() || hot.size() < 2) {
            return List.of(first);
        }
        String second;
        do {
            second = hot.get(random.nextInt(hot.size()));
        } while (second.equals(first));
        return first.compareTo(second) < 0 ? List.of(first, second) : List.of(second, first);
    }

    Phase.Outcome httpHold(long showtimeId, int client, List<String> seatIds) throws Exception {
        String body = "{\"showtimeId\":" + showtimeId + ",\"seatIds\":[\"" + String.join("\",\"", seatIds) + "\"]}";
        return switch (target.connection(client).post("/holds", body).status()) {
            case 201, 200 -> Phase.Outcome.GRANTED;
            case 409 -> Phase.Outcome.REFUSED;
            case 429, 503 -> Phase.Outcome.BUSY;
            default -> Phase.Outcome.ERROR;
        };
    }

    /** A raw-SQL client's current hold: the one its next acquisition releases. */
    static final class RawState {
        UUID hold;
        List<String> seats = List.of();
    }

    static long[] terminalIds(HikariDataSource db, int clients) throws SQLException {
        long[] ids = new long[clients];
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select id from terminals where name = ?")) {
            for (int i = 0; i < clients; i++) {
                s.setString(1, "demo-kiosk-" + (i + 1));
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("No terminal demo-kiosk-" + (i + 1)
                                + ": start the server with --demo-kiosks " + clients);
                    }
                    ids[i] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    /** Each terminal's active hold on the showtime (the HTTP phase left one), so the raw phase releases it too. */
    static RawState[] rawState(HikariDataSource db, long[] terminals, long showtimeId) throws SQLException {
        RawState[] states = new RawState[terminals.length];
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select id, showtime_id, seat_ids from holds"
                        + " where terminal_id = ? and status = 'ACTIVE'")) {
            for (int i = 0; i < terminals.length; i++) {
                states[i] = new RawState();
                s.setLong(1, terminals[i]);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        if (rs.getLong("showtime_id") != showtimeId) {
                            throw new IllegalStateException("terminal " + terminals[i]
                                    + " holds seats of another showtime; release them first");
                        }
                        states[i].hold = rs.getObject("id", UUID.class);
                        states[i].seats =
                                List.of((String[]) rs.getArray("seat_ids").getArray());
                    }
                }
            }
        }
        return states;
    }

    /**
     * The acquire of HoldStore.create without the HTTP layer around it: in one transaction, end the previous hold and
     * put the new one in the terminal's row, and run CLAIM taking the new seats and freeing the previous ones; roll back unless every
     * requested seat came back HELD.
     */
    static Phase.Outcome rawHold(
            HikariDataSource db, long showtimeId, long terminal, RawState state, List<String> seatIds)
            throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                UUID id = UUID.randomUUID();
                OffsetDateTime expiresAt;
                // the terminal's previous hold ended and the new one put in its row in place, as the server does (V18)
                try (PreparedStatement replace = c.prepareStatement("""
                        with ended as (
                            insert into ended_holds (id, showtime_id, terminal_id, status, seat_ids, created_at,
                                                     expires_at, max_expires_at, ended_at, accessible)
                            select hold_id, showtime_id, terminal_id, 'RELEASED', seat_ids, created_at, expires_at,
                                   max_expires_at, now(), accessible
                              from terminal_holds where terminal_id = ? and hold_id is not null)
                        update terminal_holds
                           set hold_id = ?, showtime_id = ?, seat_ids = ?, created_at = now(),
                               expires_at = now() + interval '8 minutes', max_expires_at = now() + interval '20 minutes',
                               accessible = false
                         where terminal_id = ?
                        returning expires_at""")) {
                    replace.setLong(1, terminal);
                    replace.setObject(2, id);
                    replace.setLong(3, showtimeId);
                    replace.setArray(4, c.createArrayOf("text", seatIds.toArray()));
                    replace.setLong(5, terminal);
                    try (ResultSet rs = replace.executeQuery()) {
                        rs.next();
                        expiresAt = rs.getObject(1, OffsetDateTime.class);
                    }
                }
                TreeMap<String, Boolean> rows = new TreeMap<>();
                state.seats.forEach(seat -> rows.put(seat, false));
                seatIds.forEach(seat -> rows.put(seat, true));
                Set<String> held = new HashSet<>();
                try (PreparedStatement claim = c.prepareStatement(CLAIM)) {
                    claim.setLong(1, showtimeId);
                    claim.setObject(2, id);
                    claim.setLong(3, terminal);
                    claim.setObject(4, expiresAt);
                    Array seatArray = c.createArrayOf("text", rows.keySet().toArray());
                    claim.setArray(5, seatArray);
                    claim.setArray(6, c.createArrayOf("boolean", rows.values().toArray()));
                    if (state.hold == null) {
                        claim.setNull(7, Types.OTHER);
                        claim.setNull(8, Types.OTHER);
                    } else {
                        claim.setObject(7, state.hold);
                        claim.setObject(8, state.hold);
                    }
                    try (ResultSet rs = claim.executeQuery()) {
                        while (rs.next()) {
                            if (rs.getString("state").equals("HELD")) {
                                held.add(rs.getString("seat_id"));
                            }
                        }
                    }
                }
                if (held.containsAll(seatIds)) {
                    c.commit();
                    state.hold = id;
                    state.seats = seatIds;
                    return Phase.Outcome.GRANTED;
                }
                c.rollback();
                return Phase.Outcome.REFUSED;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Invariant 1 in the database: no seat held by two live holds, claims agree with holds, nothing sold twice. */
    static boolean check(HikariDataSource db, long showtimeId, String when) throws SQLException {
        String[][] checks = {
            {
                "seats in two live holds",
                "select count(*) from (select seat from holds h cross join unnest(h.seat_ids) seat"
                        + " where h.showtime_id = ? and h.status = 'ACTIVE' and h.expires_at > now()"
                        + " group by seat having count(*) > 1) x"
            },
            {
                "live HELD claims without their live hold",
                "select count(*) from seat_claims c where c.showtime_id = ? and c.state = 'HELD'"
                        + " and c.expires_at > now() and not exists (select 1 from holds h where h.id = c.hold_id"
                        + " and h.status = 'ACTIVE' and c.seat_id = any(h.seat_ids))"
            },
            {
                "live holds missing a claim",
                "select count(*) from holds h cross join unnest(h.seat_ids) seat where h.showtime_id = ?"
                        + " and h.status = 'ACTIVE' and h.expires_at > now() and not exists (select 1 from"
                        + " seat_claims c where c.showtime_id = h.showtime_id and c.seat_id = seat"
                        + " and c.state = 'HELD' and c.hold_id = h.id)"
            },
            {
                "seats sold twice",
                "select count(*) from (select t.seat_id from order_tickets t join orders o on o.id = t.order_id"
                        + " where o.showtime_id = ? and o.status in ('PENDING_PAYMENT', 'PAID')"
                        + " group by t.seat_id having count(*) > 1) x"
            }
        };
        boolean ok = true;
        StringBuilder text = new StringBuilder("check " + when + ":");
        try (Connection c = db.getConnection()) {
            for (String[] check : checks) {
                try (PreparedStatement s = c.prepareStatement(check[1])) {
                    s.setLong(1, showtimeId);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        long n = rs.getLong(1);
                        ok &= n == 0;
                        text.append(' ').append(check[0]).append('=').append(n);
                    }
                }
            }
        }
        System.out.println(text.append(ok ? " OK" : " VIOLATED"));
        return ok;
    }
}
