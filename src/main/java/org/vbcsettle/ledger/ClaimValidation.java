package org.vbcsettle.ledger;

import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;

/** Field checks of one input record; the first problem found is returned as a {@link RecordError}. */
final class ClaimValidation {

    private ClaimValidation() {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static RecordError claimFields(int i, Claim c) {
        String id = c.id();
        if (blank(c.memberId())) {
            return new RecordError(i, id, "memberId", "is required");
        }
        if (c.type() == null) {
            return new RecordError(i, id, "type", "is required (inpatient, outpatient, professional, snf, home-health, hospice, dme, pharmacy)");
        }
        if (c.serviceFrom() == null) {
            return new RecordError(i, id, "serviceFrom", "is required");
        }
        if (c.serviceThrough() != null && c.serviceThrough().isBefore(c.serviceFrom())) {
            return new RecordError(i, id, "serviceThrough", "(" + c.serviceThrough() + ") is before serviceFrom (" + c.serviceFrom() + ")");
        }
        if (c.paidAmount() == null) {
            return new RecordError(i, id, "paidAmount", "is required");
        }
        if (c.frequency() == Claim.Frequency.ORIGINAL && c.replacesClaimId() != null) {
            return new RecordError(i, id, "replacesClaimId", "an original claim (frequency 1) must not name a claim it replaces");
        }
        if (c.frequency() != Claim.Frequency.ORIGINAL && blank(c.replacesClaimId())) {
            return new RecordError(i, id, "replacesClaimId", "a " + (c.frequency() == Claim.Frequency.VOID ? "void (8)" : "replacement (7)")
                    + " must name the claim it replaces");
        }
        if (id.equals(c.replacesClaimId())) {
            return new RecordError(i, id, "replacesClaimId", "a claim cannot replace itself");
        }
        return null;
    }

    static RecordError attributionFields(int i, Attribution a) {
        String id = a.id();
        if (blank(a.memberId())) {
            return new RecordError(i, id, "memberId", "is required");
        }
        if (a.month() == null) {
            return new RecordError(i, id, "month", "is required (YYYY-MM)");
        }
        if (a.riskScore().signum() <= 0) {
            return new RecordError(i, id, "riskScore", "must be positive, was " + a.riskScore());
        }
        if (id.equals(a.replacesId())) {
            return new RecordError(i, id, "replacesId", "a record cannot replace itself");
        }
        return null;
    }

    static RecordError qualityFields(int i, QualityEvent q) {
        String id = q.id();
        if (blank(q.memberId())) {
            return new RecordError(i, id, "memberId", "is required");
        }
        if (blank(q.measureId())) {
            return new RecordError(i, id, "measureId", "is required");
        }
        if (blank(q.periodId())) {
            return new RecordError(i, id, "periodId", "is required");
        }
        try {
            org.vbcsettle.contract.Period.parse(q.periodId());
        } catch (IllegalArgumentException e) {
            return new RecordError(i, id, "periodId", e.getMessage());
        }
        if (q.kind() == null) {
            return new RecordError(i, id, "kind", "is required (numerator, denominator, exclusion)");
        }
        return null;
    }
}
