package org.marquee.kiosk.adminreports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marquee.kiosk.core.Money;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.OccupancyRow;
import org.marquee.model.SalesReport;
import org.marquee.model.TheaterSettings;

/**
 * A report's rows as what the charts draw: one {@link Figure} per bar or slice, its value in the unit the axis shows
 * (money in major units, "54.50", never minor units) and the text a person reads. Plain Java: the view turns figures
 * into chart data.
 */
final class ReportFigures {

    /** The longest movie title shown under an occupancy bar; a longer one is cut with "…". */
    static final int TITLE_LENGTH = 22;

    private ReportFigures() {}

    /** One bar or slice: what it is called, its value on the axis, and how it reads. */
    record Figure(String label, double value, String text) {}

    /** Net revenue of every day from {@code from} to {@code to}, a day without sales as 0 (the report omits it). */
    static List<Figure> revenueByDay(SalesReport report, LocalDate from, LocalDate to, Messages messages) {
        Map<String, Long> net = new HashMap<>();
        report.rows().forEach(row -> net.put(row.key(), row.netMinor()));
        List<Figure> bars = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            long minor = net.getOrDefault(date.toString(), 0L);
            bars.add(new Figure(
                    dayName(date, messages), major(minor, report.currency()), money(minor, report, messages)));
        }
        return bars;
    }

    /** "Wed 2 Dec" in English, "mié 2 dic" in Spanish. */
    static String dayName(LocalDate date, Messages messages) {
        return DateTimeFormatter.ofPattern(messages.get("admin.reports.dayPattern"), messages.locale())
                .format(date);
    }

    /** Net revenue per payment method, named in the terminal's language. */
    static List<Figure> byPaymentMethod(SalesReport report, Messages messages) {
        return report.rows().stream()
                .map(row -> new Figure(
                        messages.find("payment.method." + row.key()).orElse(row.label()),
                        major(row.netMinor(), report.currency()),
                        money(row.netMinor(), report, messages)))
                .toList();
    }

    /** Tickets sold per ticket type, named in the terminal's language. */
    static List<Figure> byTicketType(SalesReport report, Messages messages) {
        return report.rows().stream()
                .filter(row -> row.tickets() > 0)
                .map(row -> {
                    String name = messages.find("tickets.type." + row.key()).orElse(row.label());
                    return new Figure(
                            messages.get("admin.reports.slice", name, row.tickets()),
                            row.tickets(),
                            messages.get("admin.reports.tickets", row.tickets()));
                })
                .toList();
    }

    /** Seats sold per showtime in percent, each bar named by its time and movie. */
    static List<Figure> occupancy(List<OccupancyRow> rows, ZoneId zone, Messages messages) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        return rows.stream()
                .map(row -> new Figure(
                        time.format(row.startsAt()) + " " + shortTitle(row.movieTitle()),
                        row.occupancyPct(),
                        messages.get("admin.reports.occupancyText", row.occupancyPct(), row.sold(), row.seatsTotal())))
                .toList();
    }

    /** A row's name: a payment method or ticket type in the terminal's language, else the server's label. */
    static String rowName(String grouping, SalesReport.Row row, Messages messages) {
        return switch (grouping == null ? "" : grouping) {
            case "paymentMethod" -> messages.find("payment.method." + row.key()).orElse(row.label());
            case "ticketType" -> messages.find("tickets.type." + row.key()).orElse(row.label());
            default -> row.label();
        };
    }

    /** The theater's zone, or this terminal's when the theater names none it knows. */
    static ZoneId zone(TheaterSettings theater) {
        try {
            return ZoneId.of(theater.timeZone());
        } catch (RuntimeException e) {
            return ZoneId.systemDefault();
        }
    }

    static String shortTitle(String title) {
        if (title == null) {
            return "";
        }
        return title.length() <= TITLE_LENGTH
                ? title
                : title.substring(0, TITLE_LENGTH - 1).strip() + "…";
    }

    /** {@code minor} units as the axis counts them: 5450 cents are 54.5. */
    static double major(long minor, String currency) {
        return BigDecimal.valueOf(minor, Money.fractionDigits(currency)).doubleValue();
    }

    private static String money(long minor, SalesReport report, Messages messages) {
        return Money.format(minor, report.currency(), messages.locale());
    }
}
