package org.marquee.kiosk.client;

import java.time.LocalDate;
import java.util.List;
import org.marquee.model.OccupancyRow;
import org.marquee.model.SalesReport;

/** {@code GET /admin/reports/sales} (JSON and CSV) and {@code /admin/reports/occupancy} (DESIGN §7.4). Blocking. */
public interface Reports {

    SalesReport sales(SalesQuery query);

    /** The same rows as the server writes them with {@code Accept: text/csv}: a header line, RFC 4180. */
    String salesCsv(SalesQuery query);

    List<OccupancyRow> occupancy(long theaterId, LocalDate date);

    /**
     * Business days {@code from} to {@code to}, both included; {@code theaterId} null for every theater;
     * {@code groupBy} one of {@code day, showtime, movie, terminal, staff, paymentMethod, ticketType}.
     */
    record SalesQuery(LocalDate from, LocalDate to, Long theaterId, String groupBy) {

        public SalesQuery groupedBy(String grouping) {
            return new SalesQuery(from, to, theaterId, grouping);
        }
    }
}
