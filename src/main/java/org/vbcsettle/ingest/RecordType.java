package org.vbcsettle.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vbcsettle.contract.Mappers;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One kind of input record (claims, attribution, quality events, reported facts) under the record rules:
 * its fields ({@link FieldSpec}: name, required or optional), how a record is read from them (the formats,
 * {@link FieldReader}) and the rules the read record must meet (bounds, dates, replacements:
 * {@link RecordRules}). CSV files, NDJSON files, HTTP JSON bodies and the ledger all check records with it,
 * so that the same record gets the same errors (field and message) whichever way it comes in.
 *
 * @param <T> the record built
 */
public final class RecordType<T> {

    /** Reads a record from its fields; may return a partly null record when it reported violations. */
    interface Reader<T> {
        T read(FieldReader fields);
    }

    /** The rules a record read without violations must meet; reports each broken one to {@code out}. */
    interface Rules<T> {
        void check(T record, RecordRules rules, List<Violation> out);
    }

    private final String kind;
    private final Function<T, String> id;
    private final List<FieldSpec<T>> specs;
    private final List<String> names;
    private final Set<String> required = new LinkedHashSet<>();
    private final Reader<T> reader;
    private final Rules<T> rules;

    RecordType(String kind, Function<T, String> id, Reader<T> reader, Rules<T> rules, List<FieldSpec<T>> specs) {
        this.kind = kind;
        this.id = id;
        this.reader = reader;
        this.rules = rules;
        this.specs = List.copyOf(specs);
        this.names = specs.stream().map(FieldSpec::name).toList();
        specs.stream().filter(FieldSpec::required).forEach(s -> required.add(s.name()));
    }

    /** {@code claim}, {@code attribution}, {@code quality event}: names the record in errors. */
    public String kind() {
        return kind;
    }

    /** Every field, in the order of the CSV header this project writes. */
    public List<String> fields() {
        return names;
    }

    /** Fields without which a record is refused; a CSV header must have these columns. */
    public List<String> requiredFields() {
        return List.copyOf(required);
    }

    /** The record's id (its idempotency key); null for a record without one (reported facts). */
    public String id(T record) {
        return id.apply(record);
    }

    /** Reads one record from its fields and checks it: the formats first, then, if they hold, the rules. */
    Checked<T> read(Fields fields, RecordRules recordRules) {
        FieldReader r = new FieldReader(fields, required);
        T record = reader.read(r);
        if (!r.violations().isEmpty()) {
            return Checked.of(null, r.violations());
        }
        List<Violation> out = new ArrayList<>();
        rules.check(record, recordRules, out);
        return Checked.of(record, out);
    }

    /** Reads and checks one record whose raw values another format supplied (FHIR), with the same rules. */
    public Checked<T> read(RawFields fields, RecordRules recordRules) {
        return read((Fields) fields, recordRules);
    }

    /**
     * The rules for a record built elsewhere (the ledger's commands, generated data): every required field
     * present and every text storable (as {@link FieldReader} demands), then the same rules as {@link #read}. Empty when the record meets them.
     */
    public List<Violation> check(T record, RecordRules recordRules) {
        List<Violation> out = new ArrayList<>();
        for (FieldSpec<T> s : specs) {
            Object v = s.wire().apply(record);
            if (s.required() && (v == null || v instanceof String t && t.isBlank())) {
                out.add(new Violation(s.name(), "is required"));
            } else if (v instanceof String t && FieldReader.textProblem(t) != null) {
                out.add(new Violation(s.name(), FieldReader.textProblem(t)));
            } else if (v instanceof List<?> list && FieldReader.codesProblem(list) != null) {
                out.add(new Violation(s.name(), FieldReader.codesProblem(list)));
            }
        }
        if (out.isEmpty()) {
            rules.check(record, recordRules, out);
        }
        return out;
    }

    /** The record in the JSON form the API reads ({@link RecordReader#readJson}). */
    public ObjectNode toJson(T record) {
        ObjectNode n = Mappers.json().createObjectNode();
        for (FieldSpec<T> s : specs) {
            Object v = s.wire().apply(record);
            if (v instanceof String t) {
                n.put(s.name(), t);
            } else if (v instanceof Long l) {
                n.put(s.name(), l);
            } else if (v instanceof Integer i) {
                n.put(s.name(), i);
            } else if (v instanceof BigDecimal d) {
                n.put(s.name(), d);
            } else if (v instanceof Boolean b) {
                n.put(s.name(), b);
            } else if (v instanceof List<?> list && !list.isEmpty()) {
                ArrayNode a = n.putArray(s.name());
                list.forEach(e -> a.add(String.valueOf(e)));
            }
        }
        return n;
    }

    static Long cents(Money m) {
        return m == null ? null : m.cents();
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
