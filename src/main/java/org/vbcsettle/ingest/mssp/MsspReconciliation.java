package org.vbcsettle.ingest.mssp;

import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rates;
import org.vbcsettle.settlement.ArrangementResult;
import org.vbcsettle.settlement.sharedsavings.CmsMinimumSavingsRate;
import org.vbcsettle.contract.mssp.MsspProgramYear;
import org.vbcsettle.contract.mssp.MsspTerms;
import org.vbcsettle.settlement.sharedsavings.SharedSavingsCalculator;
import org.vbcsettle.settlement.sharedsavings.SharedSavingsFigures;
import org.vbcsettle.settlement.sharedsavings.SharedSavingsResult;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes each ACO's earned shared savings or losses of a PUF from its inputs only, through
 * {@link MsspTerms} and {@link SharedSavingsCalculator#compute} (the code that settles contracts), and compares
 * the result with the published {@code EarnSaveLoss}.
 *
 * <p>A row matches when the published amount is within $2 of what the inputs give. Where a published input was
 * rounded (a quality score printed to 4 decimals, an MSR printed to 2 decimals of a percent), the row is also
 * recomputed at both ends of the input's rounding interval and matches when the published amount lies within $2
 * of that range: exactly the difference the rounding explains, for that row.
 */
public final class MsspReconciliation {

    /** The tolerance for CMS's whole-dollar rounding of the published figures. */
    public static final long TOLERANCE_CENTS = 200;

    /** MSR/MLR choices of two-sided ACOs (42 CFR 425.606(b), 425.610(b), 425.605(b)). */
    private static final List<BigDecimal> FIXED_CHOICES = List.of(
            new BigDecimal("0"), new BigDecimal("0.005"), new BigDecimal("0.01"), new BigDecimal("0.015"), new BigDecimal("0.02"));

    private static final BigDecimal TINY = new BigDecimal("1e-12");

    private MsspReconciliation() {
    }

    /**
     * One ACO's outcome.
     *
     * @param computed          earned savings (positive) or losses (negative) from the inputs, whole dollars as cents
     * @param low               lowest amount the rounding of published inputs allows
     * @param high              highest amount the rounding of published inputs allows
     * @param matched           published within $2 of [low, high]
     * @param byRounding        matched only thanks to the rounding interval (not within $2 of {@code computed})
     * @param reason            for a row that differs: what the inputs show about why (empty otherwise)
     */
    public record Outcome(MsspPufRow row, SharedSavings terms, ArrangementResult result, Money computed, Money low, Money high,
                          boolean matched, boolean byRounding, String reason) {
        public Money difference() {
            return computed.minus(row.publishedEarned());
        }
    }

    /** The outcome of a whole file. */
    public record Report(MsspPuf puf, List<Outcome> outcomes) {
        public long matched() {
            return outcomes.stream().filter(Outcome::matched).count();
        }

        public long byRounding() {
            return outcomes.stream().filter(Outcome::byRounding).count();
        }

        /** Within $2 of the amount the published inputs give as printed. */
        public long exact() {
            return matched() - byRounding();
        }

        public List<Outcome> differing() {
            return outcomes.stream().filter(o -> !o.matched()).toList();
        }

        /**
         * The three counts, apart: e.g. {@code 476 ACOs: 300 exact (within $2), 171 only within the rounding interval
         * of a published input, 5 differ}.
         */
        public String summary() {
            return outcomes.size() + " ACOs: " + exact() + " exact (within $2), " + byRounding()
                    + " only within the rounding interval of a published input, " + differing().size() + " differ";
        }
    }

    public static Report reconcile(MsspPuf puf) {
        List<Outcome> out = new ArrayList<>();
        for (MsspPufRow row : puf.rows()) {
            try {
                out.add(reconcile(row));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new PufFormatException(puf.file() + " line " + row.line() + " (ACO " + row.acoId() + "): " + e.getMessage(), e);
            }
        }
        return new Report(puf, out);
    }

    public static Outcome reconcile(MsspPufRow row) {
        int year = row.performanceYear();
        boolean twoSided = row.track().twoSided();

        // MSR/MLR: the CMS table when the published rate is the table's for N_AB (within its printed precision);
        // a two-sided ACO's fixed choice; otherwise the published rate as a fixed rate, uncertain by its rounding.
        BigDecimal table = CmsMinimumSavingsRate.forAssigned(row.assigned());
        BigDecimal published = row.minimumSavingsRate();
        BigDecimal half = row.minimumSavingsRateHalfStep().add(TINY);
        MinimumRate centre;
        List<MinimumRate> msrEnds = new ArrayList<>();
        if (published == null || published.subtract(table).abs().compareTo(half) <= 0) {
            centre = new MinimumRate.CmsTable();
        } else {
            BigDecimal choice = twoSided ? nearestChoice(published, half) : null;
            if (choice != null) {
                centre = new MinimumRate.Fixed(choice);
            } else {
                centre = new MinimumRate.Fixed(published);
                if (row.minimumSavingsRateHalfStep().signum() > 0) {
                    msrEnds.add(new MinimumRate.Fixed(published.subtract(row.minimumSavingsRateHalfStep()).max(BigDecimal.ZERO)));
                    msrEnds.add(new MinimumRate.Fixed(published.add(row.minimumSavingsRateHalfStep())));
                }
            }
        }

        BigDecimal score = row.qualityScore();
        if (score == null && row.payForReporting()) {
            score = BigDecimal.ONE; // first year: full credit for complete reporting
        }
        List<BigDecimal> scoreEnds = new ArrayList<>();
        if (row.qualityScore() != null && row.qualityScoreHalfStep().signum() > 0) {
            scoreEnds.add(row.qualityScore().subtract(row.qualityScoreHalfStep()).max(BigDecimal.ZERO));
            scoreEnds.add(row.qualityScore().add(row.qualityScoreHalfStep()).min(BigDecimal.ONE));
        }

        SharedSavings terms = MsspTerms.of(row.acoId(), year, row.track(), centre, row.agreementStart(), row.benchmark());
        // the line items for --explain and the outcome; the ends of the rounding intervals need the amount only
        ArrangementResult result = SharedSavingsCalculator.computeWithLineItems(terms, compute(row, terms, score).inputs()).orElseThrow();
        Money computed = result.amount();

        Money low = computed;
        Money high = computed;
        List<MinimumRate> rates = new ArrayList<>(msrEnds);
        rates.add(centre);
        List<BigDecimal> scores = new ArrayList<>(scoreEnds);
        scores.add(score);
        for (MinimumRate r : rates) {
            for (BigDecimal s : scores) {
                if (r == centre && s == score) {
                    continue;
                }
                SharedSavings t = MsspTerms.of(row.acoId(), year, row.track(), r, row.agreementStart(), row.benchmark());
                Money a = compute(row, t, s).earned();
                low = Money.min(low, a);
                high = Money.max(high, a);
            }
        }
        long pub = row.publishedEarned().cents();
        boolean withinCentre = Math.abs(computed.cents() - pub) <= TOLERANCE_CENTS;
        boolean matched = pub >= low.cents() - TOLERANCE_CENTS && pub <= high.cents() + TOLERANCE_CENTS;
        String reason = matched ? "" : reason(row, terms, result, computed);
        return new Outcome(row, terms, result, computed, low, high, matched, matched && !withinCentre, reason);
    }

    private static BigDecimal nearestChoice(BigDecimal published, BigDecimal half) {
        for (BigDecimal c : FIXED_CHOICES) {
            if (published.subtract(c).abs().compareTo(half) <= 0) {
                return c;
            }
        }
        return null;
    }

    /** Figures from the row, then the calculator; a published disaster adjustment becomes the share it removed. */
    private static SharedSavingsResult compute(MsspPufRow row, SharedSavings terms, BigDecimal score) {
        MsspProgramYear rules = MsspProgramYear.of(row.performanceYear());
        Boolean standardMet;
        Boolean alternativeMet;
        if (rules.scaledQuality()) {
            // before PY2022 meeting the standard scaled the rate by the score: the terms' scaled tier
            standardMet = Boolean.FALSE;
            alternativeMet = row.metQps() != null ? row.metQps()
                    : row.payForReporting() || (row.qualityScore() != null && row.qualityScore().signum() > 0);
        } else {
            // no flag column at all: a reported score (or complete first-year reporting) is taken as the standard met
            standardMet = row.metQps() != null ? row.metQps()
                    : row.payForReporting() || (row.qualityScore() != null && row.qualityScore().signum() > 0);
            alternativeMet = rules.slidingScale() && Boolean.TRUE.equals(row.metAltQps());
        }
        BigDecimal covid = rules.publicHealthEmergencyLossReduction();
        SharedSavingsFigures figures = figures(row, score, standardMet, alternativeMet, covid);
        SharedSavingsResult r = SharedSavingsCalculator.compute(terms, figures).orElseThrow();
        if (covid == null && row.disasterAdjustment() != null && row.disasterAdjustment().isPositive() && r.earned().isNegative()) {
            Money before = r.owedBeforeDisaster();
            BigDecimal owed = before == null ? BigDecimal.ZERO : before.toDecimalCents();
            if (owed.signum() > 0) {
                BigDecimal share = row.disasterAdjustment().toDecimalCents().divide(owed, MathContext.DECIMAL128).min(BigDecimal.ONE);
                r = SharedSavingsCalculator.compute(terms, figures(row, score, standardMet, alternativeMet, share)).orElseThrow();
            }
        }
        return r;
    }

    private static SharedSavingsFigures figures(MsspPufRow row, BigDecimal score, Boolean standardMet, Boolean alternativeMet,
                                                BigDecimal disasterShare) {
        return new SharedSavingsFigures(row.benchmark(), row.expenditure(), row.assigned(), 0L, score, standardMet,
                alternativeMet, row.participantRevenue(), disasterShare, Boolean.TRUE.equals(row.lowRevenue()), row.guardrail());
    }

    private static String reason(MsspPufRow row, SharedSavings terms, ArrangementResult r, Money computed) {
        Money pub = row.publishedEarned();
        SharedSavingsResult figures = r.figuresAs(SharedSavingsResult.class);
        String rates = "savings rate " + Rates.percent(figures.savingsRate()) + ", MSR " + Rates.percent(figures.minimumSavingsRate());
        if (pub.isZero() && computed.isPositive()) {
            if (row.metQps() == null) {
                return "CMS paid nothing though the " + rates + " and the quality score ("
                        + (row.payForReporting() ? "pay-for-reporting" : row.qualityScore().toPlainString())
                        + ") qualify: the ACO probably failed the quality standard (incomplete reporting or a domain below the"
                        + " minimum), which this PUF has no column to show";
            }
            return "CMS paid nothing though the " + rates + " and the quality flags qualify: a condition the PUF does not show"
                    + " (e.g. a termination or a compliance action)";
        }
        if (pub.isZero() && computed.isNegative()) {
            return "CMS collected nothing though the inputs give shared losses: the losses were waived or limited for a reason"
                    + " the PUF does not show (no DisAdj)";
        }
        if (computed.isNegative() && pub.isNegative() && pub.cents() > computed.cents()) {
            Money lim = figures.lossLimit();
            boolean byRevenue = terms.downside() != null && terms.downside().lossLimit() != null
                    && terms.downside().lossLimit().percentOfRevenue() != null;
            if (row.participantRevenue() == null && byRevenue) {
                return "CMS collected less than the inputs give: the revenue-based loss limit probably bound (participant"
                        + " revenue is not in the PUF; the benchmark-based limit used is $" + (lim == null ? "?" : dollars(lim)) + ")";
            }
            return "CMS collected less than the inputs give (loss limit or disaster adjustment not shown in the PUF)";
        }
        if (computed.isPositive() && pub.isPositive()) {
            BigDecimal ratio = pub.toDecimalCents().divide(computed.toDecimalCents(), 6, RoundingMode.HALF_EVEN);
            return "CMS paid " + ratio.toPlainString() + " × the computed amount: a sharing rate or cap other than the inputs give";
        }
        if (pub.isPositive() && computed.isZero()) {
            return "CMS paid savings the inputs do not support (" + rates + ")";
        }
        return "computed and published amounts differ";
    }

    private static String dollars(Money amount) {
        return amount.toDollars().setScale(0, RoundingMode.HALF_UP).toPlainString();
    }
}
