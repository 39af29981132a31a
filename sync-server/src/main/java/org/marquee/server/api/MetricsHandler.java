package org.marquee.server.api;

import io.javalin.http.Context;
import org.marquee.server.metrics.Metrics;

/**
 * {@code GET /metrics}: every meter in the Prometheus text format. Needs no token, as Prometheus scrapers expect: it
 * holds counts and timings by route template, never ids, paths as sent, names, e-mails or tokens.
 */
public final class MetricsHandler {

    private final Metrics metrics;

    public MetricsHandler(Metrics metrics) {
        this.metrics = metrics;
    }

    public void metrics(Context ctx) {
        ctx.contentType(Metrics.CONTENT_TYPE)
                .header("Cache-Control", "no-store")
                .result(metrics.scrape());
    }
}
