package org.vbcsettle.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.vbcsettle.contract.StoredText;

import java.util.List;

/**
 * An RFC 7807 problem document ({@code application/problem+json}). Every failure the API returns has
 * this shape; {@code errors} names the record and the field where the input was at fault. Never carries
 * a stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<RecordError> errors) {

    public static final String TYPE_BASE = "https://vbc-settle.org/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        detail = StoredText.wellFormed(detail); // it may quote what the client sent
        instance = StoredText.wellFormed(instance);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, List.of());
    }

    public static Problem invalid(String detail, List<RecordError> errors) {
        return new Problem(TYPE_BASE + "validation", "Invalid input", 422, detail, null, errors);
    }

    public static Problem badRequest(String detail, List<RecordError> errors) {
        return new Problem(TYPE_BASE + "bad-request", "Bad request", 400, detail, null, errors);
    }

    public static Problem notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    public static Problem forbidden(String detail) {
        return of(403, "forbidden", "Forbidden", detail);
    }

    public static Problem unauthorized(String detail) {
        return of(401, "unauthorized", "Unauthorized", detail);
    }

    public static Problem conflict(String detail) {
        return of(409, "conflict", "Conflict", detail);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    /** Thrown anywhere below a route to end the request with this problem. */
    public static final class Failure extends RuntimeException {
        private final Problem problem;

        public Failure(Problem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    public Failure failure() {
        return new Failure(this);
    }
}
