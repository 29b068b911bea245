package org.vbcsettle.api;

import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.headers.RawHeader;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import org.vbcsettle.ledger.RequestIds;

import java.util.Optional;

/**
 * Wraps the whole API: gives every request an id and times it. The id is the client's {@code X-Request-Id}
 * when well-formed ({@link RequestIds}), else a new one; the routes see it as that header, the ledger stamps
 * it on the events the request causes and on its log lines, and the response echoes it. Every response,
 * problems included, is counted in {@link ApiMetrics} under its route template and status.
 */
public final class RequestTracing extends AllDirectives {

    public static final String HEADER = "X-Request-Id";

    private final ApiMetrics metrics;

    public RequestTracing(ApiMetrics metrics) {
        this.metrics = metrics;
    }

    public Route around(Route inner) {
        return extractRequest(req -> {
            long started = System.nanoTime();
            String id = idOf(req);
            String route = metrics.routes().templateOf(req.getUri().path());
            String method = req.method().name();
            RawHeader echo = RawHeader.create(HEADER, id);
            return mapRequest(r -> r.removeHeader(HEADER).addHeader(echo), () -> mapResponse(resp -> {
                metrics.request(method, route, resp.status().intValue(), System.nanoTime() - started);
                return resp.addHeader(echo);
            }, () -> inner));
        });
    }

    /** The response with the id the request carries (as {@link #around} passed it on). */
    static akka.http.javadsl.model.HttpResponse echo(HttpRequest req, akka.http.javadsl.model.HttpResponse resp) {
        return resp.addHeader(RawHeader.create(HEADER, idOf(req)));
    }

    static String idOf(HttpRequest req) {
        Optional<akka.http.javadsl.model.HttpHeader> h = req.getHeader(HEADER);
        return h.map(akka.http.javadsl.model.HttpHeader::value).filter(RequestIds::wellFormed).orElseGet(RequestIds::generate);
    }
}
