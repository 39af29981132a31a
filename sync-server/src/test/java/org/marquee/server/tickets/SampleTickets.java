package org.marquee.server.tickets;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.marquee.model.SeatType;
import org.marquee.model.TicketToken;
import org.marquee.model.TicketType;

/** A realistic paid order's ticket sheet, with genuinely signed tokens. */
final class SampleTickets {

    static final byte[] KEY = "sample ticket key, thirty-two bytes or more".getBytes(StandardCharsets.US_ASCII);
    static final Instant STARTS_AT = Instant.parse("2026-11-22T18:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private SampleTickets() {}

    static TicketSheet sheet() {
        return sheet("Dune: Part Three");
    }

    static TicketSheet sheet(String movieTitle) {
        return new TicketSheet(
                "Marquee Rivoli",
                "12 Rue de Rivoli, 75004 Paris",
                movieTitle,
                "15A",
                166,
                "Screen 2",
                STARTS_AT,
                ZONE,
                "ABC234",
                "EUR",
                List.of(
                        line("F7", "F", 7, SeatType.STANDARD, TicketType.ADULT, 950),
                        line("F8", "F", 8, SeatType.STANDARD, TicketType.CHILD, 650),
                        line("A12", "A", 12, SeatType.WHEELCHAIR, TicketType.SENIOR, 700)));
    }

    static TicketSheet.Line line(
            String seatId, String row, int number, SeatType seatType, TicketType type, long price) {
        String token = TicketToken.sign(new TicketToken.Claims("ABC234", 1042, seatId, type, STARTS_AT), KEY);
        return new TicketSheet.Line(seatId, row, number, seatType, type, price, token);
    }
}
