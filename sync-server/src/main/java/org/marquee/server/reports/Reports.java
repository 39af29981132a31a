package org.marquee.server.reports;

import java.time.LocalDate;
import java.util.List;
import org.marquee.model.OccupancyRow;
import org.marquee.model.SalesReport;

/** The managers' reports (DESIGN §7.4), read from what the sales wrote; nothing here changes anything. */
public interface Reports {

    /** Sales over business days {@code from}..{@code to}, of one theater or (null) all of them. */
    SalesReport sales(LocalDate from, LocalDate to, Long theaterId, SalesGrouping grouping);

    /** The showtimes of a theater on a business day with their seats sold and held now. */
    List<OccupancyRow> occupancy(long theaterId, LocalDate date);

    /** Today in the theater's time zone (for null, the theaters' zone, the first by name if they differ); empty when no such theater. */
    java.util.Optional<LocalDate> today(Long theaterId);
}
