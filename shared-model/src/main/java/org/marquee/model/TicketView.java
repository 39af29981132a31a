package org.marquee.model;

/**
 * A ticket of an order: its id, seat, types, price, and once paid the signed {@code token} that the QR code carries
 * (a door scanner checks it offline with {@link SignedTicketToken} and the keys of {@code GET /ticket-keys}).
 */
public record TicketView(
        String seatId,
        String row,
        int number,
        SeatType seatType,
        TicketType type,
        long priceMinor,
        String token,
        Long ticketId) {

    /** A ticket whose id is not known (a client's own draft). */
    public TicketView(
            String seatId, String row, int number, SeatType seatType, TicketType type, long priceMinor, String token) {
        this(seatId, row, number, seatType, type, priceMinor, token, null);
    }
}
