package org.vbcsettle.ledger;

import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A record whose id the ledger already holds is a duplicate only if it says the same thing; with other
 * content it is an error, never silently dropped (a corrected amount sent under the old id would otherwise
 * be lost without a word). These checks name the fields that differ, stored value → sent value.
 */
final class ResentRecords {

    /** At most this many differences are spelled out; the rest are counted. */
    private static final int SHOWN = 3;

    private ResentRecords() {
    }

    /** Fields that differ, e.g. {@code paidAmount 100 → 999999}; empty when the content is identical. */
    record Differences(List<String> fields, List<String> described) {
        boolean none() {
            return fields.isEmpty();
        }

        String firstField() {
            return fields.get(0);
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(SHOWN, described.size()); i++) {
                sb.append(i == 0 ? "" : ", ").append(described.get(i));
            }
            if (described.size() > SHOWN) {
                sb.append(" and ").append(described.size() - SHOWN).append(" more");
            }
            return sb.toString();
        }
    }

    private static final class Diff {
        final List<String> fields = new ArrayList<>();
        final List<String> described = new ArrayList<>();

        Diff field(String name, Object stored, Object sent) {
            if (!Objects.equals(stored, sent)) {
                fields.add(name);
                described.add(name + " " + show(stored) + " → " + show(sent));
            }
            return this;
        }

        Differences done() {
            return new Differences(List.copyOf(fields), List.copyOf(described));
        }
    }

    private static String show(Object v) {
        return v == null ? "(none)" : String.valueOf(v);
    }

    /** Amounts in cents, as the HTTP API's records carry them ({@code "paidAmount": 100} is $1.00). */
    private static String cents(long cents) {
        return String.valueOf(cents);
    }

    /**
     * Compares in the stored (compact) form: equal records are the common case of a resend and cost one
     * record comparison; only when they differ are the fields spelled out.
     */
    static Differences claim(LedgerClaim stored, LedgerClaim sent) {
        Diff d = new Diff();
        if (stored.equals(sent)) {
            return d.done();
        }
        return d.field("memberId", stored.memberId(), sent.memberId())
                .field("type", stored.claimType().code(), sent.claimType().code())
                .field("serviceFrom", stored.serviceFromDate(), sent.serviceFromDate())
                .field("serviceThrough", stored.toClaim().serviceThrough(), sent.toClaim().serviceThrough())
                .field("paidDate", stored.toClaim().paidDate(), sent.toClaim().paidDate())
                .field("paidAmount", cents(stored.paidCents()), cents(sent.paidCents()))
                .field("allowedAmount", cents(stored.allowedCents()), cents(sent.allowedCents()))
                .field("drg", stored.drg(), sent.drg())
                .field("hcpcs", stored.hcpcs(), sent.hcpcs())
                .field("diagnoses", stored.diagnoses(), sent.diagnoses())
                .field("billingProvider", stored.billingProvider(), sent.billingProvider())
                .field("frequency", stored.frequency(), sent.frequency())
                .field("replacesClaimId", stored.replacesClaimId(), sent.replacesClaimId())
                .done();
    }

    static Differences attribution(Attribution stored, Attribution sent) {
        return new Diff().field("memberId", stored.memberId(), sent.memberId())
                .field("month", stored.month(), sent.month())
                // 1.0 and 1.00 are the same risk score; BigDecimal.equals would tell them apart by scale
                .field("riskScore", plain(stored.riskScore()), plain(sent.riskScore()))
                .field("segment", stored.segment(), sent.segment())
                .field("replacesId", stored.replacesId(), sent.replacesId())
                .field("active", stored.active(), sent.active())
                .done();
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }

    static Differences quality(QualityEvent stored, QualityEvent sent) {
        return new Diff().field("memberId", stored.memberId(), sent.memberId())
                .field("measureId", stored.measureId(), sent.measureId())
                .field("periodId", stored.periodId(), sent.periodId())
                .field("kind", stored.kind(), sent.kind())
                .done();
    }
}
