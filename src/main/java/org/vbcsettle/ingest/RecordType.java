package org.vbcsettle.ingest;

import java.util.List;

/**
 * One kind of input record (claims, attribution, quality events): its field names and how a record is built
 * from its fields. The same type serves CSV files, NDJSON files and NDJSON request bodies.
 *
 * @param <T> the record built
 */
public interface RecordType<T> {
    /** {@code claim}, {@code attribution}, {@code quality event}: names the record in errors. */
    String kind();

    /** Every field, in the order of the CSV header this project writes. */
    List<String> fields();

    /** Fields without which a record means nothing; a CSV header must have these columns. */
    List<String> requiredFields();

    /** Builds the record; throws {@link FieldProblem} naming the field at fault. */
    T build(Fields f);

    /** The record's id (its idempotency key). */
    String id(T record);
}
