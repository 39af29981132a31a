package org.marquee.kiosk.client;

/**
 * A showtime's live seat events (other terminals' holds and sales) as the server streams them; closing the answer
 * stops them. The OkHttp client opens a {@link SeatFeed}; tests hand events in themselves.
 */
@FunctionalInterface
public interface SeatEvents {

    AutoCloseable open(long showtimeId, SeatFeed.Listener listener);
}
