package org.vbcsettle.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import org.vbcsettle.money.Money;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An object node of a scenario document together with its path from the root, so that every error names
 * the file and the field ({@code cost.tiers[1].severity.sigma}). Unknown fields are errors: a misspelt
 * parameter must never silently fall back to a default.
 */
final class YamlFields {
    private final String file;
    private final String path;
    private final JsonNode node;

    private YamlFields(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    static YamlFields root(String file, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new ScenarioException(file + ": a scenario is a YAML mapping of fields, was "
                    + (node == null || node.isMissingNode() ? "an empty document" : node.getNodeType().toString().toLowerCase()));
        }
        return new YamlFields(file, "", node);
    }

    String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    ScenarioException error(String field, String problem) {
        return new ScenarioException(file + ": " + pathOf(field) + ": " + problem);
    }

    ScenarioException errorHere(String problem) {
        return new ScenarioException(file + ": " + (path.isEmpty() ? "(document)" : path) + ": " + problem);
    }

    void allowOnly(String... names) {
        Set<String> allowed = new LinkedHashSet<>(Arrays.asList(names));
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw error(f, "unknown field (expected one of: " + String.join(", ", allowed) + ")");
            }
        }
    }

    /** The field's value; a missing or null field is an error naming it. */
    private JsonNode required(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw error(field, "is required");
        }
        return v;
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    YamlFields object(String field) {
        JsonNode v = required(field);
        if (!v.isObject()) {
            throw error(field, "must be a mapping of fields, was " + show(v));
        }
        return new YamlFields(file, pathOf(field), v);
    }

    YamlFields optObject(String field) {
        return has(field) ? object(field) : null;
    }

    List<YamlFields> objectList(String field) {
        JsonNode v = required(field);
        if (!v.isArray()) {
            throw error(field, "must be a list, was " + show(v));
        }
        List<YamlFields> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String p = pathOf(field) + "[" + i + "]";
            if (!e.isObject()) {
                throw new ScenarioException(file + ": " + p + ": must be a mapping of fields, was " + show(e));
            }
            out.add(new YamlFields(file, p, e));
        }
        return out;
    }

    /** The entries of a mapping keyed by id, in document order. */
    List<Map.Entry<String, YamlFields>> entries() {
        List<Map.Entry<String, YamlFields>> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isObject()) {
                throw error(e.getKey(), "must be a mapping of fields, was " + show(e.getValue()));
            }
            out.add(Map.entry(e.getKey(), new YamlFields(file, pathOf(e.getKey()), e.getValue())));
        }
        return out;
    }

    String string(String field) {
        JsonNode v = required(field);
        if (!v.isTextual()) {
            throw error(field, "must be text, was " + show(v));
        }
        return v.asText();
    }

    String optString(String field) {
        return has(field) ? string(field) : null;
    }

    double number(String field) {
        JsonNode v = required(field);
        if (!v.isNumber()) {
            throw error(field, "must be a number, was " + show(v));
        }
        double d = v.asDouble();
        if (!Double.isFinite(d)) {
            throw error(field, "must be a finite number, was " + v.asText());
        }
        return d;
    }

    double number(String field, double defaultValue) {
        return has(field) ? number(field) : defaultValue;
    }

    long integer(String field) {
        JsonNode v = required(field);
        if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            throw error(field, "must be a whole number, was " + show(v));
        }
        return v.asLong();
    }

    boolean bool(String field, boolean defaultValue) {
        if (!has(field)) {
            return defaultValue;
        }
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            throw error(field, "must be true or false, was " + show(v));
        }
        return v.asBoolean();
    }

    /** Money in a scenario is always a dollar string ("$1,050.00"): a bare number would be ambiguous. */
    Money money(String field) {
        JsonNode v = required(field);
        if (!v.isTextual() || !v.asText().trim().replace("-$", "$").startsWith("$")) {
            throw error(field, "an amount is a dollar string such as \"$1,050.00\", was " + show(v));
        }
        try {
            return Money.parseDollars(v.asText().trim().replace("-$", "-"));
        } catch (NumberFormatException e) {
            throw error(field, "not a dollar amount: " + e.getMessage());
        }
    }

    Money optMoney(String field) {
        return has(field) ? money(field) : null;
    }

    // --- checks, each returning the value so that reads stay one line ---

    double positive(String field, double v) {
        if (!(v > 0)) {
            throw error(field, "must be > 0, was " + fmt(v));
        }
        return v;
    }

    double nonNegative(String field, double v) {
        if (v < 0) {
            throw error(field, "must be >= 0, was " + fmt(v));
        }
        return v;
    }

    double probability(String field, double v) {
        if (v < 0 || v > 1) {
            throw error(field, "must be a probability between 0 and 1, was " + fmt(v));
        }
        return v;
    }

    double greaterThan(String field, double v, double bound, String why) {
        if (!(v > bound)) {
            throw error(field, "must be > " + fmt(bound) + (why == null ? "" : " (" + why + ")") + ", was " + fmt(v));
        }
        return v;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String show(JsonNode v) {
        if (v.isTextual()) {
            return "\"" + v.asText() + "\"";
        }
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        return v.toString();
    }
}
