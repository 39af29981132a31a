package org.marquee.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answer of {@code GET /health}: {@code status} UP when the server and its database answer; {@code version} only for
 * a caller with a valid token (absent otherwise).
 */
public record HealthView(
        String status,
        String database,
        @JsonInclude(JsonInclude.Include.NON_NULL) String version) {}
