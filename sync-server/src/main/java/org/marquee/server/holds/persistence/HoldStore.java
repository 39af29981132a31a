package org.marquee.server.holds.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.marquee.model.ErrorCode;
import org.marquee.model.HoldStatus;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.db.Transactions;
import org.marquee.server.db.UnitOfWork;
import org.marquee.server.holds.HoldRecord;
import org.marquee.server.holds.HoldResult;
import org.marquee.server.holds.SeatChoice;

/**
 * Holds and their seat claims in PostgreSQL. Every change is one transaction, and the seats of a showtime are taken
 * and freed by one statement ({@link #CLAIM}); the transaction is rolled back unless every requested seat came back.
 */
public final class HoldStore {

    private static final String ONE_ACTIVE_PER_TERMINAL = "holds_one_active_per_terminal";

    /** How often a best-available choice is made again after losing its seats to another request. */
    private static final int CHOICE_ATTEMPTS = 30;

    private final Jdbi jdbi;
    private final BooleanSupplier connectionsWaitedFor;
    /** First checks of one showtime share their reads of its committed claims. */
    private final SharedReads<ClaimsSeen.Claims> wholeReads = new SharedReads<>();

    /** {@code connectionsWaitedFor} tells whether requests are waiting for a connection of {@code jdbi}'s pool now. */
    public HoldStore(Jdbi jdbi, BooleanSupplier connectionsWaitedFor) {
        this.jdbi = jdbi;
        this.connectionsWaitedFor = connectionsWaitedFor;
    }

    /**
     * True while requests wait for a connection: then a transaction that will be refused keeps one from a request
     * that could use it, and a first check costs each of the waiting requests a share of one read (decision 0038).
     */
    public boolean connectionsScarce() {
        return connectionsWaitedFor.getAsBoolean();
    }

    /**
     * Releases the terminal's active hold, if any, and holds the seats {@code choice} decides: all of them or, rolled
     * back, none. With {@code firstCheck}, asked seats are first checked against committed rows, with no lock and no
     * write: under contention most answers are refusals, and a refusal read from committed rows is true at the moment
     * it was read. Without it (this instance's memory already saw the seats free), or when that check passes, the
     * transaction decides: the choice decides again on what it sees after its locks, and the conditional insert alone
     * grants seats. A choice that picks seats itself (best available) chooses again when it loses a race.
     */
    public HoldResult create(
            long terminalId,
            long showtimeId,
            SeatChoice choice,
            boolean firstCheck,
            boolean accessible,
            Duration ttl,
            Duration maxTotal) {
        if (firstCheck && !choice.choosesSeats()) {
            ClaimsSeen committed = ClaimsSeen.committed(jdbi, wholeReads, showtimeId, terminalId);
            try {
                choice.decide(committed);
            } catch (SeatChoice.SeatsTaken taken) {
                return new HoldResult.Taken(taken.seatIds(), committed.lastWhole());
            }
        }
        Optional<SeatChoice.Unread> decided = choice.withoutReading();
        for (int attempt = 1; ; attempt++) {
            try {
                if (decided.isPresent() && !UnitOfWork.active()) {
                    // nothing to read between the turn and the claim: the whole transaction in one round trip
                    return Transactions.retrying(
                            jdbi,
                            handle -> OneTripGrant.grant(
                                    handle, terminalId, showtimeId, decided.get(), accessible, ttl, maxTotal));
                }
                return Transactions.retrying(jdbi, handle -> {
                    TerminalTurn turn = TerminalTurn.begin(handle, terminalId, showtimeId);
                    Instant now = turn.opening().now();
                    Optional<HoldRecord> previous = turn.previous();
                    List<String> seats =
                            choice.decide(ClaimsSeen.deciding(handle, showtimeId, terminalId, turn.opening()));
                    HoldRecord hold = new HoldRecord(
                            UUID.randomUUID(),
                            showtimeId,
                            terminalId,
                            HoldStatus.ACTIVE,
                            seats,
                            now,
                            micros(now.plus(ttl)),
                            micros(now.plus(maxTotal)),
                            now);
                    Optional<HoldRecord> sameShowtime = previous.filter(p -> p.showtimeId() == showtimeId);
                    Optional<HoldRecord> otherShowtime = previous.filter(p -> p.showtimeId() != showtimeId);
                    // two showtimes: visit them in id order, as every other transaction does
                    if (otherShowtime.isPresent() && otherShowtime.get().showtimeId() < showtimeId) {
                        SeatClaims.free(handle, otherShowtime.get());
                    }
                    SeatClaims.insertAndClaim(
                            handle,
                            hold,
                            accessible,
                            sameShowtime.map(HoldRecord::seatIds).orElse(List.of()),
                            sameShowtime.map(HoldRecord::id).orElse(null));
                    if (otherShowtime.isPresent() && otherShowtime.get().showtimeId() > showtimeId) {
                        SeatClaims.free(handle, otherShowtime.get());
                    }
                    return new HoldResult.Granted(
                            hold,
                            otherShowtime
                                    .map(p -> OptionalLong.of(p.showtimeId()))
                                    .orElse(OptionalLong.empty()));
                });
            } catch (SeatClaims.SeatsTaken taken) {
                if (!choice.choosesSeats()) {
                    return new HoldResult.Taken(taken.seatIds());
                }
                lostRace(attempt);
            } catch (SeatChoice.SeatsTaken taken) {
                return new HoldResult.Taken(taken.seatIds());
            } catch (SeatChoice.LostRace lost) {
                lostRace(attempt);
            } catch (RuntimeException e) {
                // the terminal lock makes this rare: another instance on an older schema, say. Go again once.
                if (!Transactions.isUniqueViolation(e, ONE_ACTIVE_PER_TERMINAL)) {
                    throw e;
                }
                if (attempt >= 3) {
                    throw new MarqueeException(
                            ErrorCode.CONFLICT, "This terminal is already changing its hold. Please try again.");
                }
            }
        }
    }

    /** PostgreSQL keeps microseconds: an instant as the database will store it. */
    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** A best-available choice lost its seats to another request: choose again, or give up after a few tries. */
    private static void lostRace(int attempt) {
        if (attempt >= CHOICE_ATTEMPTS) {
            throw new MarqueeException(
                    ErrorCode.SEATS_UNAVAILABLE,
                    "The best seats were taken by others just now. Please try again.",
                    java.util.Map.of("seatIds", List.of()));
        }
        if (attempt > 2) {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(1, 4 * attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MarqueeException(ErrorCode.SERVICE_UNAVAILABLE, "The server is shutting down.");
            }
        }
    }

    /** Whether the hold was made for accessible seats; false for an unknown hold. */
    public boolean accessible(UUID holdId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("select accessible from holds where id = :id")
                        .bind("id", holdId)
                        .mapTo(Boolean.class)
                        .findOne()
                        .orElse(false));
    }

    public Optional<HoldRecord> find(UUID holdId) {
        return Transactions.reading(
                jdbi,
                handle -> handle.createQuery("select " + HoldRows.COLUMNS + " from holds where id = :id")
                        .bind("id", holdId)
                        .map((rs, ctx) -> HoldRows.hold(rs))
                        .findOne());
    }

    /** Replaces the seats of an active hold, all or nothing; the expiry stays as it was. */
    public HoldResult changeSeats(UUID holdId, SeatChoice choice) {
        try {
            return Transactions.retrying(jdbi, handle -> {
                HoldRecord hold = lockForUpdate(handle, holdId);
                if (hold.status() != HoldStatus.ACTIVE) {
                    return new HoldResult.Lapsed(hold);
                }
                List<String> seats = choice.decide(ClaimsSeen.deciding(handle, hold.showtimeId(), hold.terminalId()));
                SeatClaims.claim(handle, hold, seats, hold.seatIds(), hold.id());
                HoldRecord changed = handle.createQuery("update holds set seat_ids = cast(:seats as text[])"
                                + " where id = :id returning " + HoldRows.COLUMNS)
                        .bind("seats", seats.toArray(String[]::new))
                        .bind("id", holdId)
                        .map((rs, ctx) -> HoldRows.hold(rs))
                        .one();
                return new HoldResult.Granted(changed);
            });
        } catch (SeatClaims.SeatsTaken taken) {
            return new HoldResult.Taken(taken.seatIds());
        } catch (SeatChoice.SeatsTaken taken) {
            return new HoldResult.Taken(taken.seatIds());
        }
    }

    /** Moves the expiry of an active hold to now + ttl, never past its max_expires_at. */
    public HoldResult extend(UUID holdId, Duration ttl) {
        try {
            return Transactions.retrying(jdbi, handle -> {
                HoldRecord hold = lockForUpdate(handle, holdId);
                if (hold.status() != HoldStatus.ACTIVE) {
                    return new HoldResult.Lapsed(hold);
                }
                HoldRecord extended = handle.createQuery("update holds"
                                + " set expires_at = least(now() + make_interval(secs => :ttl), max_expires_at)"
                                + " where id = :id returning " + HoldRows.COLUMNS)
                        .bind("ttl", seconds(ttl))
                        .bind("id", holdId)
                        .map((rs, ctx) -> HoldRows.hold(rs))
                        .one();
                int moved = handle.createUpdate("""
                                update seat_claims set expires_at = :expiresAt
                                 where (showtime_id, seat_id) in (
                                        select showtime_id, seat_id from seat_claims
                                         where showtime_id = :showtime and seat_id = any(cast(:seats as text[]))
                                           and hold_id = :hold and state = 'HELD'
                                         order by seat_id for update)""")
                        .bind("expiresAt", extended.expiresAt().atOffset(ZoneOffset.UTC))
                        .bind("showtime", hold.showtimeId())
                        .bind("seats", hold.seatIds().toArray(String[]::new))
                        .bind("hold", holdId)
                        .execute();
                if (moved != hold.seatIds().size()) {
                    // its seats were taken over the instant it expired: the hold is gone, keep nothing of this
                    throw new Lapsed(hold);
                }
                return new HoldResult.Granted(extended);
            });
        } catch (Lapsed lapsed) {
            return new HoldResult.Lapsed(lapsed.hold);
        }
    }

    /** Ends an active hold and frees its seats; a hold that already ended is left as it is. */
    public HoldRecord release(UUID holdId) {
        return Transactions.retrying(jdbi, handle -> {
            HoldRecord hold = lockForUpdate(handle, holdId);
            if (hold.storedStatus() != HoldStatus.ACTIVE) {
                return hold;
            }
            SeatClaims.free(handle, hold);
            return markEnded(handle, hold);
        });
    }

    /** What a sweep did: how many holds it marked EXPIRED, and the showtimes whose seats it freed. */
    public record Swept(int marked, Set<Long> showtimes) {}

    /**
     * Marks up to {@code limit} expired holds EXPIRED and frees their seats; says how many it marked and which
     * showtimes' seat maps changed. Rows another transaction is busy with are skipped, never waited for: they are being
     * taken over or extended.
     */
    public Swept sweepShowtimes(int limit) {
        return ExpiredHolds.sweep(jdbi, limit);
    }

    private static HoldRecord markEnded(Handle handle, HoldRecord hold) {
        return handle.createQuery("update holds set status = " + HoldRows.ENDED_STATUS
                        + ", ended_at = now() where id = :id returning " + HoldRows.COLUMNS)
                .bind("id", hold.id())
                .map((rs, ctx) -> HoldRows.hold(rs))
                .one();
    }

    private static HoldRecord lockForUpdate(Handle handle, UUID holdId) {
        // an active hold's row in terminal_holds locked, or an ended hold read (V18)
        return handle.createQuery("select " + HoldRows.COLUMNS + " from marquee_lock_hold(:id)")
                .bind("id", holdId)
                .map((rs, ctx) -> HoldRows.hold(rs))
                .one();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    /** Rolls back an extension whose seats were taken over in the instant the hold expired. */
    private static final class Lapsed extends RuntimeException {
        private final transient HoldRecord hold;

        Lapsed(HoldRecord hold) {
            super("hold lapsed", null, false, false);
            this.hold = hold;
        }
    }
}
