package org.vbcsettle.ingest;

/** One rule of the record rules broken by one field of one record. */
public record Violation(String field, String message) {
}
