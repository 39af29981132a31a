package org.marquee.server.seatmap;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatView;
import org.marquee.server.catalog.CatalogService;
import org.marquee.server.catalog.ShowtimeFacts;
import org.marquee.server.seatmap.persistence.SeatClaimReader;
import org.marquee.server.seatrules.SeatRules;
import org.marquee.server.seatrules.ShowtimeRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves seat maps from an in-memory snapshot per showtime. While {@link SnapshotTrust} trusts a snapshot (the change
 * listener is healthy, nothing changed since it was read, its lease is not over) it answers without PostgreSQL
 * (decision 0029); otherwise a request costs one index probe for the current version, and the full map is read again
 * only when that version moved (on this or any other server instance) or a hold in it lapsed.
 */
public final class SeatMapService implements SeatsInMemory {

    private static final Logger log = LoggerFactory.getLogger(SeatMapService.class);

    /** The least time between two refreshes of one showtime's snapshot after refusals by PostgreSQL. */
    private static final long REFRESH_GAP_NANOS = 50_000_000L;

    private static final long HINT_NANOS = HINT_AGE.toNanos();

    /**
     * A snapshot with the trust stamp and the time of the read or check that last confirmed it, and the versions of the
     * showtime read just before its claims were (a later check that finds the same confirms it).
     */
    private record Cached(SeatMapSnapshot snapshot, SeatClaimReader.Versions versions, long stamp, long readNanos) {}

    /** A hold refusal's read of every live claim of a showtime (seat to holder), under its trust stamp. */
    private record Observed(Map<String, Long> claimedBy, Instant nextExpiry, long stamp, long readNanos) {}

    private final CatalogService catalog;
    private final SeatClaimReader claims;
    private final Clock clock;
    private final Map<Long, Cached> snapshots = new ConcurrentHashMap<>();
    private final SeatMapChanges changes;
    private final SeatRules rules;
    private final SnapshotTrust trust;
    private final LongAdder fromMemory = new LongAdder();
    private final LongAdder fromDatabase = new LongAdder();
    private final Set<Long> refreshing = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> refreshedAt = new ConcurrentHashMap<>();
    private final Map<Long, Observed> observedClaims = new ConcurrentHashMap<>();

    /**
     * {@code changes} is told when a read freed lapsed holds or passed the release of a seat restriction (a new version
     * other instances must see).
     */
    public SeatMapService(
            CatalogService catalog, SeatClaimReader claims, Clock clock, SeatMapChanges changes, SeatRules rules) {
        this(catalog, claims, clock, changes, rules, SnapshotTrust.never());
    }

    /** {@code trust} decides when a snapshot may answer without asking PostgreSQL. */
    public SeatMapService(
            CatalogService catalog,
            SeatClaimReader claims,
            Clock clock,
            SeatMapChanges changes,
            SeatRules rules,
            SnapshotTrust trust) {
        this.trust = trust;
        this.rules = rules;
        this.changes = changes;
        this.catalog = catalog;
        this.claims = claims;
        this.clock = clock;
    }

    /** Seat maps answered from memory alone, without a database round trip. */
    public long readsFromMemory() {
        return fromMemory.sum();
    }

    /** Seat maps answered after asking PostgreSQL (the version probe, and a reload when it moved). */
    public long readsFromDatabase() {
        return fromDatabase.sum();
    }

    public SeatMapSnapshot current(long showtimeId) {
        // an unknown showtime is 404 here, from the catalog's cache
        catalog.showtime(showtimeId);
        Instant now = Instant.now(clock);
        SeatMapSnapshot trusted = trusted(showtimeId, now);
        if (trusted != null) {
            fromMemory.increment();
            return trusted;
        }
        fromDatabase.increment();
        return read(showtimeId, now);
    }

    @Override
    public Optional<List<String>> takenByOthers(long showtimeId, long terminalId, List<String> seatIds) {
        Instant now = Instant.now(clock);
        SeatMapSnapshot trusted = trusted(showtimeId, now);
        if (trusted != null) {
            return Optional.of(trusted.takenByOthers(terminalId, seatIds));
        }
        Observed seen = observedClaims.get(showtimeId);
        if (seen != null
                && (seen.nextExpiry() == null || now.isBefore(seen.nextExpiry()))
                && trust.trusts(showtimeId, seen.stamp(), seen.readNanos(), System.nanoTime())) {
            return Optional.of(SeatMapSnapshot.takenByOthers(seen.claimedBy(), terminalId, seatIds));
        }
        return Optional.empty();
    }

    @Override
    public Optional<Map<String, Long>> recent(long showtimeId) {
        long now = System.nanoTime();
        Cached entry = snapshots.get(showtimeId);
        Observed seen = observedClaims.get(showtimeId);
        // the newer of the two memories, trusted or not: a hint, never an answer
        if (entry != null && (seen == null || entry.readNanos() - seen.readNanos() >= 0)) {
            return now - entry.readNanos() < HINT_NANOS
                    ? Optional.of(entry.snapshot().claimedBy())
                    : Optional.empty();
        }
        return seen != null && now - seen.readNanos() < HINT_NANOS ? Optional.of(seen.claimedBy()) : Optional.empty();
    }

    @Override
    public long stamp() {
        return trust.stamp();
    }

    @Override
    public void observed(long showtimeId, long stamp, Map<String, Long> claimedBy, Instant nextExpiry) {
        // kept as given (SeatsInMemory#observed): copying a showtime's claims on every refusal was measurable
        Observed next = new Observed(claimedBy, nextExpiry, stamp, System.nanoTime());
        observedClaims.merge(showtimeId, next, (old, candidate) -> candidate.stamp() > old.stamp() ? candidate : old);
    }

    @Override
    public void refusedByDatabase(long showtimeId) {
        if (trusted(showtimeId, Instant.now(clock)) != null) {
            return;
        }
        // while grants come faster than this, a fresh snapshot would be untrusted before it helped: refresh at most
        // once per gap, one at a time
        Long last = refreshedAt.get(showtimeId);
        if ((last != null && System.nanoTime() - last < REFRESH_GAP_NANOS) || !refreshing.add(showtimeId)) {
            return;
        }
        // off the refused request's thread, one at a time per showtime: the refusal's answer does not wait for it
        Thread.ofVirtual().name("seatmap-refresh-" + showtimeId).start(() -> {
            try {
                read(showtimeId, Instant.now(clock));
            } catch (RuntimeException e) {
                // the next read or refusal asks PostgreSQL again; nothing is lost
                log.debug("event=seatmap_refresh_failed showtimeId={} error={}", showtimeId, e.toString());
            } finally {
                refreshedAt.put(showtimeId, System.nanoTime());
                refreshing.remove(showtimeId);
            }
        });
    }

    /** The showtime's snapshot while it may answer without PostgreSQL (decision 0029), else null. */
    private SeatMapSnapshot trusted(long showtimeId, Instant now) {
        Cached entry = snapshots.get(showtimeId);
        if (entry != null
                && !entry.snapshot().lapsedAt(now)
                && !entry.snapshot().releasedAt(now)
                && trust.trusts(showtimeId, entry.stamp(), entry.readNanos(), System.nanoTime())) {
            return entry.snapshot();
        }
        return null;
    }

    /** Asks PostgreSQL for the current version, and reads the map again when it moved. */
    private SeatMapSnapshot read(long showtimeId, Instant now) {
        Cached entry = snapshots.get(showtimeId);
        SeatMapSnapshot cached = entry == null ? null : entry.snapshot();
        if (cached != null && cached.lapsedAt(now)) {
            if (claims.freeLapsed(showtimeId) > 0) {
                changes.changed(showtimeId);
            }
            cached = null;
        }
        if (cached != null && cached.releasedAt(now)) {
            cached = null;
        }
        // taken before PostgreSQL is asked: a change seen from now on leaves what is read here untrusted
        long stamp = trust.stamp();
        long readNanos = System.nanoTime();
        // the digest, not the highest version: a change may commit with a lower version than one already read
        SeatClaimReader.Versions versions = claims.currentVersions(showtimeId);
        if (cached != null && entry.versions().equals(versions)) {
            keep(showtimeId, new Cached(cached, versions, stamp, readNanos));
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
        if (entry != null
                && fresh.version() <= entry.snapshot().version()
                && !entry.versions().equals(versions)) {
            // a change committed with a lower version than one already read: the highest version did not move, and
            // clients, whose ETags and events go by it, would never see the change. Move it, and read again.
            claims.moveVersionPast(showtimeId, entry.snapshot().version());
            changes.changed(showtimeId);
            return read(showtimeId, now);
        }
        // versions read before the claims: a change committed in between leaves them behind, and the next check reads
        // again rather than trusting this snapshot too long
        keep(showtimeId, new Cached(fresh, versions, stamp, readNanos));
        return fresh;
    }

    /**
     * Keeps the snapshot read or confirmed last: a read that took its stamp later saw every change that the earlier one
     * saw. Not the highest version: a change can commit with a lower version than one already read.
     */
    private void keep(long showtimeId, Cached next) {
        snapshots.merge(showtimeId, next, (old, candidate) -> candidate.stamp() > old.stamp() ? candidate : old);
    }

    static SeatMapSnapshot build(
            ShowtimeFacts showtime, ShowtimeRules seatRules, long rulesVersion, List<ClaimRow> rows, Instant now) {
        Map<String, ClaimRow> bySeat = new HashMap<>(rows.size() * 2);
        Map<String, Long> claimedBy = new HashMap<>();
        long version = rulesVersion;
        Instant nextExpiry = null;
        for (ClaimRow row : rows) {
            bySeat.put(row.seatId(), row);
            if (row.status() != SeatStatus.AVAILABLE) {
                claimedBy.put(row.seatId(), row.status() == SeatStatus.HELD ? row.heldBy() : 0L);
            }
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
        return new SeatMapSnapshot(
                new SeatMap(showtime.id(), version, seats), nextExpiry, seatRules.nextRelease(now), claimedBy);
    }
}
