package org.marquee.kiosk.pickup;

/**
 * An order found for a pick-up, in the words the screen shows. {@code code} and {@code email} are what it was found
 * with, so printing and mailing ask for the same order; {@code notice} says why there is nothing to print (refunded,
 * cancelled, never paid), empty when {@code paid}.
 */
public record PickedOrder(
        String code, String email, String showtime, String seats, String status, String notice, boolean paid) {}
