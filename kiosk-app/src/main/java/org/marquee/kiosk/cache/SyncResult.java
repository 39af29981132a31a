package org.marquee.kiosk.cache;

/**
 * What one catalog sync changed: entries written (new or updated) per kind and entries deleted. {@code full} is true
 * when the whole catalog was copied afresh (the first start, or a server whose cursor went backwards).
 */
public record SyncResult(
        boolean full, int theaters, int auditoriums, int movies, int showtimes, int deleted, String cursor) {

    /** True when the sync wrote or deleted anything. */
    public boolean changed() {
        return theaters + auditoriums + movies + showtimes + deleted > 0;
    }
}
