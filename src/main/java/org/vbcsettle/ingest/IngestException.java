package org.vbcsettle.ingest;

/** Thrown when a record (or a whole stream) cannot be read; carries the error that names it. */
public final class IngestException extends RuntimeException {
    private final IngestError error;

    public IngestException(IngestError error) {
        super(error.toString());
        this.error = error;
    }

    public IngestError error() {
        return error;
    }
}
