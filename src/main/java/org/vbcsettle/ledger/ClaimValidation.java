package org.vbcsettle.ledger;

import org.vbcsettle.ingest.AttributionFormat;
import org.vbcsettle.ingest.ClaimFormat;
import org.vbcsettle.ingest.QualityEventFormat;
import org.vbcsettle.ingest.RecordRules;
import org.vbcsettle.ingest.RecordType;
import org.vbcsettle.ingest.Violation;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;

import java.util.List;

/**
 * The record rules ({@link RecordType}: the same fields and messages as every intake) for records that reach
 * the ledger in a command: the intake proved them, and the ledger checks again only that nothing it cannot
 * hold (a missing field, a string the journal cannot serialize) gets in. The rules that need the contract or the ledger's state (measures,
 * periods, resent ids) are the decider's. The first problem found is returned as a {@link RecordError}.
 */
final class ClaimValidation {

    private static final RecordRules RULES = RecordRules.contractFree();

    private ClaimValidation() {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static RecordError claimFields(int i, Claim c) {
        return first(i, c.id(), ClaimFormat.INSTANCE, c);
    }

    static RecordError attributionFields(int i, Attribution a) {
        return first(i, a.id(), AttributionFormat.INSTANCE, a);
    }

    static RecordError qualityFields(int i, QualityEvent q) {
        return first(i, q.id(), QualityEventFormat.INSTANCE, q);
    }

    private static <T> RecordError first(int i, String id, RecordType<T> type, T record) {
        List<Violation> broken = type.check(record, RULES);
        return broken.isEmpty() ? null : new RecordError(i, id, broken.get(0).field(), broken.get(0).message());
    }
}
