package org.vbcsettle.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vbcsettle.contract.Mappers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads claims, attribution or quality events from CSV or NDJSON, one record at a time: the file is never held
 * in memory, only the record being parsed. Bad records are reported to the sink with the file, line, record
 * id and field, and reading goes on with the next record; a broken header or an unreadable file ends reading.
 * {@link #parseNdjsonLine} parses one NDJSON line on its own (for streamed HTTP bodies).
 */
public final class RecordReader {

    private RecordReader() {
    }

    /** Receives records in file order, and errors as they are found. */
    public interface Sink<T> {
        void record(T record, long line);

        void error(IngestError error);
    }

    /** @param records records read; @param errors bad records (and fatal errors) */
    public record Summary(long records, long errors) {
    }

    /** All records of a file with its errors (at most {@code maxErrors} kept; the count is exact). */
    public record Loaded<T>(List<T> records, List<IngestError> errors, long errorCount) {
        public boolean ok() {
            return errorCount == 0;
        }
    }

    /** Reads a whole file into a list; for files that fit in memory as records (the CLI). */
    public static <T> Loaded<T> readAll(Path file, RecordType<T> type, int maxErrors) {
        List<T> records = new ArrayList<>();
        List<IngestError> errors = new ArrayList<>();
        Summary s = stream(file, type, new Sink<T>() {
            @Override
            public void record(T record, long line) {
                records.add(record);
            }

            @Override
            public void error(IngestError error) {
                if (errors.size() < maxErrors) {
                    errors.add(error);
                }
            }
        });
        return new Loaded<>(records, errors, s.errors());
    }

    /** Streams a file, choosing CSV or NDJSON by its extension; the source in errors is the path as given. */
    public static <T> Summary stream(Path file, RecordType<T> type, Sink<T> sink) {
        String source = file.toString();
        FileFormat format;
        try {
            format = FileFormat.of(file);
        } catch (IllegalArgumentException e) {
            sink.error(new IngestError(source, 0, null, null, null, "unknown file format: name it *.csv or *.ndjson"));
            return new Summary(0, 1);
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return stream(in, source, format, type, sink);
        } catch (IOException e) {
            sink.error(new IngestError(source, 0, null, null, null, "cannot read: " + e));
            return new Summary(0, 1);
        }
    }

    public static <T> Summary stream(Reader in, String source, FileFormat format, RecordType<T> type, Sink<T> sink)
            throws IOException {
        return format == FileFormat.CSV ? streamCsv(in, source, type, sink) : streamNdjson(in, source, type, sink);
    }

    /**
     * Parses one NDJSON line into a record.
     *
     * @throws IngestException naming source, line, record id and field when the line is not a valid record
     */
    public static <T> T parseNdjsonLine(RecordType<T> type, String source, long line, String text) {
        JsonNode node;
        try {
            node = Mappers.json().readTree(text);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            int nl = msg == null ? -1 : msg.indexOf('\n');
            throw new IngestException(new IngestError(source, line, type.kind(), null, null,
                    "not valid JSON: " + (nl < 0 ? msg : msg.substring(0, nl))));
        }
        if (!(node instanceof ObjectNode obj)) {
            throw new IngestException(new IngestError(source, line, type.kind(), null, null,
                    "each line must be one JSON object, was " + (node == null ? "nothing" : node.getNodeType())));
        }
        JsonFields fields = new JsonFields(obj);
        Iterator<String> names = obj.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!type.fields().contains(name)) {
                throw new IngestException(new IngestError(source, line, type.kind(), idOf(fields), name,
                        "unknown field (expected one of: " + String.join(", ", type.fields()) + ")"));
            }
        }
        return build(type, fields, source, line);
    }

    private static <T> T build(RecordType<T> type, Fields fields, String source, long line) {
        try {
            return type.build(fields);
        } catch (FieldProblem p) {
            throw new IngestException(new IngestError(source, line, type.kind(), idOf(fields), p.field(), p.getMessage()));
        }
    }

    private static String idOf(Fields f) {
        try {
            return f.text("id");
        } catch (FieldProblem e) {
            return null;
        }
    }

    private static <T> Summary streamNdjson(Reader reader, String source, RecordType<T> type, Sink<T> sink) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        long lineNo = 0;
        long records = 0;
        long errors = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                sink.record(parseNdjsonLine(type, source, lineNo, line), lineNo);
                records++;
            } catch (IngestException e) {
                sink.error(e.error());
                errors++;
            }
        }
        return new Summary(records, errors);
    }

    private static <T> Summary streamCsv(Reader in, String source, RecordType<T> type, Sink<T> sink) throws IOException {
        CsvReader csv = new CsvReader(in);
        long records = 0;
        long errors = 0;
        try {
            List<String> header = csv.next();
            if (header == null) {
                sink.error(new IngestError(source, 0, null, null, null, "the file is empty: expected a header row ("
                        + String.join(",", type.fields()) + ")"));
                return new Summary(0, 1);
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).trim();
                if (!type.fields().contains(name)) {
                    sink.error(new IngestError(source, 1, null, null, null, "unknown column '" + name + "' in the header (expected: "
                            + String.join(",", type.fields()) + ")"));
                    return new Summary(0, 1);
                }
                if (columns.put(name, i) != null) {
                    sink.error(new IngestError(source, 1, null, null, null, "column '" + name + "' appears twice in the header"));
                    return new Summary(0, 1);
                }
            }
            for (String required : type.requiredFields()) {
                if (!columns.containsKey(required)) {
                    sink.error(new IngestError(source, 1, null, null, null, "the header has no column '" + required
                            + "' (expected: " + String.join(",", type.fields()) + ")"));
                    return new Summary(0, 1);
                }
            }
            List<String> row;
            while ((row = csv.next()) != null) {
                long line = csv.recordLine();
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                CsvFields fields = new CsvFields(columns, row);
                if (row.size() != header.size()) {
                    sink.error(new IngestError(source, line, type.kind(), idOf(fields), null,
                            "has " + row.size() + " fields, the header has " + header.size()));
                    errors++;
                    continue;
                }
                try {
                    sink.record(build(type, fields, source, line), line);
                    records++;
                } catch (IngestException e) {
                    sink.error(e.error());
                    errors++;
                }
            }
        } catch (CsvReader.CsvFormatException e) {
            sink.error(new IngestError(source, e.line(), null, null, null, "malformed CSV: " + e.getMessage()));
            errors++;
        }
        return new Summary(records, errors);
    }
}
