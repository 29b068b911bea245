package org.vbcsettle.api.routes;

import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.JsonNode;
import org.vbcsettle.api.ApiContext;
import org.vbcsettle.api.ApiJson;
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
                path("totals", () -> totals(caller, id)),
                path("settlements", () -> concat(
                        get(() -> readable(caller, id, p -> parameterOptional("period", period ->
                                validPeriod("statements " + id, "period", period, () ->
                                        parameterOptional("kind", kind -> after(ctx.ledger().statements(id),
                                                all -> ok(filter(all, period, kind)))))))),
                        post(() -> requestId(rid -> writable(caller, id, c -> jsonBody(body -> {
                            Request r;
                            try {
                                r = request(c, body, ctx.clock());
                            } catch (Problem.Failure f) {
                                return problem(f.problem());
                            }
                            return after(ctx.ledger().settle(id, r.period(), r.kind(), r.asOf(), r.reported(), rid),
                                    s -> json(s.repeated() ? StatusCodes.OK : StatusCodes.CREATED, s));
                        })))))));
    }

    /**
     * {@code GET /v1/contracts/{id}/totals[?period=]}, the same checks as every read (readable, a valid period),
     * answered with the body the ledger prepared ({@link org.vbcsettle.api.LedgerGateway#totalsBody}).
     */
    public Route totals(Caller caller, String id) {
        return get(() -> readable(caller, id, p -> parameterOptional("period", period ->
                validPeriod("totals " + id, "period", period, () ->
                        after(ctx.ledger().totalsBody(id, period.orElse(null)),
                                body -> complete(StatusCodes.OK, body, ApiJson.prepared()))))));
    }

    record Request(Period period, Statement.Kind kind, LocalDate asOf, ReportedFacts reported) {
    }

    private static final Set<String> FIELDS = Set.of("period", "kind", "asOf", "reported");

    /**
     * {"period": "2024-Q1", "kind": "interim"} or {"kind": "final"} (the performance period); optional
     * {@code asOf} (settlement date, default today) and {@code reported} (payer-reported facts).
     */
    static Request request(Contract c, JsonNode body, Clock clock) {
        if (!body.isObject()) {
            throw Problem.badRequest("request body must be a JSON object {\"period\": ..., \"kind\": \"interim\"|\"final\"}", List.of()).failure();
        }
        List<RecordError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(n -> {
            if (!FIELDS.contains(n)) {
                errors.add(error(org.vbcsettle.ingest.RecordReader.fieldName(n), "unknown field (expected period, kind, asOf, reported)"));
            }
        });
        Statement.Kind kind = kind(body.get("kind"), errors);
        Period period = period(c, kind, body.get("period"), errors);
        LocalDate asOf = asOf(body.get("asOf"), period, LocalDate.now(clock), errors);
        ReportedFacts reported = reported(body.get("reported"), errors);
        if (!errors.isEmpty()) {
            throw Problem.invalid("the settlement request is not valid", errors).failure();
        }
        return new Request(period, kind, asOf, reported);
    }

    private static RecordError error(String field, String message) {
        return new RecordError("settlement request", field, message);
    }

    private static Statement.Kind kind(JsonNode k, List<RecordError> errors) {
        if (k == null || !k.isTextual()) {
            errors.add(error("kind", "is required: interim or final"));
            return null;
        }
        String t = k.asText().trim().toUpperCase(Locale.ROOT);
        if (t.equals("INTERIM") || t.equals("FINAL")) {
            return Statement.Kind.valueOf(t);
        }
        errors.add(error("kind", "must be interim or final, was '" + k.asText() + "'"));
        return null;
    }

    /** The period settled: named, or the performance period for a final; inside the contract either way. */
    private static Period period(Contract c, Statement.Kind kind, JsonNode p, List<RecordError> errors) {
        Period perf = c.performancePeriod();
        if (p == null || p.isNull()) {
            if (kind == Statement.Kind.FINAL) {
                return perf;
            }
            errors.add(error("period", "is required for an interim settlement (e.g. 2024-Q1)"));
            return null;
        }
        if (!p.isTextual()) {
            errors.add(error("period", "must be a string such as 2024-Q1, was " + p));
            return null;
        }
        Period.Read read = p.asText().equals(perf.id()) ? new Period.Read(perf, null) : Period.read(p.asText());
        if (!read.ok()) {
            errors.add(error("period", read.problem()));
            return null;
        }
        Period period = read.period();
        if (!perf.encloses(period)) {
            errors.add(error("period", period.id() + " is outside the contract's performance period "
                    + c.performanceStart() + " to " + c.performanceEnd()));
        } else if (kind == Statement.Kind.FINAL && !period.equals(perf)) {
            errors.add(error("period", "a final settlement covers the whole performance period " + perf.id() + ", was " + period.id()));
        }
        return period;
    }

    private static LocalDate asOf(JsonNode a, Period period, LocalDate today, List<RecordError> errors) {
        if (a == null || a.isNull()) {
            return today;
        }
        LocalDate asOf;
        try {
            if (!a.isTextual()) {
                throw new DateTimeParseException("not text", a.toString(), 0);
            }
            asOf = LocalDate.parse(a.asText());
        } catch (DateTimeParseException e) {
            errors.add(error("asOf", "must be a date YYYY-MM-DD, was " + a));
            return today;
        }
        if (period != null && !asOf.isAfter(period.start())) {
            errors.add(error("asOf", asOf + " is not after the start of " + period.id()));
        }
        return asOf;
    }

    private static ReportedFacts reported(JsonNode rep, List<RecordError> errors) {
        if (rep == null || rep.isNull()) {
            return ReportedFacts.NONE;
        }
        Checked<ReportedFacts> facts = ReportedFactsFormat.read(rep);
        facts.violations().forEach(v -> errors.add(error(v.field() == null ? "reported" : "reported." + v.field(), v.message())));
        return facts.ok() ? facts.value() : ReportedFacts.NONE;
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
