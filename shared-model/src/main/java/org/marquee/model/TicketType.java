package org.marquee.model;

/** Who a ticket is for; each has its own price in a showtime's price plan. */
public enum TicketType {
    ADULT,
    CHILD,
    SENIOR
}
