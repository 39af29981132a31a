package org.marquee.server.reports.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.marquee.model.OccupancyRow;
import org.marquee.model.SalesReport;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.reports.Reports;
import org.marquee.server.reports.SalesGrouping;

/**
 * The reports in SQL over orders, tickets, payments and seat claims. A sales report reads ticket-level facts: a sale
 * on the business day its order was paid, a refund on the day the money went back (the order's refund, or later the
 * retry or cash payout that settled a failed card refund), each day in the theater's own time zone. A refund the card
 * provider refused (REFUND_FAILED) is not a refund until it is settled: the cinema still holds that money
 * (docs/decisions/0022). Both statements run in one read-only, repeatable-read transaction so that rows and totals agree.
 */
public final class ReportStore implements Reports {

    /** Every paid ticket as a sale and, for a refunded order, again as a refund; with what each grouping needs. */
    private static final String FACTS = """
            with scope as (
                select o.id as order_id, o.showtime_id, o.terminal_id, o.staff_id, o.status, o.paid_at, o.ended_at,
                       o.currency, th.time_zone, s.movie_id, s.starts_at, m.title, t.name as terminal_name,
                       st.display_name, pay.method, pay.status as pay_status, pay.refunded_at
                  from orders o
                  left join lateral (
                        select p.method, p.status, p.refunded_at from payments p
                         where p.order_id = o.id and p.status in ('APPROVED', 'REFUNDED', 'REFUND_FAILED')
                         order by p.created_at desc limit 1) pay on true
                  join showtimes s on s.id = o.showtime_id
                  join auditoriums a on a.id = s.auditorium_id
                  join theaters th on th.id = a.theater_id
                  join movies m on m.id = s.movie_id
                  join terminals t on t.id = o.terminal_id
                  left join staff st on st.id = o.staff_id
                 where o.paid_at is not null
                   and o.id in (select id from orders where paid_at >= :since and paid_at < :until
                                union all
                                select id from orders
                                 where status = 'REFUNDED' and ended_at >= :since and ended_at < :until
                                union all
                                select order_id from payments where refunded_at >= :since and refunded_at < :until)
                   and (cast(:theaterId as bigint) is null or th.id = :theaterId)
            ),
            facts as (
                select sc.*, ot.ticket_type, ot.price_minor, true as sale, sc.paid_at as at
                  from scope sc join order_tickets ot on ot.order_id = sc.order_id
                union all
                select sc.*, ot.ticket_type, ot.price_minor, false as sale, coalesce(sc.refunded_at, sc.ended_at) as at
                  from scope sc join order_tickets ot on ot.order_id = sc.order_id
                 where sc.status = 'REFUNDED' and coalesce(sc.pay_status, 'REFUNDED') = 'REFUNDED'
            ),
            dated as (
                select f.*, (f.at at time zone f.time_zone)::date as business_day
                  from facts f
            )
            """;

    private static final String MEASURES = """
            count(distinct order_id) filter (where sale) as orders,
            count(*) filter (where sale) as tickets,
            coalesce(sum(price_minor) filter (where sale), 0) as gross,
            coalesce(sum(price_minor) filter (where not sale), 0) as refunds""";

    /** How long a report's statements may run, beside the server's short timeout for the hot path. */
    static final Duration REPORT_TIMEOUT = Duration.ofSeconds(30);

    private final Jdbi jdbi;

    public ReportStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public SalesReport sales(LocalDate from, LocalDate to, Long theaterId, SalesGrouping grouping) {
        return jdbi.withHandle(connection -> {
            // the pool's socket timeout would end a long report before PostgreSQL does; HikariCP puts it back when
            // the connection returns to the pool
            try {
                connection.getConnection().setNetworkTimeout(Runnable::run, (int)
                        REPORT_TIMEOUT.plusSeconds(5).toMillis());
            } catch (SQLException e) {
                throw new ConnectionException(e);
            }
            return connection.inTransaction(handle -> sales(handle, from, to, theaterId, grouping));
        });
    }

    private static SalesReport sales(
            Handle handle, LocalDate from, LocalDate to, Long theaterId, SalesGrouping grouping) {
        handle.execute("set transaction isolation level repeatable read, read only");
        // a month of a busy cinema is tens of thousands of orders: more than the hold path's statement timeout
        // allows, and a manager would rather wait a few seconds than get an error
        handle.execute("set local statement_timeout = '" + REPORT_TIMEOUT.toMillis() + "ms'");
        Group group = group(grouping);
        // the rows and their totals from one reading of the facts: a grouping set per row, and the empty one
        List<Grouped> grouped = handle.createQuery(FACTS + "select " + group.key() + " as key, " + group.label()
                        + " as label, min(" + group.sort() + ") as sort, grouping(" + group.key() + ") as total,"
                        + " array_agg(distinct currency) as currencies, " + MEASURES
                        + " from dated where business_day between :from and :to"
                        + " group by grouping sets ((" + group.key() + ", " + group.label() + "), ())"
                        + " order by total, sort, key")
                .bindMap(window(from, to))
                .bind("theaterId", theaterId)
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> new Grouped(
                        rs.getInt("total") == 1,
                        rs.getInt("total") == 1
                                ? row(rs, "total", "Total")
                                : row(rs, rs.getString("key"), rs.getString("label")),
                        currencies(rs)))
                .list();
        List<SalesReport.Row> rows =
                grouped.stream().filter(g -> !g.total()).map(Grouped::row).toList();
        Grouped totals = grouped.stream().filter(Grouped::total).findFirst().orElseThrow();
        String currency = currency(handle, totals.currencies());
        return new SalesReport(currency, from.toString(), to.toString(), grouping.wireName(), rows, totals.row());
    }

    @Override
    public List<OccupancyRow> occupancy(long theaterId, LocalDate date) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select s.id, m.title, s.starts_at, a.seat_count,
                               count(c.seat_id) filter (where c.state = 'SOLD') as sold,
                               count(c.seat_id) filter (where c.state = 'HELD' and c.expires_at > now()) as held,
                               (select count(*) from admissions ad where ad.showtime_id = s.id) as admitted
                          from showtimes s
                          join auditoriums a on a.id = s.auditorium_id
                          join theaters th on th.id = a.theater_id
                          join movies m on m.id = s.movie_id
                          left join seat_claims c on c.showtime_id = s.id
                         where th.id = :theaterId
                           and s.status = 'ON_SALE'
                           and (s.starts_at at time zone th.time_zone)::date = :date
                         group by s.id, m.title, s.starts_at, a.seat_count
                         order by s.starts_at, s.id""")
                .bind("theaterId", theaterId)
                .bind("date", date)
                .map((rs, ctx) -> {
                    int total = rs.getInt("seat_count");
                    int sold = rs.getInt("sold");
                    double pct = total == 0 ? 0 : Math.round(1000.0 * sold / total) / 10.0;
                    return new OccupancyRow(
                            rs.getLong("id"),
                            rs.getString("title"),
                            rs.getTimestamp("starts_at").toInstant(),
                            total,
                            sold,
                            rs.getInt("held"),
                            pct,
                            rs.getInt("admitted"));
                })
                .list());
    }

    @Override
    public Optional<LocalDate> today(Long theaterId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select (now() at time zone coalesce(
                                   (select time_zone from theaters where id = :theaterId),
                                   (select min(time_zone) from theaters), 'UTC'))::date
                         where cast(:theaterId as bigint) is null
                            or exists (select 1 from theaters where id = :theaterId)""")
                .bind("theaterId", theaterId)
                .mapTo(LocalDate.class)
                .findOne());
    }

    /** A row of the grouped statement: a group's row, or the totals (the empty grouping set). */
    private record Grouped(boolean total, SalesReport.Row row, List<String> currencies) {}

    private static List<String> currencies(ResultSet rs) throws SQLException {
        java.sql.Array array = rs.getArray("currencies");
        return array == null
                ? List.of()
                : Arrays.stream((Object[]) array.getArray())
                        .filter(Objects::nonNull)
                        .map(String::valueOf)
                        .toList();
    }

    /** The one currency of the orders in scope; a report adds amounts, so amounts in several currencies are refused. */
    private static String currency(Handle handle, List<String> currencies) {
        if (currencies.size() > 1) {
            throw MarqueeException.invalid("Orders were paid in " + String.join(" and ", currencies)
                    + "; amounts in different currencies cannot be added up: ask for one theater ('theaterId').");
        }
        if (currencies.size() == 1) {
            return currencies.getFirst();
        }
        return handle.createQuery("select currency from price_plans order by id limit 1")
                .mapTo(String.class)
                .findOne()
                .orElse("EUR");
    }

    /**
     * The instants that can fall on the business days {@code from}..{@code to} in any time zone (UTC−12 to UTC+14),
     * a day wider on each side: the orders paid, refunded, or whose failed card refund was settled then, which the
     * indexes {@code orders_paid_at}, {@code orders_refunded_at} and {@code payments_refunded_at} (V14) find; the
     * exact days are then taken in each theater's zone.
     */
    private static Map<String, Object> window(LocalDate from, LocalDate to) {
        return Map.of(
                "since", OffsetDateTime.of(from.minusDays(1).atStartOfDay(), ZoneOffset.UTC),
                "until", OffsetDateTime.of(to.plusDays(2).atStartOfDay(), ZoneOffset.UTC));
    }

    /** SQL of a grouping's key, label and order, over the columns of {@code dated} (fixed text, never input). */
    private record Group(String key, String label, String sort) {}

    private static Group group(SalesGrouping grouping) {
        return switch (grouping) {
            case DAY -> new Group("business_day::text", "business_day::text", "business_day::text");
            case SHOWTIME ->
                new Group(
                        "showtime_id::text",
                        "title || ' ' || to_char(starts_at at time zone time_zone, 'YYYY-MM-DD HH24:MI')",
                        "to_char(starts_at, 'YYYYMMDDHH24MISS')");
            case MOVIE -> new Group("movie_id::text", "title", "title");
            case TERMINAL -> new Group("terminal_id::text", "terminal_name", "terminal_name");
            case STAFF ->
                new Group(
                        "coalesce(staff_id::text, 'none')",
                        "coalesce(display_name, 'Self-service (no staff)')",
                        "coalesce(display_name, '~')");
            case PAYMENT_METHOD -> new Group("coalesce(method, 'UNKNOWN')", "coalesce(method, 'UNKNOWN')", "method");
            case TICKET_TYPE -> new Group("ticket_type", "ticket_type", "ticket_type");
        };
    }

    private static SalesReport.Row row(ResultSet rs, String key, String label) throws SQLException {
        long gross = rs.getLong("gross");
        long refunds = rs.getLong("refunds");
        return new SalesReport.Row(
                key, label, rs.getLong("orders"), rs.getLong("tickets"), gross, refunds, gross - refunds);
    }
}
