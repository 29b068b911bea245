package org.vbcsettle.api.wire;

import com.fasterxml.jackson.databind.JsonNode;
import org.vbcsettle.api.RecordError;
import org.vbcsettle.ingest.RecordRules;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * Reads claims, attribution and quality events from their JSON form (the same form for a JSON array and
 * for one NDJSON line) and checks them against the contract they are sent to: amounts within bounds,
 * dates inside the performance period ({@link RecordRules}, the same rules the offline readers apply). A record that fails is rejected alone, with its errors; it never
 * reaches the ledger.
 */
public final class RecordReader {

    /** A single claim above $10M is a data error; the bound is one of the shared {@link RecordRules}. */
    public static final Money MAX_CLAIM_AMOUNT = RecordRules.MAX_CLAIM_AMOUNT;

    static final Set<String> CLAIM_FIELDS = Set.of("id", "memberId", "type", "serviceFrom", "serviceThrough",
            "paidDate", "paidAmount", "allowedAmount", "drg", "hcpcs", "diagnoses", "billingProvider", "frequency",
            "replacesClaimId");
    static final Set<String> ATTRIBUTION_FIELDS = Set.of("id", "memberId", "month", "riskScore", "segment",
            "replacesId", "active");
    static final Set<String> QUALITY_FIELDS = Set.of("id", "memberId", "measureId", "period", "kind");

    private final RecordRules rules;

    public RecordReader(Contract contract) {
        this.rules = RecordRules.forContract(contract);
    }

    /** How a record is named in errors: {@code claims[3] (id C-1)} or {@code claims line 17 (id C-1)}. */
    public static String label(String kind, String position, JsonNode node) {
        JsonNode id = node == null ? null : node.get("id");
        return kind + position + (id != null && id.isTextual() ? " (id " + id.asText() + ")" : "");
    }

    private static Parsed<Object> notObject(String record, JsonNode node) {
        return new Parsed<>(null, List.of(new RecordError(record, "(record)",
                "must be a JSON object, was " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()))));
    }

    @SuppressWarnings("unchecked")
    public Parsed<Claim> claim(JsonNode node, String record) {
        if (node == null || !node.isObject()) {
            return (Parsed<Claim>) (Parsed<?>) notObject(record, node);
        }
        Fields f = new Fields(node, record, CLAIM_FIELDS);
        String id = f.text("id", true);
        String member = f.text("memberId", true);
        Claim.ClaimType type = null;
        String typeText = f.text("type", true);
        if (typeText != null) {
            try {
                type = Claim.ClaimType.parse(typeText);
            } catch (IllegalArgumentException e) {
                f.error("type", "must be one of inpatient, outpatient, professional, snf, home-health, hospice, dme, pharmacy; was '" + typeText + "'");
            }
        }
        Claim.Frequency frequency = Claim.Frequency.ORIGINAL;
        Integer code = f.integer("frequency", false);
        if (code != null) {
            try {
                frequency = Claim.Frequency.ofCode(code);
            } catch (IllegalArgumentException e) {
                f.error("frequency", e.getMessage());
            }
        }
        String replaces = f.text("replacesClaimId", false);
        check(f, "replacesClaimId", RecordRules.replacesClaimId(id, frequency, replaces));
        LocalDate from = f.date("serviceFrom", true);
        LocalDate through = f.date("serviceThrough", false);
        LocalDate paid = f.date("paidDate", true);
        Money paidAmount = f.money("paidAmount", frequency != Claim.Frequency.VOID);
        Money allowed = f.money("allowedAmount", false);
        check(f, "paidAmount", RecordRules.amount(paidAmount));
        check(f, "allowedAmount", RecordRules.allowedAmount(allowed, paidAmount));
        check(f, "serviceFrom", rules.serviceFrom(from));
        check(f, "serviceThrough", RecordRules.serviceThrough(through, from));
        check(f, "paidDate", RecordRules.paidDate(paid, from));
        String drg = f.text("drg", false);
        List<String> hcpcs = f.strings("hcpcs");
        List<String> dx = f.strings("diagnoses");
        String billing = f.text("billingProvider", false);
        if (!f.errors().isEmpty()) {
            return Parsed.of(null, f.errors());
        }
        return Parsed.of(new Claim(id, member, type, from, through == null ? from : through, paid,
                paidAmount == null ? Money.ZERO : paidAmount, allowed, drg, hcpcs, dx, billing, frequency, replaces), List.of());
    }

    private static void check(Fields f, String field, String message) {
        if (message != null) {
            f.error(field, message);
        }
    }

    @SuppressWarnings("unchecked")
    public Parsed<Attribution> attribution(JsonNode node, String record) {
        if (node == null || !node.isObject()) {
            return (Parsed<Attribution>) (Parsed<?>) notObject(record, node);
        }
        Fields f = new Fields(node, record, ATTRIBUTION_FIELDS);
        String id = f.text("id", true);
        String member = f.text("memberId", true);
        YearMonth month = f.month("month", true);
        BigDecimal risk = f.decimal("riskScore", false);
        String segment = f.text("segment", false);
        String replaces = f.text("replacesId", false);
        Boolean active = f.bool("active");
        check(f, "month", rules.month(month));
        check(f, "riskScore", RecordRules.riskScore(risk));
        check(f, "segment", RecordRules.segment(segment));
        check(f, "replacesId", RecordRules.replacesId(id, replaces));
        check(f, "active", RecordRules.active(active == null || active, replaces));
        if (!f.errors().isEmpty()) {
            return Parsed.of(null, f.errors());
        }
        return Parsed.of(new Attribution(id, member, month, risk, segment, replaces, active == null || active), List.of());
    }

    @SuppressWarnings("unchecked")
    public Parsed<QualityEvent> qualityEvent(JsonNode node, String record) {
        if (node == null || !node.isObject()) {
            return (Parsed<QualityEvent>) (Parsed<?>) notObject(record, node);
        }
        Fields f = new Fields(node, record, QUALITY_FIELDS);
        String id = f.text("id", true);
        String member = f.text("memberId", true);
        String measure = f.text("measureId", true);
        String periodId = f.text("period", true);
        String kindText = f.text("kind", true);
        QualityEvent.Kind kind = null;
        if (kindText != null) {
            try {
                kind = QualityEvent.Kind.parse(kindText);
            } catch (IllegalArgumentException e) {
                f.error("kind", "must be numerator, denominator or exclusion, was '" + kindText + "'");
            }
        }
        check(f, "measureId", rules.measureId(measure));
        check(f, "period", rules.period(periodId));
        if (!f.errors().isEmpty()) {
            return Parsed.of(null, f.errors());
        }
        return Parsed.of(new QualityEvent(id, member, measure, periodId, kind), List.of());
    }
}
