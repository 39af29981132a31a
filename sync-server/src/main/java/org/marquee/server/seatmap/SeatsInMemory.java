package org.marquee.server.seatmap;

import java.util.List;
import java.util.Optional;

/**
 * What this instance's seat-map snapshot says of seats a hold asks for, while the snapshot may answer without
 * PostgreSQL (decision 0030): lets the hold path refuse seats that are plainly taken without a database round trip.
 * Grants never come from here.
 */
public interface SeatsInMemory {

    /** Never answers: every hold asks PostgreSQL. */
    SeatsInMemory NONE = new SeatsInMemory() {
        @Override
        public Optional<List<String>> takenByOthers(long showtimeId, long terminalId, List<String> seatIds) {
            return Optional.empty();
        }

        @Override
        public void refusedByDatabase(long showtimeId) {}
    };

    /**
     * Of {@code seatIds}, in their order, those the trusted snapshot shows sold, out of service or held live by a
     * terminal other than {@code terminalId} (an empty list when it shows none); empty when no trusted snapshot exists.
     */
    Optional<List<String>> takenByOthers(long showtimeId, long terminalId, List<String> seatIds);

    /** PostgreSQL refused seats of this showtime: contention, so bring its snapshot up to date for the next refusals. */
    void refusedByDatabase(long showtimeId);
}
