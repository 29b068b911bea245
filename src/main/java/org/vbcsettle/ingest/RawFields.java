package org.vbcsettle.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A record's fields as raw text taken from another format (a FHIR resource's elements), before any rule:
 * the record rules ({@link RecordType#read(RawFields, RecordRules)}) parse and check them exactly as they
 * parse a CSV cell or an NDJSON value, so that the same bad value gets the same message whichever way it came.
 */
public final class RawFields implements Fields {
    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, List<String>> lists = new HashMap<>();

    /** Sets a single value; null or blank leaves the field absent. */
    public RawFields put(String name, String value) {
        if (value != null && !value.isBlank()) {
            texts.put(name, value.trim());
        }
        return this;
    }

    /** Adds one entry to a list field (HCPCS codes, diagnoses); blank entries are skipped. */
    public RawFields add(String name, String entry) {
        if (entry != null && !entry.isBlank()) {
            lists.computeIfAbsent(name, n -> new ArrayList<>()).add(entry.trim());
        }
        return this;
    }

    @Override
    public String text(String name) {
        return texts.get(name);
    }

    @Override
    public List<String> list(String name) {
        return lists.getOrDefault(name, List.of());
    }
}
