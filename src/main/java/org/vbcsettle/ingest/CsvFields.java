package org.vbcsettle.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** One CSV row read under its header; lists are {@code ;}-separated. */
final class CsvFields implements Fields {
    private final Map<String, Integer> header;
    private final List<String> row;

    CsvFields(Map<String, Integer> header, List<String> row) {
        this.header = header;
        this.row = row;
    }

    @Override
    public String text(String name) {
        Integer i = header.get(name);
        if (i == null || i >= row.size()) {
            return null;
        }
        String v = row.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    @Override
    public List<String> list(String name) {
        String v = text(name);
        if (v == null) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>();
        for (String part : v.split(";")) {
            String t = part.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
