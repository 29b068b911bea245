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
import org.vbcsettle.ingest.fhir.VbprReport;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.ledger.ArrangementTotals;
import org.vbcsettle.ledger.RunningTotals;

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
        return concat(measureReport(caller, id), requestId(rid -> path("fhir", () -> post(() -> writable(caller, id, contract -> strictBody(entity -> {
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
            CompletionStage<Map<String, Object>> done = IngestRoutes.inBatches(ctx.settings().ndjsonBatchSize(), contract.id(), batch.attribution(),
                    (c, l) -> ctx.ledger().attribute(c, l, rid))
                    .thenCompose(a -> IngestRoutes.inBatches(ctx.settings().ndjsonBatchSize(), contract.id(), batch.claims(), (c, l) -> ctx.ledger().recordClaims(c, l, rid))
                            .thenCompose(cl -> IngestRoutes.inBatches(ctx.settings().ndjsonBatchSize(), contract.id(), batch.qualityEvents(),
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
        }))))));
    }

    /**
     * {@code GET /v1/contracts/{id}/fhir/MeasureReport?period=}: the period's running totals as a Da Vinci VBPR
     * MeasureReport ({@link VbprReport}), {@code application/fhir+json}. IBNR and shared savings are given for
     * the performance period (the projected settlement's figures), not for its quarters.
     */
    private Route measureReport(Caller caller, String id) {
        return path(akka.http.javadsl.server.PathMatchers.segment("fhir").slash("MeasureReport"), () -> get(() -> readable(caller, id, parties ->
                parameterOptional("period", period -> validPeriod("query", "period", period, () ->
                        after(ctx.directory().contract(id), contract -> after(ctx.ledger().totals(id, period.orElse(null)), totals -> {
                            if (!(totals instanceof RunningTotals t)) {
                                return problem(Problem.of(501, "not-available", "Not available", "this ledger gives no running totals"));
                            }
                            String body = VbprReport.json(figures(contract, t));
                            return complete(akka.http.javadsl.model.HttpResponse.create().withStatus(StatusCodes.OK).withEntity(
                                    akka.http.javadsl.model.HttpEntities.create(akka.http.javadsl.model.ContentTypes.create(
                                            akka.http.javadsl.model.MediaTypes.applicationWithFixedCharset("fhir+json",
                                                    akka.http.javadsl.model.HttpCharsets.UTF_8)), body)));
                        })))))));
    }

    static VbprReport.Figures figures(Contract c, RunningTotals t) {
        boolean wholePeriod = t.periodId().equals(c.performancePeriod().id());
        Long savings = null;
        Long ibnr = null;
        Long incentive = null;
        String stream = "tcoc";
        for (ArrangementTotals a : t.arrangements()) {
            if (a.sharedSavings() != null && wholePeriod) {
                ArrangementTotals.Savings s = a.sharedSavings();
                savings = (savings == null ? 0 : savings) + s.earned().cents();
                if (t.memberMonths() > 0 && s.expenditure() != null) {
                    // completed expenditure less what was paid, per member-month, half-even to the cent (as paidPmpm)
                    ibnr = org.vbcsettle.money.Money.ofCents(s.expenditure().cents() - t.paidClaims().cents())
                            .dividedBy(t.memberMonths(), org.vbcsettle.money.Rounding.NEAREST_CENT_HALF_EVEN).cents();
                }
            }
            if (a.quality() != null && a.quality().bonus() != null) {
                incentive = (incentive == null ? 0 : incentive) + a.quality().bonus().cents();
            }
        }
        for (org.vbcsettle.contract.Arrangement a : c.arrangements()) {
            if (a instanceof org.vbcsettle.contract.SharedSavings) {
                stream = "ssp";
                break;
            }
            if (a instanceof org.vbcsettle.contract.BundledPayment) {
                stream = "eoc";
                break;
            }
            stream = "qip";
        }
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        return new VbprReport.Figures(c.id(), c.payer(), c.provider(), c.payee(), t.periodId(), t.periodStart(), t.periodEnd(), today,
                today, stream, t.memberMonths(),
                t.paidPmpm() == null ? null : t.paidPmpm().cents(), ibnr, savings, incentive);
    }

    /** A problem as the API names record errors: the resource, the element, the rule's message. */
    public static RecordError error(FhirProblem p) {
        return new RecordError(p.resource(), p.path(), p.message());
    }
}
