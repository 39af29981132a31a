package org.marquee.model;

/** Whom the no-single-seat-gap rule binds (DESIGN §8): nobody, kiosks only (the default), or everyone. */
public enum SingleSeatRule {
    OFF,
    KIOSK,
    ALL
}
