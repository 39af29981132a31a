package org.marquee.kiosk.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.marquee.kiosk.client.Reports;
import org.marquee.model.OccupancyRow;
import org.marquee.model.PaymentMethod;
import org.marquee.model.SalesReport;
import org.marquee.model.TicketType;

/**
 * Reports as {@code GET /admin/reports/sales} and {@code /occupancy} answer (DESIGN §7.4), computed from the sales a
 * test makes: a sale counts on the day it was paid, a refund on the day it was made; rows per day, showtime, movie,
 * terminal, staff, payment method or ticket type, sorted by key; CSV with the server's header line and RFC 4180
 * quoting. A period backwards or over 366 days, or an unknown grouping, is 422 naming the field; occupancy of an
 * unknown theater 404.
 */
public final class FakeReports implements Reports {

    /** The server's CSV header line (SalesCsv.HEADER). */
    public static final String CSV_HEADER = "key,label,orders,tickets,grossMinor,refundsMinor,netMinor";

    private static final Set<String> GROUPINGS =
            Set.of("day", "showtime", "movie", "terminal", "staff", "paymentMethod", "ticketType");

    /** One paid order: its tickets and their prices, and the day it was refunded, if it was. */
    private record Sale(
            long orderId,
            long theaterId,
            LocalDate paidOn,
            String movie,
            String showtime,
            String terminal,
            String staff,
            PaymentMethod method,
            Map<TicketType, List<Long>> tickets,
            LocalDate refundedOn) {

        long total() {
            return tickets.values().stream()
                    .flatMap(List::stream)
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    private final List<Sale> sales = new ArrayList<>();
    private final Map<Long, Map<LocalDate, List<OccupancyRow>>> occupancy = new TreeMap<>();
    private final Set<Long> theaters;
    private final String currency;

    public FakeReports(Set<Long> theaters, String currency) {
        this.theaters = Set.copyOf(theaters);
        this.currency = currency;
    }

    /** A paid order of {@code adults} adult and {@code children} child tickets at 950 and 650, refunded on a day. */
    public synchronized void sell(
            long theaterId,
            LocalDate paidOn,
            String movie,
            String time,
            String terminal,
            String staff,
            PaymentMethod method,
            int adults,
            int children,
            LocalDate refundedOn) {
        Map<TicketType, List<Long>> tickets = new LinkedHashMap<>();
        if (adults > 0) {
            tickets.put(TicketType.ADULT, java.util.Collections.nCopies(adults, 950L));
        }
        if (children > 0) {
            tickets.put(TicketType.CHILD, java.util.Collections.nCopies(children, 650L));
        }
        sales.add(new Sale(
                sales.size() + 1L,
                theaterId,
                paidOn,
                movie,
                movie + " " + paidOn + " " + time,
                terminal,
                staff,
                method,
                tickets,
                refundedOn));
    }

    /** A showtime of {@code day} at the theater, with seats sold and held. */
    public synchronized void showtime(
            long theaterId,
            LocalDate day,
            long showtimeId,
            String movie,
            Instant startsAt,
            int total,
            int sold,
            int held) {
        double pct = total == 0 ? 0 : Math.round(1000.0 * sold / total) / 10.0;
        occupancy
                .computeIfAbsent(theaterId, id -> new TreeMap<>())
                .computeIfAbsent(day, d -> new ArrayList<>())
                .add(new OccupancyRow(showtimeId, movie, startsAt, total, sold, held, pct));
    }

    @Override
    public synchronized SalesReport sales(SalesQuery query) {
        String grouping = query.groupBy() == null ? "day" : query.groupBy();
        if (!GROUPINGS.contains(grouping)) {
            throw Refusals.invalid(
                    "groupBy",
                    "'groupBy' must be one of day, showtime, movie, terminal, staff, " + "paymentMethod, ticketType; '"
                            + grouping + "' is not.");
        }
        if (query.from() == null || query.to() == null) {
            throw Refusals.invalid("from", "'from' and 'to' are needed in this fake.");
        }
        if (query.from().isAfter(query.to())) {
            throw Refusals.invalid("from", "'from' must not be after 'to'.");
        }
        if (ChronoUnit.DAYS.between(query.from(), query.to()) >= 366) {
            throw Refusals.invalid("to", "A report covers at most 366 days; ask for a shorter period.");
        }
        if (query.theaterId() != null && !theaters.contains(query.theaterId())) {
            throw Refusals.notFound("Theater " + query.theaterId());
        }
        Map<String, long[]> groups = new TreeMap<>();
        Map<String, Set<Sale>> orders = new TreeMap<>();
        long[] totals = new long[4];
        Set<Sale> allOrders = new java.util.HashSet<>();
        for (Sale sale : sales) {
            if (query.theaterId() != null && sale.theaterId() != query.theaterId()) {
                continue;
            }
            boolean paid = within(sale.paidOn(), query);
            boolean refunded = sale.refundedOn() != null && within(sale.refundedOn(), query);
            for (var tickets : sale.tickets().entrySet()) {
                for (long price : tickets.getValue()) {
                    String paidKey = key(grouping, sale, tickets.getKey(), sale.paidOn());
                    String refundKey = key(grouping, sale, tickets.getKey(), sale.refundedOn());
                    if (paid) {
                        long[] group = groups.computeIfAbsent(paidKey, k -> new long[4]);
                        group[1]++;
                        group[2] += price;
                        orders.computeIfAbsent(paidKey, k -> new java.util.HashSet<>())
                                .add(sale);
                        totals[1]++;
                        totals[2] += price;
                        allOrders.add(sale);
                    }
                    if (refunded) {
                        groups.computeIfAbsent(refundKey, k -> new long[4])[3] += price;
                        totals[3] += price;
                    }
                }
            }
        }
        List<SalesReport.Row> rows = new ArrayList<>();
        groups.forEach((key, sums) ->
                rows.add(row(key, orders.getOrDefault(key, Set.of()).size(), sums)));
        totals[0] = allOrders.size();
        SalesReport.Row total = new SalesReport.Row(
                "total", "Total", totals[0], totals[1], totals[2], totals[3], totals[2] - totals[3]);
        return new SalesReport(currency, query.from().toString(), query.to().toString(), grouping, rows, total);
    }

    @Override
    public synchronized String salesCsv(SalesQuery query) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
        for (SalesReport.Row row : sales(query).rows()) {
            csv.append(field(row.key())).append(',').append(field(row.label())).append(',');
            csv.append(row.orders()).append(',').append(row.tickets()).append(',');
            csv.append(row.grossMinor()).append(',').append(row.refundsMinor()).append(',');
            csv.append(row.netMinor()).append("\r\n");
        }
        return csv.toString();
    }

    @Override
    public synchronized List<OccupancyRow> occupancy(long theaterId, LocalDate date) {
        if (!theaters.contains(theaterId)) {
            throw Refusals.notFound("Theater " + theaterId);
        }
        return occupancy.getOrDefault(theaterId, Map.of()).getOrDefault(date, List.of()).stream()
                .sorted(java.util.Comparator.comparing(OccupancyRow::startsAt)) // as the server: by start
                .toList();
    }

    private static boolean within(LocalDate day, SalesQuery query) {
        return !day.isBefore(query.from()) && !day.isAfter(query.to());
    }

    private static String key(String grouping, Sale sale, TicketType type, LocalDate day) {
        Function<Sale, String> key = switch (grouping) {
            case "showtime" -> Sale::showtime;
            case "movie" -> Sale::movie;
            case "terminal" -> Sale::terminal;
            case "staff" -> s -> s.staff() == null ? "Self-service (no staff)" : s.staff();
            case "paymentMethod" -> s -> s.method().name();
            case "ticketType" -> s -> type.name();
            default -> s -> String.valueOf(day);
        };
        return key.apply(sale);
    }

    private static SalesReport.Row row(String key, long orders, long[] sums) {
        return new SalesReport.Row(key, key, orders, sums[1], sums[2], sums[3], sums[2] - sums[3]);
    }

    private static String field(String text) {
        String value = text == null ? "" : text;
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
