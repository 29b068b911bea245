package org.vbcsettle.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vbcsettle.contract.Mappers;
import org.vbcsettle.settlement.RecordDiff;

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
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads claims, attribution or quality events from CSV or NDJSON, one record at a time: the file is never held
 * in memory, only the record being parsed. Bad records are reported to the sink with the file, line, record
 * id and field, and reading goes on with the next record; a broken header or an unreadable file ends reading.
 * {@link #readJson} reads one record in its JSON form (HTTP bodies) with the same rules.
 */
public final class RecordReader {

    private RecordReader() {
    }

    /** Receives records in file order, and errors as they are found. */
    public interface Sink<T> {
        void record(T record, long line);

        void error(IngestError error);
    }

    /** @param records records read; @param errors errors found (a record breaking two rules has two) */
    public record Summary(long records, long errors) {
    }

    /**
     * All records of a file with its errors (at most {@code maxErrors} kept; the count is exact).
     *
     * @param duplicates identical repeats of an id, dropped from {@code records}
     */
    public record Loaded<T>(List<T> records, List<IngestError> errors, long errorCount, long duplicates) {
        public boolean ok() {
            return errorCount == 0;
        }
    }

    /** Reads a whole file into a list, checking only the rules that need no contract. */
    public static <T> Loaded<T> readAll(Path file, RecordType<T> type, int maxErrors) {
        return readAll(file, type, RecordRules.contractFree(), maxErrors);
    }

    /**
     * Reads a whole file into a list; for files that fit in memory as records (the CLI). Every record must
     * meet {@code rules}. An identical repeat of an id is a duplicate, dropped and counted; the same id with
     * different content is an error naming both lines and the first field that differs.
     */
    public static <T> Loaded<T> readAll(Path file, RecordType<T> type, RecordRules rules, int maxErrors) {
        List<T> records = new ArrayList<>();
        List<IngestError> errors = new ArrayList<>();
        long[] extraErrors = {0};
        long[] duplicates = {0};
        String source = file.toString();
        Map<String, Integer> indexById = new HashMap<>();
        List<Long> lines = new ArrayList<>();
        Summary s = stream(file, type, rules, new Sink<T>() {
            @Override
            public void record(T record, long line) {
                String id = type.id(record);
                Integer seen = indexById.get(id);
                if (seen == null) {
                    indexById.put(id, records.size());
                    records.add(record);
                    lines.add(line);
                    return;
                }
                T first = records.get(seen);
                String field = RecordDiff.firstDifferingField(first, record);
                if (field == null) {
                    duplicates[0]++;
                    return;
                }
                extraErrors[0]++;
                error(new IngestError(source, line, type.kind(), id, field, "differs from line " + lines.get(seen)
                        + ", which has the same id (" + RecordDiff.value(first, field) + " there, "
                        + RecordDiff.value(record, field) + " here); send a replacement with a new id to change a record"));
            }

            @Override
            public void error(IngestError error) {
                if (errors.size() < maxErrors) {
                    errors.add(error);
                }
            }
        });
        return new Loaded<>(records, errors, s.errors() + extraErrors[0], duplicates[0]);
    }

    /** Streams a file checking only the rules that need no contract. */
    public static <T> Summary stream(Path file, RecordType<T> type, Sink<T> sink) {
        return stream(file, type, RecordRules.contractFree(), sink);
    }

    /** Streams a file, choosing CSV or NDJSON by its extension; the source in errors is the path as given. */
    public static <T> Summary stream(Path file, RecordType<T> type, RecordRules rules, Sink<T> sink) {
        String source = file.toString();
        FileFormat format;
        try {
            format = FileFormat.of(file);
        } catch (IllegalArgumentException e) {
            sink.error(new IngestError(source, 0, null, null, null, "unknown file format: name it *.csv or *.ndjson"));
            return new Summary(0, 1);
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return stream(in, source, format, type, rules, sink);
        } catch (IOException e) {
            sink.error(new IngestError(source, 0, null, null, null, "cannot read: " + e));
            return new Summary(0, 1);
        }
    }

    public static <T> Summary stream(Reader in, String source, FileFormat format, RecordType<T> type, Sink<T> sink)
            throws IOException {
        return stream(in, source, format, type, RecordRules.contractFree(), sink);
    }

    public static <T> Summary stream(Reader in, String source, FileFormat format, RecordType<T> type, RecordRules rules,
                                     Sink<T> sink) throws IOException {
        return format == FileFormat.CSV ? streamCsv(in, source, type, rules, sink) : streamNdjson(in, source, type, rules, sink);
    }

    /**
     * Parses one NDJSON line into a record.
     *
     * @throws IngestException naming source, line, record id and field when the line is not a valid record
     */
    public static <T> T parseNdjsonLine(RecordType<T> type, String source, long line, String text) {
        return parseNdjsonLine(type, RecordRules.contractFree(), source, line, text);
    }

    /** As {@link #parseNdjsonLine(RecordType, String, long, String)}, checking {@code rules}. */
    public static <T> T parseNdjsonLine(RecordType<T> type, RecordRules rules, String source, long line, String text) {
        JsonNode node;
        try {
            node = Mappers.json().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IngestException(new IngestError(source, line, type.kind(), null, null, notJson(e)));
        }
        Checked<T> checked = readJson(type, rules, node);
        if (!checked.ok()) {
            String id = node instanceof ObjectNode obj ? idOf(new JsonFields(obj)) : null;
            throw new IngestException(checked.violations().stream()
                    .map(v -> new IngestError(source, line, type.kind(), id, v.field(), v.message())).toList());
        }
        return checked.value();
    }

    /** The message for a line that is not JSON, the same for NDJSON files and streamed HTTP bodies. */
    public static String notJson(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        int nl = msg == null ? -1 : msg.indexOf('\n');
        return "not valid JSON: " + (nl < 0 ? msg : msg.substring(0, nl));
    }

    /**
     * Reads and checks one record in its JSON form (an NDJSON line, an element of an HTTP JSON array, a
     * reported facts document): the same fields, formats and rules as a CSV row. A field the record kind does
     * not have is a violation; a value that is not one JSON object is one of the record as a whole (field null).
     */
    /**
     * How an error names a field the client sent: its name, or the name quoted when it is blank (an error must
     * name its field, and {@code ""} or {@code " "} are keys a JSON object may have).
     */
    public static String fieldName(String name) {
        return name.isBlank() ? "\"" + name + "\"" : name;
    }

    public static <T> Checked<T> readJson(RecordType<T> type, RecordRules rules, JsonNode node) {
        if (!(node instanceof ObjectNode obj)) {
            return Checked.of(null, List.of(new Violation(null, "must be one JSON object, was "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)))));
        }
        List<Violation> unknown = new ArrayList<>();
        Iterator<String> names = obj.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!type.fields().contains(name)) {
                unknown.add(new Violation(fieldName(name), "unknown field (expected one of: " + String.join(", ", type.fields()) + ")"));
            }
        }
        Checked<T> read = type.read(new JsonFields(obj), rules);
        if (unknown.isEmpty()) {
            return read;
        }
        unknown.addAll(read.violations());
        return Checked.of(null, unknown);
    }

    private static <T> T build(RecordType<T> type, RecordRules rules, Fields fields, String source, long line) {
        Checked<T> checked = type.read(fields, rules);
        if (!checked.ok()) {
            String id = idOf(fields);
            throw new IngestException(checked.violations().stream()
                    .map(v -> new IngestError(source, line, type.kind(), id, v.field(), v.message())).toList());
        }
        return checked.value();
    }

    private static String idOf(Fields f) {
        try {
            return f.text("id");
        } catch (FieldProblem e) {
            return null;
        }
    }

    /** Records delivered and errors found while streaming one file. */
    private static final class Tally<T> {
        private final Sink<T> sink;
        private long records;
        private long errors;

        Tally(Sink<T> sink) {
            this.sink = sink;
        }

        /** Hands the record {@code parse} reads to the sink, or its errors. */
        void deliver(long line, Supplier<T> parse) {
            try {
                sink.record(parse.get(), line);
                records++;
            } catch (IngestException e) {
                e.errors().forEach(sink::error);
                errors += e.errors().size();
            }
        }

        void error(IngestError error) {
            sink.error(error);
            errors++;
        }

        Summary summary() {
            return new Summary(records, errors);
        }
    }

    private static <T> Summary streamNdjson(Reader reader, String source, RecordType<T> type, RecordRules rules, Sink<T> sink)
            throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        Tally<T> tally = new Tally<>(sink);
        long lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String text = lineNo == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
            if (!text.isBlank()) {
                long at = lineNo;
                tally.deliver(at, () -> parseNdjsonLine(type, rules, source, at, text));
            }
        }
        return tally.summary();
    }

    private static <T> Summary streamCsv(Reader in, String source, RecordType<T> type, RecordRules rules, Sink<T> sink)
            throws IOException {
        CsvReader csv = new CsvReader(in);
        Tally<T> tally = new Tally<>(sink);
        try {
            List<String> header = csv.next();
            Map<String, Integer> columns = columns(header, source, type, sink);
            if (columns == null) {
                return new Summary(0, 1);
            }
            List<String> row;
            while ((row = csv.next()) != null) {
                long line = csv.recordLine();
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                CsvFields fields = new CsvFields(columns, row);
                if (row.size() != header.size()) {
                    tally.error(new IngestError(source, line, type.kind(), idOf(fields), null,
                            "has " + row.size() + " fields, the header has " + header.size()));
                } else {
                    tally.deliver(line, () -> build(type, rules, fields, source, line));
                }
            }
        } catch (CsvReader.CsvFormatException e) {
            tally.error(new IngestError(source, e.line(), null, null, null, "malformed CSV: " + e.getMessage()));
        }
        return tally.summary();
    }

    /** The header's columns by name, or null (and the error sent) when it is empty or names the wrong fields. */
    private static Map<String, Integer> columns(List<String> header, String source, RecordType<?> type, Sink<?> sink) {
        String expected = " (expected: " + String.join(",", type.fields()) + ")";
        if (header == null) {
            sink.error(new IngestError(source, 0, null, null, null, "the file is empty: expected a header row ("
                    + String.join(",", type.fields()) + ")"));
            return null;
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            String problem = !type.fields().contains(name) ? "unknown column '" + name + "' in the header" + expected
                    : columns.put(name, i) != null ? "column '" + name + "' appears twice in the header" : null;
            if (problem != null) {
                sink.error(new IngestError(source, 1, null, null, null, problem));
                return null;
            }
        }
        for (String required : type.requiredFields()) {
            if (!columns.containsKey(required)) {
                sink.error(new IngestError(source, 1, null, null, null, "the header has no column '" + required + "'" + expected));
                return null;
            }
        }
        return columns;
    }
}
