package org.vbcsettle.settlement.sharedsavings;

import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rates;
import org.vbcsettle.money.Rounding;
import org.vbcsettle.settlement.ArrangementResult;
import org.vbcsettle.settlement.CannotSettle;
import org.vbcsettle.settlement.SettlementContext;
import org.vbcsettle.settlement.SettlementOutcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

/**
 * Shared savings and shared losses after 42 CFR 425.604 (one-sided), 425.605 (BASIC), 425.606 (Track 2) and
 * 425.610 (ENHANCED), parameterised by {@link SharedSavings} terms so that commercial contracts run the same
 * steps with other numbers.
 *
 * <p>Savings: savings = benchmark − expenditure; they count only when savings ÷ benchmark reaches the minimum
 * savings rate (MSR), and are then shared from the first dollar: savings × final sharing rate, less payment
 * sequestration, limited to the cap (a share of the benchmark). The published MSSP results show the order:
 * an ACO at its performance payment limit receives exactly the limit, so sequestration is taken before the cap.
 * Losses mirror it with the minimum loss rate (MLR), the shared loss rate and the loss limit, and are then
 * reduced by the extreme-and-uncontrollable-circumstances (disaster) share; sequestration never applies to
 * losses ({@link SavingsSharing}, {@link LossSharing}).
 *
 * <p>Quality: the quality performance standard met → the full sharing rate; only the alternative (scaled) tier
 * met → sharing rate × quality score (MSSP before 2022, and the PY2023+ alternative standard / sliding scale);
 * neither → no shared savings, and a quality-scaled loss rate takes its ceiling.
 *
 * <p>Rounding: every intermediate figure is exact; only the amount is rounded, to whole dollars half away from
 * zero ({@link Rounding#CMS_WHOLE_DOLLAR}), as CMS reports shared savings and losses.
 */
public final class SharedSavingsCalculator {

    public static final String TYPE = "shared-savings";

    /** 42 CFR 425.605(h) applies to agreement periods starting on or after this day. */
    public static final LocalDate REDUCED_SHARING_FROM = LocalDate.of(2024, 1, 1);
    /** 42 CFR 425.605(h)(1): at least this many assigned beneficiaries (one definition, on the contract's rule). */
    public static final int REDUCED_SHARING_MIN_ASSIGNED = SharedSavings.LowRevenueReducedSharing.REGULATION_MINIMUM_ASSIGNED;

    /** The rounding rule of the settled amount. */
    public static final Rounding AMOUNT_ROUNDING = Rounding.CMS_WHOLE_DOLLAR;
    /** Completed (interim) expenditure: paid ÷ completion factor, to the cent. */
    public static final Rounding COMPLETION_ROUNDING = Rounding.NEAREST_CENT;
    /** The PMPM benchmark: an estimate of spend, to the cent. */
    public static final Rounding BENCHMARK_ROUNDING = Rounding.NEAREST_CENT;

    private SharedSavingsCalculator() {
    }

    /**
     * Settles from claims and attribution: derives the {@link SharedSavingsFigures} from the context and
     * computes them; the derivation steps come first on the statement.
     *
     * @param composites the composite score of each quality arrangement of the contract, by id
     */
    public static SettlementOutcome<ArrangementResult> settle(SharedSavings terms, SettlementContext ctx,
                                                              Map<String, BigDecimal> composites) {
        return SettlementOutcome.attempt(() -> {
            SharedSavingsDerivation.Derived d = SharedSavingsDerivation.of(terms, ctx, composites);
            SharedSavingsResult r = result(terms, d.figures(), d.basis());
            return ArrangementResult.of(terms.id(), TYPE, r, SharedSavingsLineItems.of(terms, r));
        });
    }

    /** The core calculation over aggregate figures (used by settle, reconcile-mssp and simulations). */
    public static SettlementOutcome<SharedSavingsResult> compute(SharedSavings terms, SharedSavingsFigures figures) {
        return SettlementOutcome.attempt(() -> result(terms, figures, null));
    }

    /** As {@link #compute}, with the line items of the statement. */
    public static SettlementOutcome<ArrangementResult> computeWithLineItems(SharedSavings terms, SharedSavingsFigures figures) {
        return compute(terms, figures).map(r -> ArrangementResult.of(terms.id(), TYPE, r, SharedSavingsLineItems.of(terms, r)));
    }

    private static SharedSavingsResult result(SharedSavings terms, SharedSavingsFigures f, SharedSavingsBasis basis) {
        require(terms, f);
        Money savings = f.benchmark().minus(f.expenditure());
        BigDecimal savingsRate = savings.ratioTo(f.benchmark(), Rates.RATE_SCALE);
        BigDecimal msr = minimumRate(terms.minimumSavingsRate(), f.assignedBeneficiaries());
        SharedSavingsResult.Quality quality = quality(terms, f);
        SharedSavingsResult.Gain gain = null;
        SharedSavingsResult.Loss loss = null;
        BigDecimal earnedCents = BigDecimal.ZERO;
        if (f.guardrailApplies()) {
            // 42 CFR 425.652(b)(5)(ii): below the recalculated benchmark, neither savings nor losses are shared
            earnedCents = BigDecimal.ZERO;
        } else if (savings.isPositive()) {
            gain = SavingsSharing.of(terms, f, savings, msr, quality);
            earnedCents = gain.shared() ? (gain.capApplied() ? gain.limitCents() : gain.afterSequestrationCents()) : BigDecimal.ZERO;
        } else if (savings.isNegative() && terms.downside() != null) {
            loss = LossSharing.of(terms, f, savings.negate(), quality);
            earnedCents = loss.mlrMet() ? loss.owedBeforeDisasterCents().subtract(loss.disasterReductionCents()).negate() : BigDecimal.ZERO;
        }
        return new SharedSavingsResult(f, basis, savings, savingsRate, msr, quality, gain, loss, earnedCents,
                AMOUNT_ROUNDING.apply(earnedCents));
    }

    private static void require(SharedSavings terms, SharedSavingsFigures f) {
        String who = "arrangement " + terms.id() + ": ";
        if (f.benchmark() == null || !f.benchmark().isPositive()) {
            throw new CannotSettle(who + "benchmark must be positive, was " + f.benchmark());
        }
        if (f.expenditure() == null || f.expenditure().isNegative()) {
            throw new CannotSettle(who + "expenditure must be zero or more, was " + f.expenditure());
        }
        if (f.assignedBeneficiaries() < 0) {
            throw new CannotSettle(who + "assigned beneficiaries cannot be negative");
        }
        if (terms.sharingRate() == null || !Rates.between(terms.sharingRate(), BigDecimal.ZERO, BigDecimal.ONE)) {
            throw new CannotSettle(who + "sharingRate must be between 0 and 1, was " + terms.sharingRate());
        }
        if (f.qualityScore() != null && !Rates.between(f.qualityScore(), BigDecimal.ZERO, BigDecimal.ONE)) {
            throw new CannotSettle(who + "quality score must be between 0 and 1, was " + f.qualityScore());
        }
        if (f.disasterShare() != null && !Rates.between(f.disasterShare(), BigDecimal.ZERO, BigDecimal.ONE)) {
            throw new CannotSettle(who + "disaster share must be between 0 and 1, was " + f.disasterShare());
        }
    }

    /** Which quality tier was met (reported flags win over the score) and the sharing rate it gives. */
    private static SharedSavingsResult.Quality quality(SharedSavings terms, SharedSavingsFigures f) {
        SharedSavings.QualityRule rule = terms.quality();
        BigDecimal score = f.qualityScore();
        if (rule == null) {
            return new SharedSavingsResult.Quality(false, score, true, false, terms.sharingRate());
        }
        boolean standardMet = f.qualityStandardMet() != null ? f.qualityStandardMet()
                : rule.standard() != null && score != null && score.compareTo(rule.standard()) >= 0;
        boolean alternativeMet;
        if (standardMet) {
            alternativeMet = false;
        } else if (f.alternativeStandardMet() != null) {
            alternativeMet = f.alternativeStandardMet();
        } else {
            alternativeMet = rule.alternative() != null && score != null && score.compareTo(rule.alternative()) >= 0;
        }
        BigDecimal rate;
        if (standardMet) {
            rate = terms.sharingRate();
        } else if (alternativeMet) {
            rate = score == null ? BigDecimal.ZERO : terms.sharingRate().multiply(score, Rates.MC);
        } else {
            rate = BigDecimal.ZERO;
        }
        return new SharedSavingsResult.Quality(true, score, standardMet, alternativeMet, rate);
    }

    /**
     * The PMPM benchmark: {@code baselinePmpm × (1 + trend)^trendYears × riskFactor × memberMonths}, computed
     * exactly and rounded once to the cent ({@link #BENCHMARK_ROUNDING}). Public so that simulations draw the
     * same benchmark as the settlement.
     */
    public static Money pmpmBenchmark(Money baselinePmpm, BigDecimal trend, int trendYears, BigDecimal riskFactor,
                                      long memberMonths) {
        if (trendYears < 0) {
            throw new CannotSettle("trendYears cannot be negative: " + trendYears);
        }
        if (memberMonths < 0) {
            throw new CannotSettle("memberMonths cannot be negative: " + memberMonths);
        }
        BigDecimal growth = BigDecimal.ONE.add(trend).pow(trendYears);
        BigDecimal cents = baselinePmpm.toDecimalCents()
                .multiply(growth)
                .multiply(riskFactor == null ? BigDecimal.ONE : riskFactor)
                .multiply(BigDecimal.valueOf(memberMonths));
        return BENCHMARK_ROUNDING.apply(cents);
    }

    /**
     * The risk factor of a PMPM benchmark: none → 1; a fixed factor; or the attributed population's average risk
     * score ÷ the baseline risk score (10 decimals, half-even), bounded to {@code [1 − cap, 1 + cap]} when a cap is
     * set (the MSSP 3% cap on risk score growth).
     */
    public static BigDecimal riskFactor(SharedSavings.RiskAdjustment adjustment, BigDecimal averageRiskScore) {
        if (adjustment == null) {
            return BigDecimal.ONE;
        }
        BigDecimal factor;
        if (adjustment.factor() != null) {
            factor = adjustment.factor();
        } else {
            if (adjustment.baselineRiskScore() == null || adjustment.baselineRiskScore().signum() <= 0) {
                throw new CannotSettle("risk adjustment needs a positive baselineRiskScore or a fixed factor");
            }
            factor = averageRiskScore.divide(adjustment.baselineRiskScore(), Rates.RATE_SCALE, RoundingMode.HALF_EVEN);
        }
        if (adjustment.cap() != null) {
            factor = Rates.clamp(factor, BigDecimal.ONE.subtract(adjustment.cap()), BigDecimal.ONE.add(adjustment.cap()));
        }
        return factor;
    }

    /** The MSR or MLR: none → 0; fixed; or the CMS table by assigned beneficiaries. */
    public static BigDecimal minimumRate(MinimumRate rate, long assigned) {
        if (rate == null) {
            return BigDecimal.ZERO;
        }
        if (rate instanceof MinimumRate.Fixed fixed) {
            return fixed.rate() == null ? BigDecimal.ZERO : fixed.rate();
        }
        return CmsMinimumSavingsRate.forAssigned(assigned);
    }
}
