package org.vbcsettle.ingest;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header row of a CMS DE-SynPUF CSV file: column positions by name, every needed column present.
 *
 * @param columns position of each column by name
 * @param size    the number of fields in the header row, which every data row must have
 */
record SynPufHeader(Map<String, Integer> columns, int size) {

    /**
     * Reads the header row.
     *
     * @throws IngestException when the file is empty or a needed column is missing
     */
    static SynPufHeader read(CsvReader csv, String source, List<String> needed) throws IOException {
        List<String> header = csv.next();
        if (header == null) {
            throw new IngestException(new IngestError(source, 0, null, null, null, "the file is empty"));
        }
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i).trim(), i);
        }
        for (String column : needed) {
            if (!col.containsKey(column)) {
                throw new IngestException(new IngestError(source, 1, null, null, null, "the header has no column " + column));
            }
        }
        return new SynPufHeader(col, header.size());
    }
}
