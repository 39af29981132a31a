package org.marquee.server.holds;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.marquee.model.ErrorCode;
import org.marquee.model.LiveHold;
import org.marquee.server.audit.AuditLog;
import org.marquee.server.common.MarqueeException;
import org.marquee.server.common.Principal;

/**
 * What managers see of live holds and how they end one (DESIGN §7.3): {@code GET /admin/holds} and the force release,
 * which frees the seats at once on every terminal, marks the hold released by a manager (its owner reads
 * {@code releasedBy: "MANAGER"}) and writes the audit entry, all in the request's transaction.
 */
public final class ManagerReleases {

    /** The statements behind it, in {@code holds.persistence}. */
    public interface Store {
        List<LiveHold> live(Long theaterId);

        Optional<LiveHold> find(UUID holdId);

        boolean exists(UUID holdId);

        /** Marks a RELEASED hold as released by a manager; false when it is not RELEASED (it was sold meanwhile). */
        boolean markReleasedByManager(UUID holdId, String reason);

        /** Who released the hold on its owner's behalf (MANAGER), if anyone did. */
        Optional<String> releasedBy(UUID holdId);
    }

    static final int MAX_REASON = 500;

    private final HoldService holds;
    private final Store store;
    private final AuditLog audit;

    public ManagerReleases(HoldService holds, Store store, AuditLog audit) {
        this.holds = holds;
        this.store = store;
        this.audit = audit;
    }

    public List<LiveHold> live(Long theaterId) {
        return store.live(theaterId);
    }

    /** Ends a live hold of any terminal, with the manager's reason. */
    public void forceRelease(Principal manager, UUID holdId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw MarqueeException.invalid("Say why the hold is released: 'reason' is needed, for the audit log.");
        }
        if (why.length() > MAX_REASON) {
            throw MarqueeException.invalid("'reason' is at most " + MAX_REASON + " characters.");
        }
        if (!store.exists(holdId)) {
            throw MarqueeException.notFound("No hold with id " + holdId + ".");
        }
        LiveHold hold = store.find(holdId)
                .orElseThrow(() -> new MarqueeException(
                        ErrorCode.HOLD_NOT_ACTIVE,
                        "This hold is no longer live (it expired, was released or was paid for); nothing to release."));
        holds.releaseOnBehalf(holdId);
        if (!store.markReleasedByManager(holdId, why)) {
            throw new MarqueeException(
                    ErrorCode.HOLD_NOT_ACTIVE, "This hold was paid for a moment ago; its seats are sold.");
        }
        audit.record(
                manager,
                "HOLD_FORCE_RELEASED",
                "HOLD",
                holdId,
                Map.of(
                        "reason", why,
                        "terminalId", hold.terminal().id(),
                        "terminalName", hold.terminal().name(),
                        "showtimeId", hold.showtimeId(),
                        "seatIds", hold.seatIds()));
    }

    /** Who released the hold on its owner's behalf, if anyone. */
    public Optional<String> releasedBy(UUID holdId) {
        return store.releasedBy(holdId);
    }
}
