package org.marquee.model;

/** A catalog entry removed since the cursor: {@code type} is THEATER, AUDITORIUM, MOVIE or SHOWTIME. */
public record CatalogDeletion(String type, long id) {}
