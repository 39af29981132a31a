package org.marquee.server.seatmap;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
        public Optional<Map<String, Long>> recent(long showtimeId) {
            return Optional.empty();
        }

        @Override
        public void refusedByDatabase(long showtimeId) {}

        @Override
        public long stamp() {
            return 0;
        }

        @Override
        public void observed(long showtimeId, long stamp, Map<String, Long> claimedBy, Instant nextExpiry) {}
    };

    /**
     * Of {@code seatIds}, in their order, those the trusted snapshot shows sold, out of service or held live by a
     * terminal other than {@code terminalId} (an empty list when it shows none); empty when no trusted snapshot exists.
     */
    Optional<List<String>> takenByOthers(long showtimeId, long terminalId, List<String> seatIds);

    /**
     * This instance's newest memory of the showtime's live claims (seat to holding terminal, 0 when sold or gone),
     * trusted or not, if it was read within the last {@link #HINT_AGE}: a hint of whether checking a hold before its
     * transaction would only cost a round trip. Never a reason to grant or refuse.
     */
    Optional<Map<String, Long>> recent(long showtimeId);

    /** How old a memory may be to serve as {@link #recent}'s hint. */
    java.time.Duration HINT_AGE = java.time.Duration.ofMillis(250);

    /** PostgreSQL refused seats of this showtime: contention, so bring its snapshot up to date for the next refusals. */
    void refusedByDatabase(long showtimeId);

    /** Taken before PostgreSQL is read for a hold: a change seen after it leaves what that read saw untrusted. */
    long stamp();

    /**
     * A read of the showtime's every live claim from committed rows, begun after {@code stamp}: seat to holding terminal
     * (0 when sold or gone), and the first expiry among the held ones (null when none is held). Kept for refusals while
     * trusted, as a snapshot is; {@code claimedBy} is kept as given, so it must be a map nobody changes any more.
     */
    void observed(long showtimeId, long stamp, Map<String, Long> claimedBy, Instant nextExpiry);
}
