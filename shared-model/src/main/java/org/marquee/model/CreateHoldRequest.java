package org.marquee.model;

import java.util.List;

/**
 * Body of {@code POST /holds}: either the seats of one showtime to hold, all or none ({@code seatIds}), or how many
 * seats to hold where they are best ({@code count}, DESIGN §8). {@code accessible} asks for wheelchair spaces and
 * companion seats; {@code allowSingleSeatGap} lets a clerk or manager leave a single seat under the rule {@code ALL}
 * (audited).
 */
public record CreateHoldRequest(
        Long showtimeId, List<String> seatIds, Integer count, Boolean accessible, Boolean allowSingleSeatGap) {

    /** Exactly these seats, no seat rule overridden. */
    public CreateHoldRequest(Long showtimeId, List<String> seatIds) {
        this(showtimeId, seatIds, null, null, null);
    }
}
