package org.marquee.server.live;

/** Where one subscriber's seat-map events go (an SSE client). */
public interface SeatEventSink {

    /** Sends one event; throws when the subscriber is gone, which ends its subscription. */
    void send(SeatEvent event);
}
