package org.vbcsettle.api;

import org.vbcsettle.contract.StoredText;

/**
 * One problem with one input record: which record (e.g. {@code claims line 17 (id C-1001)}), which field,
 * and what is wrong with it. Listed in RFC 7807 problem documents and in batch replies.
 */
public record RecordError(String record, String field, String message) {

    /** A field name or value the client sent may be quoted here; a lone surrogate in it could not be sent back. */
    public RecordError {
        record = StoredText.wellFormed(record);
        field = StoredText.wellFormed(field);
        message = StoredText.wellFormed(message);
    }
}
