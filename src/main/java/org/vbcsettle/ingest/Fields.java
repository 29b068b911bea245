package org.vbcsettle.ingest;

import java.util.List;

/**
 * The fields of one input record, whatever the file format: a CSV row under its header, or one NDJSON
 * object. Values come back as text so that every format is checked by the same parsing rules.
 */
interface Fields {
    /** The value, trimmed; null when the field is absent or blank. */
    String text(String name);

    /** A list value: a JSON array, or text separated by {@code ;} (CSV); empty when absent. */
    List<String> list(String name);
}
