package org.marquee.model;

/** Body of {@code POST /shifts}: the cash in the drawer at the start, in minor units. */
public record OpenShiftRequest(Long floatMinor) {}
