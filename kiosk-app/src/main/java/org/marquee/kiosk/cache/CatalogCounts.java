package org.marquee.kiosk.cache;

/** How many entries of each kind the catalog cache holds. */
public record CatalogCounts(int theaters, int auditoriums, int movies, int showtimes) {

    public boolean empty() {
        return theaters + auditoriums + movies + showtimes == 0;
    }
}
