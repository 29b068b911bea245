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
import scala.concurrent.duration.FiniteDuration;

import java.util.concurrent.TimeUnit;

/**
 * The whole API: {@code /health}, {@code /ready} and (by default) {@code /metrics} open, everything under
 * {@code /v1} behind a bearer token; every request traced and timed ({@link RequestTracing}). Sealed, so that every rejection and exception leaves as a problem document.
 */
public final class ApiRoutes extends AllDirectives {

    private final ApiContext ctx;

    public ApiRoutes(ApiContext ctx) {
        this.ctx = ctx;
    }

    public Route route() {
        HealthRoutes health = new HealthRoutes(ctx);
        ContractRoutes contracts = new ContractRoutes(ctx);
        IngestRoutes ingest = new IngestRoutes(ctx);
        FhirRoutes fhir = new FhirRoutes(ctx);
        RemittanceRoutes remittances = new RemittanceRoutes(ctx);
        SettlementRoutes settlements = new SettlementRoutes(ctx);
        ReportedFactsRoutes facts = new ReportedFactsRoutes(ctx);
        PayoutRoutes payouts = new PayoutRoutes(ctx);
        OpenApiRoutes openApi = new OpenApiRoutes(ctx);
        FiniteDuration timeout = FiniteDuration.create(ctx.settings().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        Route api = concat(
                health.routes(),
                new MetricsRoutes(ctx).routes(),
                pathPrefix("v1", () -> health.authenticated(caller -> concat(
                        openApi.routes(),
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
        return new RequestTracing(ctx.metrics()).around(withRequestTimeout(timeout, req -> RequestTracing.echo(req, ApiJson.problemResponse(
                        Problem.of(503, "timeout", "Service unavailable",
                                "the request was not answered within " + ctx.settings().requestTimeout().toSeconds() + " s; retry later"))),
                () -> ErrorHandling.seal(api)));
    }
}
