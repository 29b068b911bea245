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

    private record Template(String name, Pattern pattern) {
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
            StringBuilder re = new StringBuilder();
            for (String part : path.split("(?=\\{)|(?<=\\})")) {
                re.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
            }
            list.add(new Template(path, Pattern.compile(re.toString())));
        }
        return new RouteTemplates(list);
    }

    /** The template the path matches (a trailing slash ignored), else {@link #UNMATCHED}. */
    public String templateOf(CharSequence path) {
        String p = path.length() > 1 && path.charAt(path.length() - 1) == '/'
                ? path.subSequence(0, path.length() - 1).toString() : path.toString();
        for (Template t : templates) {
            if (t.pattern().matcher(p).matches()) {
                return t.name();
            }
        }
        return UNMATCHED;
    }
}
