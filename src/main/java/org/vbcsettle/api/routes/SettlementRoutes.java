package org.vbcsettle.api.routes;

import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.JsonNode;
import org.vbcsettle.api.ApiContext;
import org.vbcsettle.api.Problem;
import org.vbcsettle.api.RecordError;
import org.vbcsettle.api.RouteSupport;
import org.vbcsettle.api.auth.Caller;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.settlement.Statement;

import org.vbcsettle.ingest.Checked;
import org.vbcsettle.ingest.ReportedFactsFormat;
import org.vbcsettle.settlement.ReportedFacts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v1/contracts/{id}/totals} (running totals and projected settlement) and
 * {@code /v1/contracts/{id}/settlements} (run an interim or final settlement; list statements).
 */
public final class SettlementRoutes extends RouteSupport {

    public SettlementRoutes(ApiContext ctx) {
        super(ctx);
    }

    public Route routes(Caller caller, String id) {
        return concat(
                path("totals", () -> get(() -> readable(caller, id, p -> parameterOptional("period", period ->
                        validPeriod("totals " + id, "period", period, () ->
                                reply(StatusCodes.OK, ctx.ledger().totals(id, period.orElse(null)))))))),
                path("settlements", () -> concat(
                        get(() -> readable(caller, id, p -> parameterOptional("period", period ->
                                validPeriod("statements " + id, "period", period, () ->
                                        parameterOptional("kind", kind -> after(ctx.ledger().statements(id),
                                                all -> ok(filter(all, period, kind)))))))),
                        post(() -> writable(caller, id, c -> jsonBody(body -> {
                            Request r;
                            try {
                                r = request(c, body, ctx.clock());
                            } catch (Problem.Failure f) {
                                return problem(f.problem());
                            }
                            return after(ctx.ledger().settle(id, r.period(), r.kind(), r.asOf(), r.reported()),
                                    s -> json(s.repeated() ? StatusCodes.OK : StatusCodes.CREATED, s));
                        }))))));
    }

    record Request(Period period, Statement.Kind kind, LocalDate asOf, ReportedFacts reported) {
    }

    private static final Set<String> FIELDS = Set.of("period", "kind", "asOf", "reported");

    /**
     * {"period": "2024-Q1", "kind": "interim"} or {"kind": "final"} (the performance period); optional
     * {@code asOf} (settlement date, default today) and {@code reported} (payer-reported facts).
     */
    static Request request(Contract c, JsonNode body, Clock clock) {
        String record = "settlement request";
        List<RecordError> errors = new ArrayList<>();
        if (!body.isObject()) {
            throw Problem.badRequest("request body must be a JSON object {\"period\": ..., \"kind\": \"interim\"|\"final\"}", List.of()).failure();
        }
        body.fieldNames().forEachRemaining(n -> {
            if (!FIELDS.contains(n)) {
                errors.add(new RecordError(record, n, "unknown field (expected period, kind, asOf, reported)"));
            }
        });
        Statement.Kind kind = null;
        JsonNode k = body.get("kind");
        if (k == null || !k.isTextual()) {
            errors.add(new RecordError(record, "kind", "is required: interim or final"));
        } else {
            String t = k.asText().trim().toUpperCase(Locale.ROOT);
            if (t.equals("INTERIM") || t.equals("FINAL")) {
                kind = Statement.Kind.valueOf(t);
            } else {
                errors.add(new RecordError(record, "kind", "must be interim or final, was '" + k.asText() + "'"));
            }
        }
        Period period = null;
        JsonNode p = body.get("period");
        if (p == null || p.isNull()) {
            if (kind == Statement.Kind.FINAL) {
                period = c.performancePeriod();
            } else {
                errors.add(new RecordError(record, "period", "is required for an interim settlement (e.g. 2024-Q1)"));
            }
        } else if (!p.isTextual()) {
            errors.add(new RecordError(record, "period", "must be a string such as 2024-Q1, was " + p));
        } else {
            try {
                period = p.asText().equals(c.performancePeriod().id()) ? c.performancePeriod() : Period.parse(p.asText());
                if (!c.performancePeriod().encloses(period)) {
                    errors.add(new RecordError(record, "period", period.id() + " is outside the contract's performance period "
                            + c.performanceStart() + " to " + c.performanceEnd()));
                } else if (kind == Statement.Kind.FINAL && !period.equals(c.performancePeriod())) {
                    errors.add(new RecordError(record, "period", "a final settlement covers the whole performance period "
                            + c.performancePeriod().id() + ", was " + period.id()));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new RecordError(record, "period", e.getMessage()));
            }
        }
        LocalDate asOf = LocalDate.now(clock);
        JsonNode a = body.get("asOf");
        if (a != null && !a.isNull()) {
            try {
                asOf = LocalDate.parse(a.asText());
                if (!a.isTextual()) {
                    throw new DateTimeParseException("not text", a.toString(), 0);
                }
                if (period != null && !asOf.isAfter(period.start())) {
                    errors.add(new RecordError(record, "asOf", asOf + " is not after the start of " + period.id()));
                }
            } catch (DateTimeParseException e) {
                errors.add(new RecordError(record, "asOf", "must be a date YYYY-MM-DD, was " + a));
            }
        }
        ReportedFacts reported = ReportedFacts.NONE;
        JsonNode rep = body.get("reported");
        if (rep != null && !rep.isNull()) {
            Checked<ReportedFacts> facts = ReportedFactsFormat.read(rep);
            reported = facts.ok() ? facts.value() : ReportedFacts.NONE;
            facts.violations().forEach(v -> errors.add(new RecordError(record,
                    v.field() == null ? "reported" : "reported." + v.field(), v.message())));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("the settlement request is not valid", errors).failure();
        }
        return new Request(period, kind, asOf, reported);
    }

    private static List<Statement> filter(List<Statement> all, Optional<String> period, Optional<String> kind) {
        List<Statement> out = new ArrayList<>();
        for (Statement s : all) {
            if (period.isPresent() && !period.get().equals(s.periodId())) {
                continue;
            }
            if (kind.isPresent() && !kind.get().equalsIgnoreCase(s.kind().name())) {
                continue;
            }
            out.add(s);
        }
        return out;
    }
}
