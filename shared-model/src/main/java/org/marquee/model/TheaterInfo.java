package org.marquee.model;

/** A theater as the catalog describes it; {@code timeZone} is an IANA zone id such as {@code Europe/Madrid}. */
public record TheaterInfo(long id, String name, String address, double lat, double lon, String timeZone) {}
