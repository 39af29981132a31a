package org.marquee.model;

import java.util.List;

/**
 * Body of {@code PUT /holds/{id}/seats}: the complete new set of seats of the hold; {@code allowSingleSeatGap} as in
 * {@link CreateHoldRequest}.
 */
public record ChangeSeatsRequest(List<String> seatIds, Boolean allowSingleSeatGap) {

    public ChangeSeatsRequest(List<String> seatIds) {
        this(seatIds, null);
    }
}
