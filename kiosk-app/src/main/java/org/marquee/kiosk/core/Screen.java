package org.marquee.kiosk.core;

/** The screens of the application, in the order of a sale where they have one. */
public enum Screen {
    SETUP,
    LOGIN,
    SHOWTIMES,
    SEAT_MAP,
    TICKETS,
    PAYMENT,
    DONE,
    LOOKUP,
    SCANNER
}
