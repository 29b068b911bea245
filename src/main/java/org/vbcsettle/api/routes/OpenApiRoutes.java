package org.vbcsettle.api.routes;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.server.Route;
import org.vbcsettle.api.ApiContext;
import org.vbcsettle.api.RouteSupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** {@code GET /v1/openapi.yaml}: the OpenAPI 3 description of this API (resource {@code openapi.yaml}). */
public final class OpenApiRoutes extends RouteSupport {

    private final byte[] document;

    public OpenApiRoutes(ApiContext ctx) {
        super(ctx);
        this.document = load();
    }

    public static byte[] load() {
        try (InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Route routes() {
        return path("openapi.yaml", () -> get(() -> complete(HttpEntities.create(
                ContentTypes.create(MediaTypes.customWithFixedCharset("application", "yaml",
                        akka.http.javadsl.model.HttpCharsets.UTF_8, Map.of(), true)), document))));
    }

}
