package org.vbcsettle.api;

import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;

import static akka.http.javadsl.server.PathMatchers.segment;
import org.vbcsettle.api.routes.ContractRoutes;
import org.vbcsettle.api.routes.HealthRoutes;
import org.vbcsettle.api.routes.FhirRoutes;
import org.vbcsettle.api.routes.IngestRoutes;
import org.vbcsettle.api.routes.RemittanceRoutes;
import org.vbcsettle.api.routes.MetricsRoutes;
import org.vbcsettle.api.routes.OpenApiRoutes;
import org.vbcsettle.api.routes.PayoutRoutes;
import org.vbcsettle.api.routes.ReportedFactsRoutes;
import org.vbcsettle.api.routes.SettlementRoutes;
import org.vbcsettle.api.routes.WebAppRoutes;
import scala.concurrent.duration.FiniteDuration;

import java.util.concurrent.TimeUnit;

/**
 * The whole API: {@code /health}, {@code /ready} and (by default) {@code /metrics} open, everything under
 * {@code /v1} behind a bearer token, the web app's files under {@code /app} (and {@code /} redirecting there) open; every request traced and timed ({@link RequestTracing}). Sealed, so that every rejection and exception leaves as a problem document.
 */
public final class ApiRoutes extends AllDirectives {

    private final ApiContext ctx;

    public ApiRoutes(ApiContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Built once per binding. The route classes and the routes that take neither the caller nor a contract
     * id are made here, once; what the DSL still builds per request is only the branch the path selects.
     * {@code GET /v1/contracts/{id}/totals}, the most frequent read, has its own branch ahead of the general
     * one (the same authentication and checks), so it does not build the trees of the other routes first.
     */
    public Route route() {
        HealthRoutes health = new HealthRoutes(ctx);
        ContractRoutes contracts = new ContractRoutes(ctx);
        IngestRoutes ingest = new IngestRoutes(ctx);
        FhirRoutes fhir = new FhirRoutes(ctx);
        RemittanceRoutes remittances = new RemittanceRoutes(ctx);
        SettlementRoutes settlements = new SettlementRoutes(ctx);
        ReportedFactsRoutes facts = new ReportedFactsRoutes(ctx);
        PayoutRoutes payouts = new PayoutRoutes(ctx);
        Route openApi = new OpenApiRoutes(ctx).routes();
        Route open = concat(health.routes(), new MetricsRoutes(ctx).routes());
        FiniteDuration timeout = FiniteDuration.create(ctx.settings().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        Route totals = path(segment("v1").slash("contracts").slash(segment()).slash("totals"),
                id -> health.authenticated(caller -> settlements.totals(caller, id)));
        Route api = concat(
                open,
                totals,
                new WebAppRoutes().routes(),
                pathPrefix("v1", () -> health.authenticated(caller -> concat(
                        openApi,
                        pathPrefix("contracts", () -> concat(
                                pathEnd(() -> contracts.collection(caller)),
                                pathPrefix(segment(), id -> concat(
                                        pathEnd(() -> contracts.item(caller, id)),
                                        ingest.routes(caller, id),
                                        fhir.routes(caller, id),
                                        settlements.routes(caller, id),
                                        facts.routes(caller, id),
                                        payouts.forContract(caller, id),
                                        remittances.forContract(caller, id))))),
                        remittances.edi835(caller),
                        path("payouts", () -> payouts.all(caller, remittances))))));
        // the timeout's reply bypasses the route (and so RequestTracing's echo): it carries the request's id itself
        Route sealed = ErrorHandling.seal(api);
        return new RequestTracing(ctx.metrics()).around(withRequestTimeout(timeout, req -> RequestTracing.echo(req, ApiJson.problemResponse(
                        Problem.of(503, "timeout", "Service unavailable",
                                "the request was not answered within " + ctx.settings().requestTimeout().toSeconds() + " s; retry later"))),
                () -> sealed));
    }
}
