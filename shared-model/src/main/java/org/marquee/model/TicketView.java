package org.marquee.model;

/**
 * A ticket of an order: seat, types, price, and once paid the signed {@code token} that the QR code carries (a door
 * scanner checks it offline with {@link TicketToken}).
 */
public record TicketView(
        String seatId, String row, int number, SeatType seatType, TicketType type, long priceMinor, String token) {}
