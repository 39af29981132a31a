package org.marquee.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.marquee.model.PaymentMethod;
import org.marquee.server.holds.HoldEvents;
import org.marquee.server.orders.OrderEvents;

/**
 * The server's meters, in one Prometheus registry per server instance: HTTP requests by route template, hold
 * decisions, paid orders, the JVM, and (registered by the database) the connection pool. Every tag has a small,
 * fixed set of values: no ids, no paths as sent, nothing about a person.
 */
public final class Metrics implements HoldEvents, OrderEvents, AutoCloseable {

    /** The Prometheus text exposition format that {@link #scrape()} writes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Counter holdsGranted;
    private final Counter holdsRefused;
    private final Counter holdsRefusedFromMemory;
    private final java.util.List<LongSupplier> readSources = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Metrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        holdsGranted = holds("granted");
        holdsRefused = holds("refused");
        holdsRefusedFromMemory = Counter.builder("marquee.holds.refused.memory")
                .description("Refusals of seats answered from the trusted seat map, without PostgreSQL")
                .register(registry);
    }

    private Counter holds(String outcome) {
        return Counter.builder("marquee.holds")
                .description("Requests for seats (new holds and changed seats), by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** The registry, for libraries that register their own meters (the connection pool). */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void granted() {
        holdsGranted.increment();
    }

    @Override
    public void refused() {
        holdsRefused.increment();
    }

    @Override
    public void refusedFromMemory() {
        holdsRefusedFromMemory.increment();
    }

    /**
     * Seat maps answered from memory alone and after asking PostgreSQL ({@code marquee_seatmap_reads_total} by
     * {@code source}, decision 0029), counted by the seat-map service and read here when scraped.
     */
    public void seatMapReads(LongSupplier fromMemory, LongSupplier fromDatabase) {
        // Micrometer holds what it reads weakly: keep the suppliers alive as long as the registry
        readSources.add(fromMemory);
        readSources.add(fromDatabase);
        FunctionCounter.builder("marquee.seatmap.reads", fromMemory, LongSupplier::getAsLong)
                .description("Seat-map requests (200 and 304) by where the snapshot was confirmed")
                .tag("source", "memory")
                .register(registry);
        FunctionCounter.builder("marquee.seatmap.reads", fromDatabase, LongSupplier::getAsLong)
                .description("Seat-map requests (200 and 304) by where the snapshot was confirmed")
                .tag("source", "database")
                .register(registry);
    }

    /** Counted by how the order was paid. */
    @Override
    public void paid(PaymentMethod method) {
        Counter.builder("marquee.orders.paid")
                .description("Orders paid, by payment method")
                .tag("method", method == null ? "UNKNOWN" : method.name())
                .register(registry)
                .increment();
    }

    /**
     * An HTTP request answered. {@code route} must be a route template such as {@code /api/v1/holds/{id}} (or
     * {@code unmatched}), never the path as sent: ids in paths would make a new time series per id.
     */
    public void request(String method, String route, int status, long nanos) {
        Timer.builder("marquee.http.requests")
                .description("HTTP requests by method, route template and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
