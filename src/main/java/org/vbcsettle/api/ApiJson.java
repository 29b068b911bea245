package org.vbcsettle.api;

import akka.http.javadsl.marshallers.jackson.Jackson;
import akka.http.javadsl.marshalling.Marshaller;
import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpCharsets;
import akka.http.javadsl.model.HttpEntities;
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

    private static final Marshaller<Object, RequestEntity> MARSHALLER = Jackson.marshaller(Mappers.json());

    private ApiJson() {
    }

    @SuppressWarnings("unchecked")
    public static <T> Marshaller<T, RequestEntity> marshaller() {
        return (Marshaller<T, RequestEntity>) (Marshaller<?, RequestEntity>) MARSHALLER;
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
