package org.marquee.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Answer of {@code GET /admin/reports/sales} (DESIGN §7.4): one row per group over the business days {@code from} to
 * {@code to} (inclusive, in each theater's time zone). A sale counts on the day it was paid, a refund on the day it was
 * made, so a day's net is what that day's drawers and card batches moved.
 */
public record SalesReport(String currency, LocalDate from, LocalDate to, String groupBy, List<Row> rows, Row totals) {

    /**
     * {@code orders} and {@code tickets} are those paid in the period; {@code grossMinor} what they brought,
     * {@code refundsMinor} what was refunded in the period, {@code netMinor} the difference.
     */
    public record Row(
            String key, String label, long orders, long tickets, long grossMinor, long refundsMinor, long netMinor) {}
}
