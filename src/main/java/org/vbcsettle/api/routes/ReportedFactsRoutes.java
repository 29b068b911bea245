package org.vbcsettle.api.routes;

import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.JsonNode;
import org.vbcsettle.api.ApiContext;
import org.vbcsettle.api.Problem;
import org.vbcsettle.api.RouteSupport;
import org.vbcsettle.api.auth.Caller;
import org.vbcsettle.api.wire.WireReader;
import org.vbcsettle.ingest.Checked;
import org.vbcsettle.ingest.ReportedFactsFormat;
import org.vbcsettle.settlement.ReportedFacts;

import java.util.List;

import static akka.http.javadsl.server.PathMatchers.segment;

/**
 * {@code /v1/contracts/{id}/reported-facts/{period}}: the figures the payer reports rather than the engine
 * derives (quality score, CQS, participant revenue, …). PUT (the contract's payer, admin) records them for
 * the performance period or a quarter, replacing earlier ones; GET (whoever may read the contract) shows them.
 * The running totals' projection and every settlement of the period use them.
 */
public final class ReportedFactsRoutes extends RouteSupport {

    public ReportedFactsRoutes(ApiContext ctx) {
        super(ctx);
    }

    public Route routes(Caller caller, String id) {
        return pathPrefix("reported-facts", () -> path(segment(), period -> validPeriod("reported facts " + id, "period",
                java.util.Optional.of(period), () -> concat(
                get(() -> readable(caller, id, p -> reply(StatusCodes.OK, ctx.ledger().reportedFacts(id, period)))),
                put(() -> writable(caller, id, c -> jsonBody(body -> {
                    ReportedFacts facts;
                    try {
                        facts = facts(body, "reported facts " + id + " " + period);
                    } catch (Problem.Failure f) {
                        return problem(f.problem());
                    }
                    return reply(StatusCodes.OK, ctx.ledger().reportFacts(id, period, facts));
                })))))));
    }

    /** The body as facts, read with the record rules of reported facts; every field wrong is named. */
    static ReportedFacts facts(JsonNode body, String record) {
        if (!body.isObject()) {
            throw Problem.badRequest("request body must be a JSON object of reported facts, e.g. {\"qualityScore\": 0.92}",
                    List.of()).failure();
        }
        Checked<ReportedFacts> facts = ReportedFactsFormat.read(body);
        if (!facts.ok()) {
            throw Problem.invalid("the reported facts are not valid", facts.violations().stream()
                    .map(v -> WireReader.error(record, v.field(), v.message())).toList()).failure();
        }
        return facts.value();
    }
}
