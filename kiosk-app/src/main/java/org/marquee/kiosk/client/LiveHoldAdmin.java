package org.marquee.kiosk.client;

import java.util.List;
import java.util.UUID;
import org.marquee.model.LiveHold;

/** {@code GET /admin/holds} and {@code DELETE /admin/holds/{id}?reason=} (DESIGN §7.3). Blocking. */
public interface LiveHoldAdmin {

    /** The live holds of one theater, or of every theater with {@code theaterId} null. */
    List<LiveHold> liveHolds(Long theaterId);

    /**
     * Ends a live hold of any terminal; its seats are free at once. A blank reason is 422 {@code INVALID_REQUEST}
     * naming {@code reason}, a hold no longer live 409 {@code HOLD_NOT_ACTIVE}, an unknown one 404.
     */
    void forceRelease(UUID holdId, String reason);
}
