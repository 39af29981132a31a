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
    /** Kiosk: a customer picks up tickets bought elsewhere, by booking code and e-mail. */
    PICKUP,
    /** Counter: open or close the clerk's cash shift. */
    SHIFT,
    /** Admin: the seat-layout editor of the theater's auditoriums. */
    LAYOUT_EDITOR,
    /** Admin: the week schedule of an auditorium. */
    SCHEDULE,
    /** The admin screens (mode admin, a manager signed in), in the order of the admin shell's navigation. */
    ADMIN_THEATERS,
    ADMIN_MOVIES,
    ADMIN_PRICES,
    ADMIN_TERMINALS,
    ADMIN_STAFF,
    /** Admin: who holds seats now, with the force release (DESIGN §7.3). */
    ADMIN_HOLDS,
    /** Admin: sales and occupancy reports with charts and CSV export (DESIGN §7.4). */
    ADMIN_REPORTS,
    ADMIN_AUDIT,
    ADMIN_CASH,
    ADMIN_REFUNDS,
    SCANNER
}
