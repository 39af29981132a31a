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
    /** The admin screens (mode admin, a manager signed in), in the order of the admin shell's navigation. */
    ADMIN_THEATERS,
    ADMIN_MOVIES,
    ADMIN_PRICES,
    ADMIN_TERMINALS,
    ADMIN_STAFF,
    ADMIN_AUDIT
}
