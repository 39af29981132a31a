package org.marquee.model;

/** Answer of {@code GET /health}: {@code status} UP when the server and its database answer. */
public record HealthView(String status, String database, String version) {}
