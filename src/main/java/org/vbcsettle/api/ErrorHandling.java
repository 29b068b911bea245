package org.vbcsettle.api;

import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.ExceptionHandler;
import akka.http.javadsl.server.RejectionHandler;
import akka.http.javadsl.server.Route;
import akka.http.scaladsl.model.EntityStreamException;
import akka.http.scaladsl.model.EntityStreamSizeException;
import akka.http.scaladsl.model.ParsingException;
import akka.http.scaladsl.model.IllegalRequestException;
import akka.stream.scaladsl.Framing;
import akka.pattern.AskTimeoutException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Turns every failure into an {@code application/problem+json} response: akka-http rejections (their
 * default status and text become the problem's status and detail), exceptions (a known failure keeps its
 * status; anything unexpected is a 500 that names only an error id, logged with its stack trace here).
 */
public final class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);
    private static final AllDirectives D = new AllDirectives() {
    };

    private ErrorHandling() {
    }

    public static RejectionHandler rejectionHandler() {
        return RejectionHandler.defaultHandler().mapRejectionResponse(ErrorHandling::asProblem);
    }

    /** Re-dresses a plain-text rejection response as a problem document with the same status. */
    static HttpResponse asProblem(HttpResponse r) {
        if (r.entity().getContentType().equals(ApiJson.PROBLEM_JSON)) {
            return r;
        }
        String detail = "";
        if (r.entity() instanceof HttpEntity.Strict s) {
            detail = s.getData().decodeString(StandardCharsets.UTF_8).replace('\n', ' ').trim();
        }
        int status = r.status().intValue();
        Problem p = new Problem(Problem.TYPE_BASE + "http-" + status, r.status().reason(), status,
                detail.isEmpty() ? r.status().defaultMessage() : detail, null, List.of());
        return ApiJson.problemResponse(p).withHeaders(r.getHeaders());
    }

    public static ExceptionHandler exceptionHandler() {
        return ExceptionHandler.newBuilder()
                .matchAny(t -> D.complete(responseFor(t)))
                .build();
    }

    public static Route seal(Route r) {
        return r.seal(rejectionHandler(), exceptionHandler());
    }

    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public static Problem problemFor(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof Problem.Failure f) {
            return f.problem();
        }
        if (t instanceof EntityStreamSizeException e) {
            return Problem.of(413, "too-large", "Payload too large",
                    "request body exceeds the limit of " + e.limit() + " bytes for this endpoint");
        }
        if (t instanceof IllegalRequestException e) {
            int status = e.status().intValue();
            if (e.info().summary().toLowerCase(java.util.Locale.ROOT).contains("too large")) {
                // toStrictEntity reports an over-limit body as 400; it is a 413
                return Problem.of(413, "too-large", "Payload too large", e.info().formatPretty());
            }
            return Problem.of(status, status == 413 ? "too-large" : "http-" + status, e.status().reason(), e.info().summary());
        }
        if (t instanceof EntityStreamException e) {
            // a body that breaks HTTP framing (a chunk size that is not hex, a chunk cut short): the client's fault
            return Problem.of(400, "bad-framing", "Bad request", "malformed request body: " + e.info().summary());
        }
        if (t instanceof ParsingException e) {
            return Problem.of(400, "bad-request", "Bad request", "malformed request: " + e.info().summary());
        }
        if (t instanceof Framing.FramingException e) {
            return Problem.of(400, "bad-framing", "Bad request", "NDJSON: " + e.getMessage()
                    + "; nothing after that line was read");
        }
        if (t instanceof JsonParseException e) {
            return Problem.badRequest("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + ApiJson.cleanMessage(e), List.of());
        }
        if (t instanceof JsonMappingException e) {
            String field = ApiJson.fieldPath(e);
            return Problem.invalid("request body does not match the expected form",
                    List.of(new RecordError("request body", field, ApiJson.cleanMessage(e))));
        }
        if (t instanceof JsonProcessingException e) {
            return Problem.badRequest("unreadable request body: " + ApiJson.cleanMessage(e), List.of());
        }
        if (t instanceof AskTimeoutException || t instanceof TimeoutException) {
            return Problem.of(503, "timeout", "Service unavailable", "the ledger did not answer in time; retry later");
        }
        String id = UUID.randomUUID().toString();
        log.error("unexpected failure, error id {}", id, t);
        return Problem.of(500, "internal", "Internal error", "unexpected failure; error id " + id);
    }

    public static HttpResponse responseFor(Throwable t) {
        return ApiJson.problemResponse(problemFor(t));
    }
}
