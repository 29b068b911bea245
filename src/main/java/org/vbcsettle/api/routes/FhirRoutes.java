package org.vbcsettle.api.routes;

import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.Route;
import org.vbcsettle.api.ApiContext;
import org.vbcsettle.api.BatchResult;
import org.vbcsettle.api.Problem;
import org.vbcsettle.api.RecordError;
import org.vbcsettle.api.RouteSupport;
import org.vbcsettle.api.auth.Caller;
import org.vbcsettle.ingest.fhir.FhirBatch;
import org.vbcsettle.ingest.fhir.FhirIntake;
import org.vbcsettle.ingest.fhir.FhirProblem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * FHIR R4 in: {@code POST /v1/contracts/{id}/fhir} takes a Bundle ({@code application/fhir+json}) or bulk
 * NDJSON ({@code application/fhir+ndjson}) of CARIN BB ExplanationOfBenefit, Da Vinci ATR Group and DEQM
 * individual MeasureReport resources. The upload is one batch, all or nothing, as a JSON array is: when any
 * resource breaks a record rule the reply is 422 listing each problem by resource and element, and nothing
 * is stored. Otherwise its member-months, claims and quality events go to the ledger in that order (the
 * order {@code import} uses), and the reply counts each kind as the other intakes do.
 */
public final class FhirRoutes extends RouteSupport {

    public FhirRoutes(ApiContext ctx) {
        super(ctx);
    }

    public Route routes(Caller caller, String id) {
        return requestId(rid -> path("fhir", () -> post(() -> writable(caller, id, contract -> strictBody(entity -> {
            String media = entity.getContentType().mediaType().toString();
            FhirIntake.Form form;
            if (media.equals("application/fhir+ndjson") || media.equals("application/x-ndjson") || media.equals("application/ndjson")) {
                form = FhirIntake.Form.NDJSON;
            } else if (isJson(entity.getContentType())) {
                form = FhirIntake.Form.BUNDLE;
            } else {
                return problem(unsupported(entity.getContentType(), "application/fhir+json (a Bundle) or application/fhir+ndjson"));
            }
            FhirBatch batch = FhirIntake.read(entity.getData().decodeString(StandardCharsets.UTF_8), form, contract);
            if (!batch.ok()) {
                List<RecordError> errors = batch.problems().stream().limit(BatchResult.MAX_ERRORS_LISTED)
                        .map(FhirRoutes::error).toList();
                return problem(Problem.invalid(batch.problems().size() + " error(s) in the FHIR resources; nothing was stored", errors));
            }
            CompletionStage<Map<String, Object>> done = inBatches(contract.id(), batch.attribution(),
                    (c, l) -> ctx.ledger().attribute(c, l, rid))
                    .thenCompose(a -> inBatches(contract.id(), batch.claims(), (c, l) -> ctx.ledger().recordClaims(c, l, rid))
                            .thenCompose(cl -> inBatches(contract.id(), batch.qualityEvents(),
                                    (c, l) -> ctx.ledger().recordQualityEvents(c, l, rid))
                                    .thenApply(q -> {
                                        Map<String, Object> reply = new LinkedHashMap<>();
                                        reply.put("resources", batch.resources());
                                        reply.put("skipped", batch.skipped());
                                        reply.put("attribution", a);
                                        reply.put("claims", cl);
                                        reply.put("qualityEvents", q);
                                        return reply;
                                    })));
            return after(done, r -> json(StatusCodes.OK, r));
        })))));
    }

    /** A problem as the API names record errors: the resource, the element, the rule's message. */
    public static RecordError error(FhirProblem p) {
        return new RecordError(p.resource(), p.path(), p.message());
    }

    private <T> CompletionStage<BatchResult> inBatches(String contractId, List<T> records,
                                                       BiFunction<String, List<T>, CompletionStage<BatchResult>> send) {
        int size = ctx.settings().ndjsonBatchSize();
        CompletionStage<BatchResult> acc = CompletableFuture.completedFuture(BatchResult.EMPTY);
        for (int from = 0; from < records.size(); from += size) {
            List<T> chunk = List.copyOf(records.subList(from, Math.min(records.size(), from + size)));
            acc = acc.thenCompose(sofar -> send.apply(contractId, chunk).thenApply(sofar::plus));
        }
        return acc;
    }
}
