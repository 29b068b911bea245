package org.vbcsettle.ingest;

import java.nio.file.Path;
import java.util.Locale;

/** The two record file formats, chosen by file extension. */
public enum FileFormat {
    /** RFC 4180 CSV with a header row naming the fields. */
    CSV,
    /** Newline-delimited JSON: one JSON object per line. */
    NDJSON;

    public static FileFormat of(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return CSV;
        }
        if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
            return NDJSON;
        }
        throw new IllegalArgumentException(file + ": unknown file format: name it *.csv or *.ndjson (or *.jsonl)");
    }
}
