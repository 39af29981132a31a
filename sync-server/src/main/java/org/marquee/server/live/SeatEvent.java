package org.marquee.server.live;

import java.util.function.Function;

/**
 * One seat-map event as every subscriber of a showtime receives it: its name, its JSON-ready data and its id (the
 * version). A feed sends the same instance to all its subscribers, so that it is encoded once, by the first writer
 * that needs its bytes, and not once per subscriber.
 */
public final class SeatEvent {

    private final String name;
    private final Object data;
    private final long id;
    private volatile byte[] encoded;

    public SeatEvent(String name, Object data, long id) {
        this.name = name;
        this.data = data;
        this.id = id;
    }

    public String name() {
        return name;
    }

    public Object data() {
        return data;
    }

    public long id() {
        return id;
    }

    /**
     * The event as {@code encoder} writes it, encoded on the first call and kept: later calls return the same bytes
     * (two writers racing may both encode it; they produce the same bytes, and one copy is kept).
     */
    public byte[] encoded(Function<SeatEvent, byte[]> encoder) {
        byte[] bytes = encoded;
        if (bytes == null) {
            bytes = encoder.apply(this);
            encoded = bytes;
        }
        return bytes;
    }
}
