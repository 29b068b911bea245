package org.vbcsettle.ledger;

import org.vbcsettle.contract.StoredText;

/**
 * Why one input record was rejected.
 *
 * @param index    position of the record in its batch (0-based)
 * @param recordId the record's id as sent (may be null when the id itself is missing)
 * @param field    the offending field
 */
public record RecordError(int index, String recordId, String field, String message) implements CborSerializable {

    /** The id of a record refused for a lone surrogate in it is that id: kept so that CBOR can carry the reply. */
    public RecordError {
        recordId = StoredText.wellFormed(recordId);
        field = StoredText.wellFormed(field);
        message = StoredText.wellFormed(message);
    }

    @Override
    public String toString() {
        return "record " + index + " (id " + recordId + "), field " + field + ": " + message;
    }
}
