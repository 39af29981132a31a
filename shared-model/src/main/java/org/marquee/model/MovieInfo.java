package org.marquee.model;

import java.util.List;

/** A movie in the catalog; {@code posterUrl} may be null. */
public record MovieInfo(
        long id,
        String title,
        int runtimeMinutes,
        String rating,
        List<String> genres,
        String synopsis,
        String posterUrl) {
    public MovieInfo {
        genres = List.copyOf(genres);
    }
}
