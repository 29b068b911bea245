package org.vbcsettle.ingest;

import java.util.List;

/** Thrown when a record (or a whole stream) cannot be read; carries the error(s) that name it. */
public final class IngestException extends RuntimeException {
    private final List<IngestError> errors;

    public IngestException(IngestError error) {
        this(List.of(error));
    }

    /** @param errors at least one: every rule the record breaks */
    public IngestException(List<IngestError> errors) {
        super(String.join(System.lineSeparator(), errors.stream().map(IngestError::toString).toList()));
        this.errors = List.copyOf(errors);
    }

    /** The first error. */
    public IngestError error() {
        return errors.get(0);
    }

    public List<IngestError> errors() {
        return errors;
    }
}
