package org.marquee.model;

/** Body of {@code POST /shifts/current/close}: the cash counted in the drawer at the end, in minor units. */
public record CloseShiftRequest(Long countedCashMinor) {}
