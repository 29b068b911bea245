package org.vbcsettle.api;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.vbcsettle.ledger.LedgerMetrics;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The node's meter registry in Prometheus form: the HTTP requests ({@code vbc_http_requests_seconds} by
 * method, route template and status, as a histogram), the ledger's meters ({@link LedgerMetrics}), the read
 * side's connection pool ({@code hikaricp_*}) and the JVM's ({@code jvm_*}, {@code process_*}, {@code system_*}).
 */
public final class ApiMetrics implements AutoCloseable {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final PrometheusMeterRegistry registry;
    private final LedgerMetrics ledger;
    private final RouteTemplates routes;
    private final JvmGcMetrics gc;
    // bounded: methods × route templates × statuses
    private final ConcurrentHashMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private ApiMetrics(PrometheusMeterRegistry registry, RouteTemplates routes) {
        this.registry = registry;
        this.routes = routes;
        this.ledger = new LedgerMetrics(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.gc = new JvmGcMetrics();
        gc.bindTo(registry);
    }

    public static ApiMetrics create() {
        return new ApiMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), RouteTemplates.fromOpenApi());
    }

    /** What the ledger node reports to (entities, journal, read-side pool). */
    public LedgerMetrics ledger() {
        return ledger;
    }

    public RouteTemplates routes() {
        return routes;
    }

    /** The Prometheus text exposition (format 0.0.4) of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** One answered request: {@code route} is a template from {@link RouteTemplates}, never a raw path. */
    void request(String method, String route, int status, long nanos) {
        String m = method.toUpperCase(Locale.ROOT);
        String label = METHODS.contains(m) ? m : "OTHER";
        // the timer of each (method, route, status) is built once: registering it again on every request costs
        // an id, its tags and a registry look-up per request
        timers.computeIfAbsent(new TimerKey(label, route, status), k -> Timer.builder("vbc.http.requests")
                        .description("HTTP requests by method, route template and status")
                        .tags("method", k.method(), "route", k.route(), "status", Integer.toString(k.status()))
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private record TimerKey(String method, String route, int status) {
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
