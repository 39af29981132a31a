package org.marquee.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How long a manager waits for a month's sales report over a large order history (issue 12): seeds {@code --orders}
 * paid orders of theater 1 spread over the last {@code --days} days (once; a second run finds them), signs in as the
 * demo manager and asks for the last 30 days grouped by day, showtime and payment method, as JSON and CSV, and for one
 * day. Prints the median time of each, the ratio month ÷ day, and the sequential scans of {@code orders} the reports
 * made ({@code pg_stat_user_tables}): a report that reads by index makes none.
 */
@Command(
        name = "reports",
        mixinStandardHelpOptions = true,
        description = "A month's sales report over a large order history: time and sequential scans.")
final class ReportLoad implements Callable<Integer> {

    private static final String MARK = "report-bench@example.com";
    private static final String BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Mixin
    Target target;

    @Option(names = "--orders", defaultValue = "100000", description = "Orders to seed (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(
            names = "--days",
            defaultValue = "90",
            description = "Days the orders spread over (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--repeat",
            defaultValue = "9",
            description = "Requests per report measured (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() throws Exception {
        try (var pool = target.dataSource(2)) {
            long seeded = seed(pool);
            long total = count(pool, "select count(*) from orders");
            System.out.printf("orders in the database: %,d (%,d seeded by this bench)%n", total, seeded);

            MiniHttp manager = new MiniHttp(target.server, "Bearer demo-counter-1");
            MiniHttp.Answer session =
                    manager.exchange("POST", "/sessions", "", "{\"username\":\"morgan\",\"pin\":\"9999\"}");
            if (session.status() != 201) {
                System.err.println(
                        "cannot sign in as morgan on demo-counter-1: " + session.status() + " " + session.body());
                return 1;
            }
            manager.authorization("Bearer "
                    + Target.JSON.readTree(session.body()).path("token").asText());

            LocalDate today = LocalDate.now(ZoneId.of("Europe/Madrid"));
            String month = "theaterId=1&from=" + today.minusDays(30) + "&to=" + today.minusDays(1);
            String day = "theaterId=1&from=" + today.minusDays(1) + "&to=" + today.minusDays(1);
            // PostgreSQL publishes a backend's table statistics when it has been idle for a while: wait them out
            Thread.sleep(12_000);
            long scansBefore = seqScans(pool);
            long reportsStart = System.nanoTime();
            double dayMs = time(manager, "/admin/reports/sales?groupBy=day&" + day, "", "one day, by day, JSON");
            double monthMs = 0;
            for (String groupBy : List.of("day", "showtime", "paymentMethod")) {
                double ms = time(
                        manager,
                        "/admin/reports/sales?groupBy=" + groupBy + "&" + month,
                        "",
                        "30 days, by " + groupBy + ", JSON");
                if (groupBy.equals("day")) {
                    monthMs = ms;
                }
            }
            time(manager, "/admin/reports/sales?groupBy=day&" + month, "Accept: text/csv\r\n", "30 days, by day, CSV");
            long busy = System.nanoTime() - reportsStart;
            Thread.sleep(12_000);
            long scans = seqScans(pool) - scansBefore;
            // the server's own background work (sweepers) scans too: the same time without reports, for comparison
            long idleBefore = seqScans(pool);
            Thread.sleep(busy / 1_000_000 + 12_000);
            long idle = seqScans(pool) - idleBefore;
            System.out.printf(
                    "MEDIAN reports orders=%d: month by day %.1f ms, one day %.1f ms, month/day %.1f,"
                            + " sequential scans of orders: %d during the reports, %d in as long without them%n",
                    total, monthMs, dayMs, monthMs / dayMs, scans, idle);
        }
        return 0;
    }

    private double time(MiniHttp http, String path, String headers, String label) throws Exception {
        List<Double> ms = new ArrayList<>();
        MiniHttp.Answer last = null;
        for (int i = 0; i < repeat + 2; i++) {
            long start = System.nanoTime();
            last = http.exchange("GET", path, headers, null);
            double took = (System.nanoTime() - start) / 1e6;
            if (last.status() != 200) {
                throw new IllegalStateException(path + ": " + last.status() + " " + last.body());
            }
            if (i == 0) {
                System.out.printf("  %-32s first request %7.1f ms%n", label, took);
            } else if (i >= 2) {
                ms.add(took);
            }
        }
        double median = Target.median(ms);
        System.out.printf(
                "  %-32s median %7.1f ms over %d requests, %,d bytes%n", label, median, repeat, last.bodyLength());
        return median;
    }

    /** Seeds the orders once (marked by their e-mail); answers how many seeded orders there are. */
    private long seed(DataSource pool) throws SQLException {
        long existing = count(pool, "select count(*) from orders where email = '" + MARK + "'");
        if (existing >= orders) {
            return existing;
        }
        long start = System.nanoTime();
        try (Connection c = pool.getConnection();
                Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("create temp table seed on commit drop as"
                    + " select g, gen_random_uuid() as hold_id, gen_random_uuid() as order_id,"
                    + "        (select array_agg(s.id order by s.id) from showtimes s"
                    + "           join auditoriums a on a.id = s.auditorium_id where a.theater_id = 1) as showtimes,"
                    + "        now() - (random() * " + days + ") * interval '1 day' as paid_at,"
                    + "        random() < 0.05 as refunded, random() < 0.6 as card, g % 2 = 0 as counter"
                    + "   from generate_series(" + (existing + 1) + ", " + orders + ") g");
            String code = "'Q'" + codeDigits();
            st.execute(
                    "insert into ended_holds (id, showtime_id, terminal_id, status, seat_ids, created_at, expires_at,"
                            + "                    max_expires_at, ended_at)"
                            + " select hold_id, showtimes[1 + g % cardinality(showtimes)],"
                            + "        (select id from terminals where name = case when counter then 'demo-counter-1'"
                            + "                                                  else 'demo-kiosk-1' end limit 1),"
                            + "        'CONFIRMED', array['Z1', 'Z2'], paid_at, paid_at, paid_at, paid_at from seed");
            st.execute("insert into orders (id, code, hold_id, showtime_id, terminal_id, staff_id, status, email,"
                    + "                     total_minor, currency, created_at, paid_at, ended_at)"
                    + " select order_id, " + code + ", s.hold_id, h.showtime_id, h.terminal_id,"
                    + "        case when counter then (select id from staff where username = 'alice') end,"
                    + "        case when refunded then 'REFUNDED' else 'PAID' end, '" + MARK + "', 2150, 'EUR',"
                    + "        paid_at, paid_at, case when refunded then least(now(), paid_at + interval '1 day') end"
                    + "   from seed s join holds h on h.id = s.hold_id");
            st.execute("insert into order_tickets (order_id, seat_id, ticket_type, seat_type, price_minor)"
                    + " select order_id, 'Z1', 'ADULT', 'STANDARD', 1250 from seed"
                    + " union all select order_id, 'Z2', 'CHILD', 'STANDARD', 900 from seed");
            st.execute("insert into payments (id, order_id, method, status, amount_minor, currency, card_last4,"
                    + "                       tendered_minor, change_minor, created_at, refunded_at)"
                    + " select gen_random_uuid(), order_id, case when card then 'CARD' else 'CASH' end,"
                    + "        case when refunded then 'REFUNDED' else 'APPROVED' end, 2150, 'EUR',"
                    + "        case when card then '4242' end, case when card then null else 2150 end,"
                    + "        case when card then null else 0 end, paid_at,"
                    + "        case when refunded then least(now(), paid_at + interval '1 day') end from seed");
            c.commit();
            // a database in service has had autovacuum through its orders; a bulk load has not yet
            c.setAutoCommit(true);
            st.execute("vacuum analyze orders, order_tickets, payments, ended_holds");
        }
        System.out.printf("seeded %,d orders in %.1f s%n", orders - existing, (System.nanoTime() - start) / 1e9);
        return orders;
    }

    /** SQL for five base-36 digits of {@code g}: the seeded codes are Q00001, Q00002, … (never a real order's). */
    private static String codeDigits() {
        StringBuilder sql = new StringBuilder();
        for (int i = 4; i >= 0; i--) {
            sql.append(" || substr('")
                    .append(BASE36)
                    .append("', 1 + (g / ")
                    .append((long) Math.pow(36, i))
                    .append(")::int % 36, 1)");
        }
        return sql.toString();
    }

    private static long seqScans(DataSource pool) throws SQLException {
        return count(pool, "select seq_scan from pg_stat_user_tables where relname = 'orders'");
    }

    private static long count(DataSource pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement st = c.prepareStatement(sql);
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
