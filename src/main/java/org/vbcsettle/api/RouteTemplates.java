package org.vbcsettle.api;

import org.vbcsettle.api.routes.OpenApiRoutes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route template a request path belongs to, as the metrics label it: the paths of {@code openapi.yaml}
 * (e.g. {@code /v1/contracts/{contractId}/claims}), or {@code unmatched}. Bounded by construction: a
 * contract id, payout key or garbage path never becomes a label value.
 */
public final class RouteTemplates {

    public static final String UNMATCHED = "unmatched";

    private static final Pattern PATH_LINE = Pattern.compile("(?m)^  (/\\S*):\\s*$");

    /** A template as its segments; a {@code null} segment is a parameter (any non-empty segment). */
    private record Template(String name, String[] segments) {
    }

    private final List<Template> templates;

    private RouteTemplates(List<Template> templates) {
        this.templates = List.copyOf(templates);
    }

    /** The paths of the API's own OpenAPI document. */
    public static RouteTemplates fromOpenApi() {
        return of(new String(OpenApiRoutes.load(), StandardCharsets.UTF_8));
    }

    static RouteTemplates of(String openApiYaml) {
        List<Template> list = new ArrayList<>();
        Matcher m = PATH_LINE.matcher(openApiYaml);
        while (m.find()) {
            String path = m.group(1);
            String[] parts = path.substring(1).split("/", -1);
            String[] segments = new String[parts.length];
            for (int i = 0; i < parts.length; i++) {
                segments[i] = parts[i].startsWith("{") && parts[i].endsWith("}") ? null : parts[i];
            }
            list.add(new Template(path, segments));
        }
        return new RouteTemplates(list);
    }

    /**
     * The template the path matches (a trailing slash ignored), else {@link #UNMATCHED}. Runs on every request:
     * compares segments in place, allocating nothing.
     */
    public String templateOf(CharSequence path) {
        int end = path.length();
        if (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        if (end == 0 || path.charAt(0) != '/') {
            return UNMATCHED;
        }
        for (Template t : templates) {
            if (matches(t.segments(), path, end)) {
                return t.name();
            }
        }
        return UNMATCHED;
    }

    private static boolean matches(String[] segments, CharSequence path, int end) {
        int pos = 1; // after the leading slash
        for (int i = 0; i < segments.length; i++) {
            if (pos > end) {
                return false;
            }
            int next = pos;
            while (next < end && path.charAt(next) != '/') {
                next++;
            }
            String literal = segments[i];
            if (literal == null) {
                if (next == pos) {
                    return false; // a parameter is never empty
                }
            } else if (next - pos != literal.length() || !regionEquals(path, pos, literal)) {
                return false;
            }
            pos = next + 1;
        }
        return pos == end + 1;
    }

    private static boolean regionEquals(CharSequence path, int from, String literal) {
        for (int i = 0; i < literal.length(); i++) {
            if (path.charAt(from + i) != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
