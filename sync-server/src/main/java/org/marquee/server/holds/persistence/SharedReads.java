package org.marquee.server.holds.persistence;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * First checks of one showtime share their reads of its committed claims. A check that arrives while a read of the
 * showtime is in the air does not start its own beside it: it waits for a read that starts <em>after</em> it arrived,
 * shared by every check that arrived meanwhile. So a check never answers from rows read before it arrived (its refusal
 * is as true as if it had read alone: true at a moment between its arrival and its answer), while under load one read
 * serves many checks instead of each taking a connection and PostgreSQL's time for the same rows. With nothing in the
 * air, a check reads at once: no wait is added when the server is quiet.
 *
 * <p>A check of a request under an {@code Idempotency-Key} runs inside that request's unit of work, and a read it leads
 * runs on the unit's connection. What that read sees of {@code seat_claims} is committed all the same: a first check
 * comes before its hold's transaction, and nothing in a unit writes claims before it.
 *
 * <p>Per showtime there is at most one read in the air and one forming behind it. The first check to arrive while a read
 * is in the air leads the forming one: it waits until the read in the air ends (however it ends), then reads for every
 * check that joined it; a failure reaches all of them, as their own reads' failures would have.
 */
final class SharedReads<T> {

    private static final class Flight<T> {
        final CompletableFuture<T> result = new CompletableFuture<>();
    }

    /** One showtime's reads: the one in the air, and the one forming behind it. Guarded by itself. */
    private static final class Lane<T> {
        Flight<T> inTheAir;
        Flight<T> forming;
    }

    private final Map<Long, Lane<T>> lanes = new ConcurrentHashMap<>();

    /** What {@code read} gives for the showtime, read after this call began, alone or shared. */
    T read(long showtimeId, Supplier<T> read) {
        Lane<T> lane = lanes.computeIfAbsent(showtimeId, id -> new Lane<>());
        Flight<T> mine;
        Flight<T> ahead;
        Flight<T> joined;
        synchronized (lane) {
            // one not yet started reads after this arrival: join it
            joined = lane.forming;
            mine = joined == null ? new Flight<>() : null;
            ahead = lane.inTheAir;
            if (joined == null && ahead == null) {
                lane.inTheAir = mine;
            } else if (joined == null) {
                lane.forming = mine;
            }
        }
        if (joined != null) {
            return await(joined);
        }
        if (ahead != null) {
            // whatever became of it: this flight reads anew in any case
            ahead.result.handle((value, failure) -> null).join();
            synchronized (lane) {
                lane.forming = null;
                lane.inTheAir = mine;
            }
        }
        try {
            T value = read.get();
            mine.result.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.result.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (lane) {
                if (lane.inTheAir == mine) {
                    lane.inTheAir = null;
                }
            }
        }
    }

    private static <T> T await(Flight<T> flight) {
        try {
            return flight.result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
