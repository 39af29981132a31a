package org.marquee.server.holds;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** How a request to take or change seats ended: all granted, refused because seats are taken, or the hold lapsed. */
public sealed interface HoldResult {

    /**
     * Every requested seat is held; the hold as it now is. {@code releasedElsewhere} is the showtime of the terminal's
     * previous hold when creating this one released seats of another showtime.
     */
    record Granted(HoldRecord hold, OptionalLong releasedElsewhere) implements HoldResult {
        public Granted(HoldRecord hold) {
            this(hold, OptionalLong.empty());
        }
    }

    /**
     * Nothing changed: these requested seats are held or sold by someone else, or out of service. {@code seen} is the
     * whole showtime as the refusal read it from committed rows, when it read it whole (decision 0030).
     */
    record Taken(List<String> seatIds, Optional<SeatsSeen.Seen> seen) implements HoldResult {
        public Taken {
            seatIds = List.copyOf(seatIds);
        }

        public Taken(List<String> seatIds) {
            this(seatIds, Optional.empty());
        }
    }

    /** Nothing changed: the hold is no longer active (expired, released or confirmed). */
    record Lapsed(HoldRecord hold) implements HoldResult {}
}
