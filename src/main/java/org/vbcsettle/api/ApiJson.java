package org.vbcsettle.api;

import akka.http.javadsl.marshalling.Marshaller;
import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpCharsets;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.RequestEntity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.vbcsettle.contract.Mappers;

import java.util.Map;

/**
 * JSON on the wire: the project's one Jackson configuration ({@link Mappers#json()}: ISO dates, exact
 * decimals, unknown fields rejected) as the akka-http marshaller, and RFC 7807 problem responses.
 */
public final class ApiJson {

    public static final ContentType.WithFixedCharset PROBLEM_JSON = ContentTypes.create(
            MediaTypes.customWithFixedCharset("application", "problem+json", HttpCharsets.UTF_8, Map.of(), false));

    // straight to bytes (akka-http's Jackson marshaller writes a String first, then encodes it)
    private static final Marshaller<Object, RequestEntity> MARSHALLER = Marshaller.withFixedContentType(
            ContentTypes.APPLICATION_JSON, ApiJson::entity);

    // a body serialized before (and shared by every response that sends it): the same negotiation, no work
    private static final Marshaller<HttpEntity.Strict, RequestEntity> PREPARED = Marshaller.withFixedContentType(
            ContentTypes.APPLICATION_JSON, e -> e);

    private ApiJson() {
    }

    @SuppressWarnings("unchecked")
    public static <T> Marshaller<T, RequestEntity> marshaller() {
        return (Marshaller<T, RequestEntity>) (Marshaller<?, RequestEntity>) MARSHALLER;
    }

    /** The marshaller of a body already serialized by {@link #entity(Object)}. */
    public static Marshaller<HttpEntity.Strict, RequestEntity> prepared() {
        return PREPARED;
    }

    /** A value as a JSON body, serialized once (immutable: it may be sent any number of times). */
    public static HttpEntity.Strict entity(Object value) {
        try {
            return HttpEntities.create(ContentTypes.APPLICATION_JSON, Mappers.json().writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static HttpResponse problemResponse(Problem p) {
        byte[] body;
        try {
            body = Mappers.json().writeValueAsBytes(p);
        } catch (JsonProcessingException e) {
            body = ("{\"title\":\"Internal error\",\"status\":" + p.status() + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return HttpResponse.create().withStatus(p.status()).withEntity(HttpEntities.create(PROBLEM_JSON, body));
    }

    /** The JSON path of a mapping error, e.g. {@code arrangements[0].benchmark.amount}. */
    public static String fieldPath(JsonMappingException e) {
        String path = Mappers.pathOf(e.getPath());
        return path.isEmpty() ? "(document)" : path;
    }

    /** Jackson's message without the location suffix and source reference that echo input back. */
    public static String cleanMessage(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "unreadable";
        }
        int cut = m.indexOf("\n at [Source");
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        // Jackson names Java classes in some messages; the client knows the field, not our class names
        m = m.replaceAll("`?(org\\.vbcsettle|java\\.(lang|math|time|util))\\.[\\w.$]+`?", "value");
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
