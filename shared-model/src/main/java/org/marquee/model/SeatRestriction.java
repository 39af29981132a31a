package org.marquee.model;

/**
 * Why a seat is not for everyone right now (DESIGN §8): kept for accessible holds (a wheelchair space or companion
 * seat not yet released) or a house seat kept for the counter and managers.
 */
public enum SeatRestriction {
    ACCESSIBLE,
    HOUSE
}
