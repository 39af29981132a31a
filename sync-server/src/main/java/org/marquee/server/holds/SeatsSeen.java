package org.marquee.server.holds;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marquee.server.seatrules.HouseSeats;

/**
 * What a request for seats sees of its showtime, read when the seat rules ask (DESIGN §8). Persistence gives one view
 * inside the hold's transaction ({@link #deciding()} true: its reads follow its locks) and one of the committed rows
 * for a first check without any lock, whose refusals are true at the moment they were read.
 */
public interface SeatsSeen {

    /**
     * The database's clock, the seats sold or held live by other terminals, and the showtime's house seats. A read of
     * the whole showtime also gives every live claim with its holder ({@code claimedBy}: seat to terminal, 0 when sold or
     * gone) and the first expiry among them ({@code nextExpiry}, null when nothing is held): what lets the next refusals
     * come from memory (decision 0030). A read of some seats gives an empty {@code claimedBy}.
     */
    record Seen(Instant now, Set<String> taken, HouseSeats house, Map<String, Long> claimedBy, Instant nextExpiry) {
        public Seen {
            // wrapped, not copied: a whole showtime's claims are read for many requests, and their makers hand over
            // collections they no longer touch
            taken = Collections.unmodifiableSet(taken);
            claimedBy = Collections.unmodifiableMap(claimedBy);
        }

        public Seen(Instant now, Set<String> taken, HouseSeats house) {
            this(now, taken, house, Map.of(), null);
        }
    }

    /** The database's clock and the showtime's house seats, as a transaction read them with its first lock. */
    record Opening(Instant now, HouseSeats house) {}

    /** True inside the hold's transaction. */
    boolean deciding();

    /**
     * Inside a new hold's transaction: its time and house seats, already read with the terminal's lock, so that a
     * request with nothing else to check reads no claims (the claim statement decides taken seats). Empty elsewhere.
     */
    default Optional<Opening> opening() {
        return Optional.empty();
    }

    /**
     * Takes the locks of these row segments until the transaction ends, in the order given: two holds bound by the
     * single-seat rule in one segment are decided one after the other. Nothing outside a transaction.
     */
    void lock(List<String> segmentKeys);

    /** The showtime now, its taken seats limited to {@code seatIds} (every seat when empty). */
    Seen read(Collection<String> seatIds);

    /** True when every one of {@code seatIds} is sold. */
    boolean allSold(List<String> seatIds);
}
