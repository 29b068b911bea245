package org.vbcsettle.ledger;

/**
 * Why one input record was rejected.
 *
 * @param index    position of the record in its batch (0-based)
 * @param recordId the record's id as sent (may be null when the id itself is missing)
 * @param field    the offending field
 */
public record RecordError(int index, String recordId, String field, String message) implements CborSerializable {
    @Override
    public String toString() {
        return "record " + index + " (id " + recordId + "), field " + field + ": " + message;
    }
}
