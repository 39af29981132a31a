package org.marquee.model;

import java.util.List;
import java.util.UUID;

/**
 * Answer of {@code POST /admin/showtimes/{id}/cancel} (DESIGN §7.1): how many paid orders were refunded, which
 * refunds did not go through (listed, never hidden), and how many live holds were ended.
 */
public record ShowtimeCancellation(
        long showtimeId, ShowtimeStatus status, int refundedOrders, List<UUID> failedRefunds, int releasedHolds) {}
