package org.marquee.server.live;

/** Where one subscriber's seat-map events go (an SSE client): an event name, its JSON-ready data and its id. */
public interface SeatEventSink {

    /** Sends one event; throws when the subscriber is gone, which ends its subscription. */
    void send(String event, Object data, long id);
}
