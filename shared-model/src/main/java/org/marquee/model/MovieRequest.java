package org.marquee.model;

import java.util.List;

/** Body of {@code POST /admin/movies} and {@code PUT /admin/movies/{id}}; the answer is a {@link MovieInfo}. */
public record MovieRequest(
        String title, Integer runtimeMinutes, String rating, List<String> genres, String synopsis, String posterUrl) {}
