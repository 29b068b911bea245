package org.vbcsettle.api;

/**
 * One problem with one input record: which record (e.g. {@code claims line 17 (id C-1001)}), which field,
 * and what is wrong with it. Listed in RFC 7807 problem documents and in batch replies.
 */
public record RecordError(String record, String field, String message) {
}
