package org.vbcsettle.ingest;

import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bounds of the record rules: what a value must be beyond its format, each rule with its message. The
 * record kinds ({@link ClaimFormat}, {@link AttributionFormat}, {@link QualityEventFormat},
 * {@link ReportedFactsFormat}) say which rule each field meets. Some rules need the contract the record is for
 * (performance period, measures); without one ({@link #contractFree()}) only the others are checked.
 *
 * <p>Each value check returns the message, or null when the value is fine (or absent: whether a field is
 * required is the record kind's business).
 */
public final class RecordRules {

    /** A single claim above $10M is a data error (the costliest US claims are a few million dollars). */
    public static final Money MAX_CLAIM_AMOUNT = Money.ofDollars(10_000_000);
    /** CMS-HCC scores above 20 do not occur; zero or negative ones are errors. */
    public static final BigDecimal MAX_RISK_SCORE = BigDecimal.valueOf(20);
    /** Medicare enrollment types (CMS benchmark segments), compared ignoring case. */
    public static final List<String> SEGMENTS = List.of("aged/non-dual", "aged/dual", "disabled", "esrd");

    private final Contract contract;
    private final LocalDate lastServiceDate;
    private final Set<String> measures = new TreeSet<>();

    private RecordRules(Contract contract) {
        this.contract = contract;
        if (contract == null) {
            this.lastServiceDate = null;
            return;
        }
        // bundled-payment episodes anchored late in the year run on past its end
        int window = 0;
        for (var a : contract.arrangements()) {
            if (a instanceof BundledPayment bp && bp.episodes() != null) {
                for (BundledPayment.EpisodeDefinition e : bp.episodes()) {
                    window = Math.max(window, e.windowDaysOrDefault());
                }
            }
            if (a instanceof QualityIncentive qi && qi.measures() != null) {
                qi.measures().forEach(m -> measures.add(m.id()));
            }
        }
        this.lastServiceDate = contract.performanceEnd().plusDays(window);
    }

    /** The rules for records sent to this contract. */
    public static RecordRules forContract(Contract contract) {
        return new RecordRules(java.util.Objects.requireNonNull(contract, "contract"));
    }

    /** Only the rules that need no contract (amounts, date order, risk score, replacements). */
    public static RecordRules contractFree() {
        return new RecordRules(null);
    }

    // ---------------------------------------------------------------- value rules

    /** paidAmount and allowedAmount: 0 to $10,000,000 per claim; money is taken back with a replacement or void. */
    public static String amount(Money m) {
        if (m == null) {
            return null;
        }
        if (m.cents() < 0) {
            return "must not be negative (send a replacement or void claim to take money back), was " + m.cents() + " cents";
        }
        if (m.cents() > MAX_CLAIM_AMOUNT.cents()) {
            return "exceeds the per-claim bound of " + MAX_CLAIM_AMOUNT.cents() + " cents, was " + m.cents();
        }
        return null;
    }

    /** allowedAmount defaults to paidAmount: when it is the same amount, paidAmount's error already says it. */
    public static String allowedAmount(Money allowed, Money paid) {
        return java.util.Objects.equals(allowed, paid) ? null : amount(allowed);
    }

    /** serviceFrom inside the performance period; bundled payments: up to the longest episode window after it. */
    public String serviceFrom(LocalDate from) {
        if (from == null || contract == null) {
            return null;
        }
        if (from.isBefore(contract.performanceStart()) || from.isAfter(lastServiceDate)) {
            return from + " is outside the contract's performance period " + contract.performanceStart() + " to " + lastServiceDate;
        }
        return null;
    }

    public static String serviceThrough(LocalDate through, LocalDate from) {
        return through != null && from != null && through.isBefore(from) ? through + " is before serviceFrom " + from : null;
    }

    public static String paidDate(LocalDate paid, LocalDate from) {
        return paid != null && from != null && paid.isBefore(from) ? paid + " is before serviceFrom " + from : null;
    }

    /** replacesClaimId against frequency and id; null frequency means original. */
    public static String replacesClaimId(String id, Claim.Frequency frequency, String replaces) {
        Claim.Frequency f = frequency == null ? Claim.Frequency.ORIGINAL : frequency;
        if (f != Claim.Frequency.ORIGINAL && replaces == null) {
            return "is required for a replacement (7) or void (8)";
        }
        if (f == Claim.Frequency.ORIGINAL && replaces != null) {
            return "is only allowed with frequency 7 (replacement) or 8 (void)";
        }
        if (replaces != null && replaces.equals(id)) {
            return "a claim cannot replace itself";
        }
        return null;
    }

    public String month(YearMonth month) {
        if (month == null || contract == null || contract.performancePeriod().contains(month)) {
            return null;
        }
        return month + " is outside the contract's performance period " + contract.performanceStart() + " to " + contract.performanceEnd();
    }

    public static String riskScore(BigDecimal risk) {
        if (risk != null && (risk.signum() <= 0 || risk.compareTo(MAX_RISK_SCORE) > 0)) {
            return "must be above 0 and at most " + MAX_RISK_SCORE + ", was " + risk.toPlainString();
        }
        return null;
    }

    public static String segment(String segment) {
        if (segment == null || SEGMENTS.contains(segment.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return "must be one of " + String.join(", ", SEGMENTS) + ", was " + segment;
    }

    /** replacesId and active: false only retracts a named record; a record cannot replace itself. */
    public static String replacesId(String id, String replaces) {
        return replaces != null && replaces.equals(id) ? "a record cannot replace itself" : null;
    }

    public static String active(boolean active, String replaces) {
        return !active && replaces == null ? "false only retracts a record named by replacesId" : null;
    }

    public String measureId(String measure) {
        if (measure == null || contract == null || measures.contains(measure)) {
            return null;
        }
        return measures.isEmpty() ? "contract " + contract.id() + " scores no quality measures"
                : "'" + measure + "' is not a measure of contract " + contract.id() + " (" + String.join(", ", measures) + ")";
    }

    /** The period's format (YYYY, YYYY-Qn, YYYY-MM) and, with a contract, that it lies in the performance period. */
    public String period(String periodId) {
        if (periodId == null) {
            return null;
        }
        Period.Read read = Period.read(periodId);
        if (!read.ok()) {
            return read.problem();
        }
        Period p = read.period();
        if (contract != null && !contract.performancePeriod().encloses(p)) {
            return periodId + " is outside the contract's performance period " + contract.performanceStart() + " to " + contract.performanceEnd();
        }
        return null;
    }

    // ---------------------------------------------------------------- reported facts

    /** Scores and shares: a fraction from 0 to 1. */
    public static String fraction(BigDecimal v) {
        return v != null && (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) ? "must be between 0 and 1, was " + v.toPlainString() : null;
    }

    public static String notNegative(Money m) {
        return m != null && m.isNegative() ? "must be 0 or more, was " + m : null;
    }

    public static String notNegative(Integer count) {
        return count != null && count < 0 ? "must be 0 or more, was " + count : null;
    }

    /** A benchmark of $0 has no savings rate: the calculator would divide by it. */
    public static String positive(Money m) {
        return m != null && !m.isPositive() ? "must be above $0.00, was " + m : null;
    }

    /** Adds a violation of {@code field} when {@code message} (a rule's answer) is not null. */
    static void add(List<Violation> out, String field, String message) {
        if (message != null) {
            out.add(new Violation(field, message));
        }
    }
}
