package org.vbcsettle.api.routes;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpCharsets;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.server.Route;
import org.vbcsettle.api.ApiContext;
import org.vbcsettle.api.ApiSettings;
import org.vbcsettle.api.RouteSupport;

import java.util.Map;

/**
 * {@code GET /metrics}: the node's meters in the Prometheus text format. Open by default (a scraper on the
 * same network needs no token; the figures are counts and timings, never ids or amounts);
 * {@code vbc.http.metrics = token} asks for any valid bearer token, {@code off} takes the path away (404).
 */
public final class MetricsRoutes extends RouteSupport {

    private static final akka.http.javadsl.model.ContentType.WithFixedCharset PROMETHEUS_TEXT = ContentTypes.create(
            MediaTypes.customWithFixedCharset("text", "plain", HttpCharsets.UTF_8, Map.of("version", "0.0.4"), false));

    public MetricsRoutes(ApiContext ctx) {
        super(ctx);
    }

    public Route routes() {
        ApiSettings.MetricsAccess access = ctx.settings().metricsAccess();
        if (access == ApiSettings.MetricsAccess.OFF) {
            return reject();
        }
        return path("metrics", () -> get(() -> access == ApiSettings.MetricsAccess.TOKEN
                ? authenticated(caller -> scrape()) : scrape()));
    }

    private Route scrape() {
        return extractExecutionContext(ec -> completeWithFuture(java.util.concurrent.CompletableFuture.supplyAsync(
                () -> akka.http.javadsl.model.HttpResponse.create()
                        .withEntity(HttpEntities.create(PROMETHEUS_TEXT, ctx.metrics().scrape())), ec)));
    }
}
