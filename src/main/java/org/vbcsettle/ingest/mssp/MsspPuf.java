package org.vbcsettle.ingest.mssp;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed CMS MSSP ACO public use file.
 *
 * @param columns    the header name found for each column read (for the report)
 * @param layoutNote what the reader did about an unusual layout (the PY2013 shift), for the output; empty otherwise
 */
public record MsspPuf(Path file, int performanceYear, List<MsspPufRow> rows, Map<String, String> columns, String layoutNote) {
    public MsspPuf {
        rows = List.copyOf(rows);
        columns = Map.copyOf(columns);
    }
}
