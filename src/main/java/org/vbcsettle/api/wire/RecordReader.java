package org.vbcsettle.api.wire;

import com.fasterxml.jackson.databind.JsonNode;
import org.vbcsettle.api.RecordError;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
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
 * dates inside the performance period. A record that fails is rejected alone, with its errors; it never
 * reaches the ledger.
 */
public final class RecordReader {

    /** A single claim above $10M is a data error (the costliest US claims are a few million dollars). */
    public static final Money MAX_CLAIM_AMOUNT = Money.ofDollars(10_000_000);
    /** CMS-HCC scores above 20 do not occur; zero or negative ones are errors. */
    static final BigDecimal MAX_RISK_SCORE = BigDecimal.valueOf(20);

    static final Set<String> CLAIM_FIELDS = Set.of("id", "memberId", "type", "serviceFrom", "serviceThrough",
            "paidDate", "paidAmount", "allowedAmount", "drg", "hcpcs", "diagnoses", "billingProvider", "frequency",
            "replacesClaimId");
    static final Set<String> ATTRIBUTION_FIELDS = Set.of("id", "memberId", "month", "riskScore", "segment",
            "replacesId", "active");
    static final Set<String> QUALITY_FIELDS = Set.of("id", "memberId", "measureId", "period", "kind");

    private final Contract contract;
    private final LocalDate lastServiceDate;
    private final java.util.Set<String> measures = new java.util.TreeSet<>();

    public RecordReader(Contract contract) {
        this.contract = contract;
        // bundled-payment episodes anchored late in the year run on past its end
        int window = 0;
        for (var a : contract.arrangements()) {
            if (a instanceof BundledPayment bp && bp.episodes() != null) {
                for (BundledPayment.EpisodeDefinition e : bp.episodes()) {
                    window = Math.max(window, e.windowDaysOrDefault());
                }
            }
        }
        this.lastServiceDate = contract.performanceEnd().plusDays(window);
        for (var a : contract.arrangements()) {
            if (a instanceof org.vbcsettle.contract.QualityIncentive qi && qi.measures() != null) {
                qi.measures().forEach(m -> measures.add(m.id()));
            }
        }
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
        if (frequency != Claim.Frequency.ORIGINAL && replaces == null) {
            f.error("replacesClaimId", "is required for a replacement (7) or void (8)");
        }
        if (frequency == Claim.Frequency.ORIGINAL && replaces != null) {
            f.error("replacesClaimId", "is only allowed with frequency 7 (replacement) or 8 (void)");
        }
        if (replaces != null && replaces.equals(id)) {
            f.error("replacesClaimId", "a claim cannot replace itself");
        }
        LocalDate from = f.date("serviceFrom", true);
        LocalDate through = f.date("serviceThrough", false);
        LocalDate paid = f.date("paidDate", true);
        Money paidAmount = f.money("paidAmount", frequency != Claim.Frequency.VOID);
        Money allowed = f.money("allowedAmount", false);
        checkAmount(f, "paidAmount", paidAmount);
        checkAmount(f, "allowedAmount", allowed);
        if (from != null) {
            if (from.isBefore(contract.performanceStart()) || from.isAfter(lastServiceDate)) {
                f.error("serviceFrom", from + " is outside the contract's performance period "
                        + contract.performanceStart() + " to " + lastServiceDate);
            }
            if (through != null && through.isBefore(from)) {
                f.error("serviceThrough", through + " is before serviceFrom " + from);
            }
            if (paid != null && paid.isBefore(from)) {
                f.error("paidDate", paid + " is before serviceFrom " + from);
            }
        }
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

    private static void checkAmount(Fields f, String field, Money m) {
        if (m == null) {
            return;
        }
        if (m.cents() < 0) {
            f.error(field, "must not be negative (send a replacement or void claim to take money back), was " + m.cents() + " cents");
        } else if (m.cents() > MAX_CLAIM_AMOUNT.cents()) {
            f.error(field, "exceeds the per-claim bound of " + MAX_CLAIM_AMOUNT.cents() + " cents, was " + m.cents());
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
        if (month != null && !contract.performancePeriod().contains(month)) {
            f.error("month", month + " is outside the contract's performance period "
                    + contract.performanceStart() + " to " + contract.performanceEnd());
        }
        if (risk != null && (risk.signum() <= 0 || risk.compareTo(MAX_RISK_SCORE) > 0)) {
            f.error("riskScore", "must be above 0 and at most " + MAX_RISK_SCORE + ", was " + risk.toPlainString());
        }
        if (Boolean.FALSE.equals(active) && replaces == null) {
            f.error("active", "false only retracts a record named by replacesId");
        }
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
        if (measure != null && !measures.contains(measure)) {
            f.error("measureId", measures.isEmpty() ? "contract " + contract.id() + " scores no quality measures"
                    : "'" + measure + "' is not a measure of contract " + contract.id() + " (" + String.join(", ", measures) + ")");
        }
        if (periodId != null) {
            try {
                Period p = Period.parse(periodId);
                if (!contract.performancePeriod().encloses(p)) {
                    f.error("period", periodId + " is outside the contract's performance period "
                            + contract.performanceStart() + " to " + contract.performanceEnd());
                }
            } catch (IllegalArgumentException e) {
                f.error("period", e.getMessage());
            }
        }
        if (!f.errors().isEmpty()) {
            return Parsed.of(null, f.errors());
        }
        return Parsed.of(new QualityEvent(id, member, measure, periodId, kind), List.of());
    }
}
