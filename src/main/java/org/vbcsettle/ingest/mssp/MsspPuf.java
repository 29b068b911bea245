package org.vbcsettle.ingest.mssp;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed CMS MSSP ACO public use file.
 *
 * @param columns the header name found for each column read (for the report)
 */
public record MsspPuf(Path file, int performanceYear, List<MsspPufRow> rows, Map<String, String> columns) {
    public MsspPuf {
        rows = List.copyOf(rows);
        columns = Map.copyOf(columns);
    }
}
