package org.vbcsettle.api;

import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.HttpHeader;
import akka.http.javadsl.model.StatusCode;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.RawHeader;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import org.vbcsettle.api.auth.Access;
import org.vbcsettle.api.auth.Caller;
import org.vbcsettle.api.auth.Tokens;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;

import com.fasterxml.jackson.databind.JsonNode;
import org.vbcsettle.contract.Mappers;
import scala.concurrent.duration.FiniteDuration;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/** What every route class shares: authentication, access checks on a contract, JSON and problem replies. */
public abstract class RouteSupport extends AllDirectives {

    protected final ApiContext ctx;

    protected RouteSupport(ApiContext ctx) {
        this.ctx = ctx;
    }

    /** Requires {@code Authorization: Bearer <JWT>} and hands on the verified caller. */
    protected Route authenticated(Function<Caller, Route> inner) {
        return optionalHeaderValueByName("Authorization", (Optional<String> header) -> {
            if (header.isEmpty()) {
                return unauthorized("missing Authorization header (expected: Bearer <JWT>)");
            }
            String h = header.get().trim();
            if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return unauthorized("Authorization header must use the Bearer scheme");
            }
            Caller caller;
            try {
                caller = ctx.tokens().verify(h.substring(7).trim());
            } catch (Tokens.Rejected e) {
                return unauthorized(e.getMessage());
            }
            return inner.apply(caller);
        });
    }

    /**
     * The request's id ({@link RequestTracing} has put a well-formed {@code X-Request-Id} on every request it
     * passes on; null when the route runs without it, as in some tests).
     */
    protected Route requestId(Function<String, Route> inner) {
        return optionalHeaderValueByName(RequestTracing.HEADER, h -> inner.apply(h.orElse(null)));
    }

    private Route unauthorized(String detail) {
        HttpHeader challenge = RawHeader.create("WWW-Authenticate", "Bearer realm=\"vbc-settle\"");
        return complete(ApiJson.problemResponse(Problem.unauthorized(detail)).addHeader(challenge));
    }

    protected Route problem(Problem p) {
        return complete(ApiJson.problemResponse(p));
    }

    protected <T> Route json(StatusCode status, T value) {
        return complete(status, value, ApiJson.marshaller());
    }

    protected <T> Route ok(T value) {
        return json(StatusCodes.OK, value);
    }

    /** Completes with the stage's value as JSON, or its failure as a problem. */
    protected <T> Route reply(StatusCode status, CompletionStage<T> stage) {
        return onComplete(stage, t -> t.isSuccess() ? json(status, t.get()) : problem(ErrorHandling.problemFor(t.failed().get())));
    }

    protected <T> Route after(CompletionStage<T> stage, Function<T, Route> next) {
        return onComplete(stage, t -> t.isSuccess() ? next.apply(t.get()) : problem(ErrorHandling.problemFor(t.failed().get())));
    }

    /** The caller may read the contract: hands on its parties (404 unknown, 403 not the caller's). */
    protected Route readable(Caller caller, String contractId, Function<Access.Parties, Route> inner) {
        return after(ctx.directory().parties(contractId), p -> Access.canRead(caller, p) ? inner.apply(p)
                : problem(Problem.forbidden(caller.role().claim() + " '" + caller.party() + "' may not read contract '" + contractId + "'")));
    }

    /** The caller may write the contract: hands on its current terms. */
    protected Route writable(Caller caller, String contractId, Function<Contract, Route> inner) {
        return after(ctx.directory().parties(contractId), p -> {
            if (!Access.canWrite(caller, p)) {
                return problem(Problem.forbidden(caller.role().claim() + " '" + caller.party()
                        + "' may not write to contract '" + contractId + "' (only its payer '" + p.payer() + "' or an admin)"));
            }
            return after(ctx.directory().contract(contractId), inner);
        });
    }

    /**
     * A period id from the path or a query parameter, read once here: a 422 naming {@code field} when it
     * names no period (absent is fine: the performance period).
     */
    protected Route validPeriod(String record, String field, Optional<String> periodId, Supplier<Route> inner) {
        if (periodId.isEmpty()) {
            return inner.get();
        }
        Period.Read r = Period.read(periodId.get());
        return r.ok() ? inner.get()
                : problem(invalid("the " + field + " names no period", List.of(new RecordError(record, field, r.problem()))));
    }

    protected static Problem invalid(String detail, List<RecordError> errors) {
        return Problem.invalid(detail, errors);
    }

    /** The whole body, at most {@code vbc.http.max-json-bytes} (413 beyond). */
    protected Route strictBody(Function<HttpEntity.Strict, Route> inner) {
        long max = ctx.settings().maxJsonBytes();
        return withSizeLimit(max, () -> extractStrictEntity(
                FiniteDuration.create(ctx.settings().requestTimeout().toMillis(), TimeUnit.MILLISECONDS), max, inner));
    }

    /** The body as a JSON tree (400 when malformed, 415 when not JSON). */
    protected Route jsonBody(Function<JsonNode, Route> inner) {
        return strictBody(e -> {
            if (!isJson(e.getContentType())) {
                return problem(unsupported(e.getContentType(), "application/json"));
            }
            try {
                JsonNode n = Mappers.json().readTree(e.getData().toArray());
                if (n == null || n.isMissingNode()) {
                    return problem(Problem.badRequest("request body is empty; expected JSON", List.of()));
                }
                return inner.apply(n);
            } catch (IOException ex) {
                return problem(ErrorHandling.problemFor(ex));
            }
        });
    }

    protected static boolean isJson(ContentType t) {
        String m = t.mediaType().toString();
        return m.equals("application/json") || m.endsWith("+json");
    }

    protected static Problem unsupported(ContentType got, String expected) {
        return Problem.of(415, "unsupported-media-type", "Unsupported media type",
                "Content-Type " + got.mediaType() + " is not accepted here; send " + expected);
    }
}
