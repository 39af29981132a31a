package org.marquee.model;

/** Life of a seat hold (lease): ACTIVE until it expires, is released, or is confirmed by a paid order. */
public enum HoldStatus {
    ACTIVE,
    EXPIRED,
    RELEASED,
    CONFIRMED
}
