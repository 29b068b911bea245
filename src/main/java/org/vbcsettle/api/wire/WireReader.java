package org.vbcsettle.api.wire;

import com.fasterxml.jackson.databind.JsonNode;
import org.vbcsettle.api.RecordError;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.ingest.Checked;
import org.vbcsettle.ingest.RecordReader;
import org.vbcsettle.ingest.RecordRules;
import org.vbcsettle.ingest.RecordType;

/**
 * Reads input records from a request body with the record rules ({@link RecordType}, the rules {@code settle}
 * applies to files) for the contract they are sent to, and names each error by the record's place in the
 * body: {@code claims[3] (id C-1)} or {@code claims line 17 (id C-1)}. A record that fails is rejected alone,
 * with its errors; it never reaches the ledger.
 */
public final class WireReader {

    private final RecordRules rules;

    public WireReader(Contract contract) {
        this.rules = RecordRules.forContract(contract);
    }

    /** How a record is named in errors: {@code claims[3] (id C-1)} or {@code claims line 17 (id C-1)}. */
    public static String label(String kind, String position, JsonNode node) {
        JsonNode id = node == null ? null : node.get("id");
        return kind + position + (id != null && id.isValueNode() && !id.isNull() ? " (id " + id.asText() + ")" : "");
    }

    public <T> Parsed<T> read(RecordType<T> type, JsonNode node, String record) {
        Checked<T> checked = RecordReader.readJson(type, rules, node);
        return Parsed.of(checked.value(), checked.violations().stream().map(v -> error(record, v.field(), v.message())).toList());
    }

    /** An error of {@code record}; a null field (the record as a whole) is {@code (record)}. */
    public static RecordError error(String record, String field, String message) {
        return new RecordError(record, field == null ? "(record)" : field, message);
    }
}
