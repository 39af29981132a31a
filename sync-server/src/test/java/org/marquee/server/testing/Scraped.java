package org.marquee.server.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A counter as {@code GET /metrics} shows it, read the way a Prometheus scrape would. */
public final class Scraped {

    private Scraped() {}

    /**
     * The value of one series, given as its name and labels exactly as printed (for example {@code
     * marquee_seatmap_reads_total{source="memory"}}), 0 when the server has not printed it yet.
     */
    public static long counter(TestServer server, String series) {
        String text = server.client(null).get("/metrics").body();
        String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
        String labels = series.contains("{") ? series.substring(series.indexOf('{') + 1, series.length() - 1) : "";
        // Prometheus' text format may end the label list with a comma
        Matcher matcher = Pattern.compile(
                        "(?m)^" + Pattern.quote(name) + "(?:\\{" + Pattern.quote(labels) + ",?})?\\s+([0-9.eE+]+)$")
                .matcher(text);
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
    }
}
