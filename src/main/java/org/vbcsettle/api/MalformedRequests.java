package org.vbcsettle.api;

import akka.event.LoggingAdapter;
import akka.http.ParsingErrorHandler;
import akka.http.javadsl.model.HttpResponse;
import akka.http.scaladsl.model.ErrorInfo;
import akka.http.scaladsl.model.StatusCode;
import akka.http.scaladsl.settings.ServerSettings;

/**
 * The answer to bytes akka-http cannot parse as a request (no route sees them): a problem document, after
 * which the server closes the connection. The parser only ever refuses what the client sent, so its 5xx
 * answers (501 for a method HTTP does not define, 505 for a missing or unknown protocol version, as in
 * {@code GET /} or {@code HTTP/9.9}) become 400; size limits keep their 413/414/431. Named in {@code akka.http.server.parsing.error-handler};
 * akka looks the handler up as a Scala object, hence {@link #MODULE$}.
 */
public final class MalformedRequests extends ParsingErrorHandler {

    public static final MalformedRequests MODULE$ = new MalformedRequests();

    @Override
    public HttpResponse handle(StatusCode status, ErrorInfo info, LoggingAdapter log, ServerSettings settings) {
        int code = status.intValue() >= 500 ? 400 : status.intValue();
        String summary = info.summary().isEmpty() ? status.reason() : info.summary();
        log.debug("malformed request: {}", info.formatPretty());
        return ApiJson.problemResponse(Problem.of(code, code == 400 ? "bad-request" : "http-" + code,
                code == 400 ? "Bad request" : status.reason(), "malformed request: " + summary));
    }
}
