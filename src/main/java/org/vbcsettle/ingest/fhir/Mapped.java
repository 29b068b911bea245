package org.vbcsettle.ingest.fhir;

import org.vbcsettle.ingest.RawFields;
import org.vbcsettle.ingest.RecordType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One input record taken from a FHIR resource, before the record rules: its raw field values, the element
 * each field came from (so that a broken rule names the element, e.g. {@code .billablePeriod.start}), and
 * the problems of the resource itself that no record rule can see (a currency other than USD, a
 * MeasureReport that is not {@code individual}).
 */
final class Mapped<T> {
    final RecordType<T> type;
    final String resource;
    final RawFields fields = new RawFields();
    private final Map<String, String> paths = new HashMap<>();
    final List<FhirProblem> problems = new ArrayList<>();

    Mapped(RecordType<T> type, String resource) {
        this.type = type;
        this.resource = resource;
    }

    /** Sets a field and the element it came from (the element is named even when the value is absent). */
    Mapped<T> put(String field, String value, String path) {
        fields.put(field, value);
        paths.put(field, path);
        return this;
    }

    Mapped<T> add(String field, String entry, String path) {
        fields.add(field, entry);
        paths.putIfAbsent(field, path);
        return this;
    }

    void problem(String path, String message) {
        problems.add(new FhirProblem(resource, path, message));
    }

    /** The element a field came from; the resource as a whole ({@code .}) for a field with no element. */
    String path(String field) {
        return field == null ? "." : paths.getOrDefault(field, "." + field);
    }
}
