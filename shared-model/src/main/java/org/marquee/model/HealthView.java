package org.marquee.model;

/**
 * Answer of {@code GET /health}: {@code status} UP when the server and its database answer; {@code version} null
 * unless the caller gave a valid token.
 */
public record HealthView(String status, String database, String version) {}
