package org.vbcsettle.ingest;

/** One field of one record is wrong; the reader adds the source, line and record id. */
final class FieldProblem extends RuntimeException {
    private final String field;

    FieldProblem(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
