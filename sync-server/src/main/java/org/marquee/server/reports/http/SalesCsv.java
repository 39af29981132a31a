package org.marquee.server.reports.http;

import org.marquee.model.SalesReport;

/** A sales report's rows as CSV (RFC 4180): a header line, then one line per row; the totals are not a row. */
final class SalesCsv {

    static final String HEADER = "key,label,orders,tickets,grossMinor,refundsMinor,netMinor";

    private SalesCsv() {}

    static String of(SalesReport report) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (SalesReport.Row row : report.rows()) {
            csv.append(field(row.key()))
                    .append(',')
                    .append(field(row.label()))
                    .append(',')
                    .append(row.orders())
                    .append(',')
                    .append(row.tickets())
                    .append(',')
                    .append(row.grossMinor())
                    .append(',')
                    .append(row.refundsMinor())
                    .append(',')
                    .append(row.netMinor())
                    .append("\r\n");
        }
        return csv.toString();
    }

    /**
     * A text field, quoted when it holds a comma, quote or line break; a leading =, +, - or @ is prefixed with an
     * apostrophe so that a movie title cannot become a spreadsheet formula (CSV injection).
     */
    static String field(String text) {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
