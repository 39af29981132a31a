package org.marquee.server.seatmap;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatView;
import org.marquee.server.catalog.CatalogService;
import org.marquee.server.catalog.ShowtimeFacts;
import org.marquee.server.seatmap.persistence.SeatClaimReader;
import org.marquee.server.seatrules.SeatRules;
import org.marquee.server.seatrules.ShowtimeRules;

/**
 * Serves seat maps from an in-memory snapshot per showtime. Each request costs one index probe for the current
 * version; the full map is read again only when that version moved (on this or any other server instance) or a hold
 * in it lapsed.
 */
public final class SeatMapService {

    private final CatalogService catalog;
    private final SeatClaimReader claims;
    private final Clock clock;
    private final Map<Long, SeatMapSnapshot> snapshots = new ConcurrentHashMap<>();
    private final SeatMapChanges changes;
    private final SeatRules rules;

    /**
     * {@code changes} is told when a read freed lapsed holds or passed the release of a seat restriction (a new version
     * other instances must see).
     */
    public SeatMapService(
            CatalogService catalog, SeatClaimReader claims, Clock clock, SeatMapChanges changes, SeatRules rules) {
        this.rules = rules;
        this.changes = changes;
        this.catalog = catalog;
        this.claims = claims;
        this.clock = clock;
    }

    public SeatMapSnapshot current(long showtimeId) {
        ShowtimeFacts showtime = catalog.showtime(showtimeId);
        SeatMapSnapshot cached = snapshots.get(showtimeId);
        Instant now = Instant.now(clock);
        if (cached != null && cached.lapsedAt(now)) {
            if (claims.freeLapsed(showtimeId) > 0) {
                changes.changed(showtimeId);
            }
            cached = null;
        }
        if (cached != null && cached.releasedAt(now)) {
            cached = null;
        }
        if (cached != null && cached.version() == claims.currentVersion(showtimeId)) {
            return cached;
        }
        // a new version may come with a new layout (an admin change bumps the version with it): read the facts afresh
        ShowtimeFacts facts = catalog.freshShowtime(showtimeId);
        SeatRuleRow row = claims.seatRules(showtimeId);
        ShowtimeRules seatRules = rules.of(facts).withHouse(row.house());
        Instant released = seatRules.lastRelease(now);
        if (released != null && (row.settledAt() == null || row.settledAt().isBefore(released))) {
            // a restriction that ended by itself changes what clients see, so the version must move: once per
            // release instant, whichever instance gets there first
            if (claims.settle(showtimeId, released)) {
                changes.changed(showtimeId);
            }
            row = claims.seatRules(showtimeId);
        }
        SeatMapSnapshot fresh = build(facts, seatRules, row.version(), claims.claims(showtimeId), now);
        snapshots.merge(showtimeId, fresh, (old, next) -> next.version() >= old.version() ? next : old);
        return fresh;
    }

    static SeatMapSnapshot build(
            ShowtimeFacts showtime, ShowtimeRules seatRules, long rulesVersion, List<ClaimRow> rows, Instant now) {
        Map<String, ClaimRow> bySeat = new HashMap<>(rows.size() * 2);
        long version = rulesVersion;
        Instant nextExpiry = null;
        for (ClaimRow row : rows) {
            bySeat.put(row.seatId(), row);
            version = Math.max(version, row.version());
            if (row.heldUntil() != null
                    && (nextExpiry == null || row.heldUntil().isBefore(nextExpiry))) {
                nextExpiry = row.heldUntil();
            }
        }
        boolean othersAllSold = seatRules.otherSeats().stream()
                .allMatch(id -> bySeat.containsKey(id) && bySeat.get(id).status() == SeatStatus.SOLD);
        List<SeatView> seats = new ArrayList<>(showtime.layout().seats().size());
        for (SeatDefinition seat : showtime.layout().seats()) {
            ClaimRow claim = bySeat.get(seat.id());
            SeatStatus status =
                    seat.blocked() ? SeatStatus.BLOCKED : claim == null ? SeatStatus.AVAILABLE : claim.status();
            seats.add(new SeatView(
                    seat.id(),
                    seat.row(),
                    seat.number(),
                    seat.x(),
                    seat.y(),
                    seat.type(),
                    status,
                    seatRules.restriction(seat, now, othersAllSold)));
        }
        return new SeatMapSnapshot(new SeatMap(showtime.id(), version, seats), nextExpiry, seatRules.nextRelease(now));
    }
}
