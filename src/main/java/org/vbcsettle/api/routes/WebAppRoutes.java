package org.vbcsettle.api.routes;

import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.Uri;
import akka.http.javadsl.model.headers.CacheControl;
import akka.http.javadsl.model.headers.CacheDirectives;
import akka.http.javadsl.model.headers.RawHeader;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;

import java.util.List;
import java.util.Set;

import static akka.http.javadsl.server.PathMatchers.segment;

/**
 * The provider and payer web app: static files (plain ES modules, CSS, SVG charts drawn in the browser) read
 * from the jar's {@code webapp/} folder under {@code /app/}; {@code GET /} redirects there. The pages hold no
 * data and need no token: the app reads and writes everything through {@code /v1} with the caller's bearer
 * token, under the same authorization as every other client.
 */
public final class WebAppRoutes extends AllDirectives {

    /** The app's files, by name: nothing else of the class path is served. */
    static final Set<String> FILES = Set.of("index.html", "app.css", "app.js", "api.js", "format.js", "chart.js", "views.js");

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public Route routes() {
        // paths first, then the method: a get() around everything would cancel the 405s of the API's routes
        return concat(
                pathSingleSlash(() -> get(() -> redirect(Uri.create("/app/"), StatusCodes.FOUND))),
                pathPrefix("app", () -> get(() -> concat(
                        pathEnd(() -> redirect(Uri.create("/app/"), StatusCodes.MOVED_PERMANENTLY)),
                        pathSingleSlash(() -> file("index.html")),
                        path(segment(), name -> FILES.contains(name) ? file(name) : reject())))));
    }

    private Route file(String name) {
        // no-cache: a node upgraded under a browser serves the new app on the next load
        return respondWithHeaders(List.of(CacheControl.create(CacheDirectives.NO_CACHE),
                        RawHeader.create("Content-Security-Policy", CSP),
                        RawHeader.create("X-Content-Type-Options", "nosniff"),
                        RawHeader.create("Referrer-Policy", "no-referrer")),
                () -> getFromResource("webapp/" + name));
    }
}
