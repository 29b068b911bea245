package org.vbcsettle.ingest;

/**
 * A bad input record, named so that whoever sent it can find and fix it:
 * {@code claims.csv:17: claim C-1009: paidAmount: not a whole number of cents: 12.5}.
 *
 * @param source   file name (or another name of the stream, e.g. an HTTP request)
 * @param line     1-based line the record starts on (0: the stream as a whole)
 * @param kind     record kind: {@code claim}, {@code attribution}, {@code quality event}; null when unknown
 * @param recordId the record's id when it could be read, else null
 * @param field    the field at fault, null when the record as a whole is at fault
 */
public record IngestError(String source, long line, String kind, String recordId, String field, String message) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (recordId != null && !recordId.isEmpty()) {
            sb.append(kind == null ? "record" : kind).append(' ').append(recordId).append(": ");
        }
        if (field != null) {
            sb.append(field).append(": ");
        }
        return sb.append(message).toString();
    }
}
