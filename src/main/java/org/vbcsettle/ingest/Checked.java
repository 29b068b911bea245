package org.vbcsettle.ingest;

import java.util.List;

/** A record read and checked by the record rules: the record when it meets them, else every rule it breaks. */
public record Checked<T>(T value, List<Violation> violations) {
    public Checked {
        violations = List.copyOf(violations);
        if (violations.isEmpty() == (value == null)) {
            throw new IllegalArgumentException("a checked record is either a value or its violations");
        }
    }

    static <T> Checked<T> of(T value, List<Violation> violations) {
        return violations.isEmpty() ? new Checked<>(value, List.of()) : new Checked<>(null, violations);
    }

    public boolean ok() {
        return violations.isEmpty();
    }
}
