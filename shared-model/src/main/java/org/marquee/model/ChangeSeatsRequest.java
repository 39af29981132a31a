package org.marquee.model;

import java.util.List;

/** Body of {@code PUT /holds/{id}/seats}: the complete new set of seats of the hold. */
public record ChangeSeatsRequest(List<String> seatIds) {}
