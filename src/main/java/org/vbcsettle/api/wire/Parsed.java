package org.vbcsettle.api.wire;

import org.vbcsettle.api.RecordError;

import java.util.List;

/** A record read from JSON: the value when it is valid, else the errors (never both). */
public record Parsed<T>(T value, List<RecordError> errors) {
    public Parsed {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return value != null;
    }

    static <T> Parsed<T> of(T value, List<RecordError> errors) {
        return errors.isEmpty() ? new Parsed<>(value, List.of()) : new Parsed<>(null, errors);
    }
}
