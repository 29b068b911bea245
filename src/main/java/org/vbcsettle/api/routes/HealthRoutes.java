package org.vbcsettle.api.routes;

import akka.http.javadsl.server.Route;
import org.vbcsettle.api.ApiContext;
import org.vbcsettle.api.Problem;
import org.vbcsettle.api.RouteSupport;

import java.util.Map;

/**
 * {@code /health}: the process answers (liveness). {@code /ready}: this node can serve, that is its cluster
 * member is Up, the database answers and start-up has registered the contracts folder ({@link
 * org.vbcsettle.api.Readiness}). Neither needs a token.
 */
public final class HealthRoutes extends RouteSupport {

    public HealthRoutes(ApiContext ctx) {
        super(ctx);
    }

    public Route routes() {
        return concat(
                path("health", () -> get(() -> ok(Map.of("status", "ok")))),
                path("ready", () -> get(this::ready)));
    }

    private Route ready() {
        String pending = ctx.readiness().pending();
        if (pending != null) {
            return problem(Problem.of(503, "not-ready", "Service unavailable", "not ready: " + pending));
        }
        return onComplete(ctx.ledger().ready(), t -> t.isSuccess() && Boolean.TRUE.equals(t.get())
                ? ok(Map.of("status", "ready"))
                : problem(Problem.of(503, "not-ready", "Service unavailable",
                "not ready: the cluster member is not Up or the database does not answer")));
    }

}
