package org.marquee.server.holds;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.marquee.model.ErrorCode;
import org.marquee.model.SeatDefinition;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;
import org.marquee.server.seatrules.BestAvailable;
import org.marquee.server.seatrules.Gaps;
import org.marquee.server.seatrules.Hall;
import org.marquee.server.seatrules.ShowtimeRules;

/**
 * Best available (DESIGN §8, decision 0015): chooses the best {@code count} seats the caller may have from what the
 * transaction reads, then, when the single-seat rule binds the caller, locks their segments and reads them again. If
 * the block was taken or would now leave a single seat, the choice is lost and the transaction starts over.
 */
public final class BestSeats implements SeatChoice {

    private final ShowtimeRules rules;
    private final Principal caller;
    private final int count;
    private final boolean accessible;

    public BestSeats(ShowtimeRules rules, Principal caller, int count, boolean accessible) {
        this.rules = rules;
        this.caller = caller;
        this.count = count;
        this.accessible = accessible;
    }

    @Override
    public boolean choosesSeats() {
        return true;
    }

    @Override
    public List<String> decide(SeatsSeen seen) {
        SeatsSeen.Seen all = seen.read(List.of());
        ShowtimeRules seenRules = rules.withHouse(all.house());
        boolean released =
                seenRules.accessibleReleased(all.now(), false) || (!accessible && seen.allSold(seenRules.otherSeats()));
        BestAvailable.Ask ask = new BestAvailable.Ask(
                count, seenRules.eligible(caller.role(), accessible, all.now(), released), accessible, !released);
        List<String> chosen = BestAvailable.choose(seenRules, all.taken(), ask)
                .orElseThrow(() -> new MarqueeException(
                        ErrorCode.SEATS_UNAVAILABLE,
                        count == 1
                                ? "There is no free seat left for this showtime."
                                : "There are not " + count + " free seats left for this showtime.",
                        Map.of("seatIds", List.of())));
        if (!seen.deciding() || !rules.rule().binds(caller.role(), false)) {
            return chosen;
        }
        Hall hall = rules.hall();
        // every place of the block's segments: it may move to the next best block of its segment under these locks
        seen.lock(chosen.stream()
                .map(hall::segmentOf)
                .distinct()
                .flatMap(segment -> segment.lockKeys().stream())
                .sorted()
                .toList());
        SeatsSeen.Seen again = seen.read(chosen.stream()
                .map(hall::segmentOf)
                .distinct()
                .flatMap(segment -> segment.seats().stream())
                .map(SeatDefinition::id)
                .toList());
        boolean gapFree = Gaps.stranded(hall, all.taken(), chosen).isEmpty();
        boolean taken = chosen.stream().anyMatch(again.taken()::contains);
        if (!taken && (!gapFree || Gaps.stranded(hall, again.taken(), chosen).isEmpty())) {
            return chosen;
        }
        // another request took the block (or its neighbours) meanwhile: the next best block of this segment, whose
        // lock is held and whose seats were just read, is as good a choice; only when it has none, start over
        Set<Hall.Segment> segments = chosen.stream().map(hall::segmentOf).collect(Collectors.toSet());
        if (segments.size() != 1) {
            throw new LostRace();
        }
        return BestAvailable.chooseWithin(
                        seenRules, again.taken(), ask, segments.iterator().next(), gapFree)
                .orElseThrow(LostRace::new);
    }
}
