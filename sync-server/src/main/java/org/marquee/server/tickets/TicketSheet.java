package org.marquee.server.tickets;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.marquee.model.SeatType;
import org.marquee.model.TicketType;

/**
 * Everything printed on the tickets of one paid order, gathered by the orders code so that rendering and mailing need
 * no database. {@code zone} is the theater's time zone: a ticket shows the local time at the door, not UTC.
 * {@code format} is the showtime's ("3D", "IMAX"; empty when unknown), {@code language} the one the tickets and the
 * e-mail are written in ({@link TicketLanguage}).
 */
public record TicketSheet(
        String theaterName,
        String theaterAddress,
        String movieTitle,
        String rating,
        int runtimeMinutes,
        String auditoriumName,
        Instant startsAt,
        ZoneId zone,
        String bookingCode,
        String currency,
        List<Line> lines,
        String format,
        Locale language) {

    /** English tickets of a showtime whose format is not told. */
    public TicketSheet(
            String theaterName,
            String theaterAddress,
            String movieTitle,
            String rating,
            int runtimeMinutes,
            String auditoriumName,
            Instant startsAt,
            ZoneId zone,
            String bookingCode,
            String currency,
            List<Line> lines) {
        this(
                theaterName,
                theaterAddress,
                movieTitle,
                rating,
                runtimeMinutes,
                auditoriumName,
                startsAt,
                zone,
                bookingCode,
                currency,
                lines,
                "",
                TicketLanguage.ENGLISH);
    }

    public TicketSheet {
        Objects.requireNonNull(theaterName, "theaterName");
        Objects.requireNonNull(movieTitle, "movieTitle");
        Objects.requireNonNull(auditoriumName, "auditoriumName");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(bookingCode, "bookingCode");
        Objects.requireNonNull(currency, "currency");
        theaterAddress = theaterAddress == null ? "" : theaterAddress;
        rating = rating == null ? "" : rating;
        format = format == null ? "" : format.strip();
        language = TicketLanguage.supported(language);
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a ticket sheet needs at least one ticket");
        }
    }

    /** One ticket: a seat, who it is for, what it cost, and the signed token its QR code carries. */
    public record Line(
            String seatId, String row, int number, SeatType seatType, TicketType type, long priceMinor, String token) {
        public Line {
            Objects.requireNonNull(seatId, "seatId");
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(seatType, "seatType");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(token, "token");
        }
    }

    /** The same tickets written in {@code other} (English unless it is a supported language). */
    public TicketSheet in(Locale other) {
        return new TicketSheet(
                theaterName,
                theaterAddress,
                movieTitle,
                rating,
                runtimeMinutes,
                auditoriumName,
                startsAt,
                zone,
                bookingCode,
                currency,
                lines,
                format,
                other);
    }

    public long totalMinor() {
        return lines.stream().mapToLong(Line::priceMinor).sum();
    }
}
