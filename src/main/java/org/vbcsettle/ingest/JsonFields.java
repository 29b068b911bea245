package org.vbcsettle.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One NDJSON object. A list may be a JSON array or a {@code ;}-separated string. */
final class JsonFields implements Fields {
    private final ObjectNode node;

    JsonFields(ObjectNode node) {
        this.node = node;
    }

    @Override
    public String text(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isContainerNode()) {
            throw new FieldProblem(name, "must be a single value, not " + (v.isArray() ? "a list" : "an object"));
        }
        String t = v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText().trim();
        return t.isEmpty() ? null : t;
    }

    @Override
    public List<String> list(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                JsonNode e = v.get(i);
                if (e.isContainerNode() || e.isNull()) {
                    throw new FieldProblem(name + "[" + i + "]", "must be a code (text)");
                }
                String t = e.asText().trim();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
            return out;
        }
        if (v.isObject()) {
            throw new FieldProblem(name, "must be a list of codes");
        }
        for (String part : v.asText().split(";")) {
            if (!part.trim().isEmpty()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
