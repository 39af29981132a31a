package org.marquee.server.holds;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.seatrules.HouseSeats;

/**
 * A showtime's seats as this instance last remembered them (seat to holding terminal, 0 when sold or gone), trusted or
 * not: enough to tell whether the first check before a hold's transaction would only cost a round trip. Never the
 * reason for a grant or, on its own, for a refusal: house seats and sold-out halls are not in memory, so the choice may
 * pass here and still be refused where it is decided.
 */
final class RememberedSeats implements SeatsSeen {

    private final Map<String, Long> claimedBy;
    private final long terminalId;

    private RememberedSeats(Map<String, Long> claimedBy, long terminalId) {
        this.claimedBy = claimedBy;
        this.terminalId = terminalId;
    }

    /** True when {@code choice} finds nothing to refuse in what this instance remembers of its showtime. */
    static boolean wouldPass(SeatChoice choice, Map<String, Long> claimedBy, long terminalId) {
        try {
            choice.decide(new RememberedSeats(claimedBy, terminalId));
            return true;
        } catch (SeatChoice.SeatsTaken | MarqueeException refused) {
            return false;
        }
    }

    @Override
    public boolean deciding() {
        return false;
    }

    @Override
    public void lock(List<String> segmentKeys) {}

    @Override
    public Seen read(Collection<String> seatIds) {
        if (seatIds.isEmpty()) {
            return new Seen(Instant.now(), new TakenByOthers(claimedBy, terminalId), HouseSeats.NONE, claimedBy, null);
        }
        Set<String> taken = new HashSet<>();
        for (String seat : seatIds) {
            Long holder = claimedBy.get(seat);
            // the terminal's own seats count as free: its new hold releases them
            if (holder != null && holder != terminalId) {
                taken.add(seat);
            }
        }
        return new Seen(Instant.now(), taken, HouseSeats.NONE, Map.of(), null);
    }

    @Override
    public boolean allSold(List<String> seatIds) {
        return false;
    }
}
