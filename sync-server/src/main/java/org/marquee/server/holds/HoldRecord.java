package org.marquee.server.holds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.marquee.model.HoldStatus;
import org.marquee.model.HoldView;

/** A hold as stored, read together with the database's clock ({@code serverTime}). */
public record HoldRecord(
        UUID id,
        long showtimeId,
        long terminalId,
        HoldStatus storedStatus,
        List<String> seatIds,
        Instant createdAt,
        Instant expiresAt,
        Instant maxExpiresAt,
        Instant serverTime) {

    public HoldRecord {
        seatIds = List.copyOf(seatIds);
    }

    /** The status a reader should see: an ACTIVE hold past its expiry is EXPIRED, swept or not. */
    public HoldStatus status() {
        return storedStatus == HoldStatus.ACTIVE && !expiresAt.isAfter(serverTime) ? HoldStatus.EXPIRED : storedStatus;
    }

    public HoldView view() {
        return new HoldView(id, showtimeId, seatIds, status(), createdAt, expiresAt, maxExpiresAt, serverTime);
    }
}
