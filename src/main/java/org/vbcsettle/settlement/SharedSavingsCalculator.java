package org.vbcsettle.settlement;

import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rates;
import org.vbcsettle.money.Rounding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * losses.
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

    public static final String METRIC_BENCHMARK = "benchmark";
    public static final String METRIC_EXPENDITURE = "expenditure";
    public static final String METRIC_SAVINGS = "savings";
    public static final String METRIC_SAVINGS_RATE = "savingsRate";
    public static final String METRIC_MSR = "minimumSavingsRate";
    public static final String METRIC_MSR_MET = "msrMet";
    public static final String METRIC_FINAL_SHARING_RATE = "finalSharingRate";
    public static final String METRIC_EARNED = "earned";
    public static final String METRIC_ASSIGNED = "assignedBeneficiaries";
    public static final String METRIC_MEMBER_MONTHS = "memberMonths";
    public static final String METRIC_QUALITY_SCORE = "qualityScore";
    public static final String METRIC_QUALITY_STANDARD_MET = "qualityStandardMet";
    public static final String METRIC_ALTERNATIVE_MET = "alternativeStandardMet";
    public static final String METRIC_CAP_APPLIED = "savingsCapApplied";
    public static final String METRIC_REDUCED_SHARING = "lowRevenueReducedSharing";
    public static final String METRIC_MLR = "minimumLossRate";
    public static final String METRIC_MLR_MET = "mlrMet";
    public static final String METRIC_LOSS_RATE = "lossRate";
    public static final String METRIC_LOSS_LIMIT = "lossLimit";
    public static final String METRIC_LOSS_BEFORE_DISASTER = "sharedLossBeforeDisaster";
    public static final String METRIC_DISASTER_ADJUSTMENT = "disasterAdjustment";

    /** 42 CFR 425.605(h) applies to agreement periods starting on or after this day. */
    public static final LocalDate REDUCED_SHARING_FROM = LocalDate.of(2024, 1, 1);
    /** 42 CFR 425.605(h)(1): at least this many assigned beneficiaries. */
    public static final int REDUCED_SHARING_MIN_ASSIGNED = 5_000;

    /** The rounding rule of the settled amount. */
    public static final Rounding AMOUNT_ROUNDING = Rounding.CMS_WHOLE_DOLLAR;
    /** Completed (interim) expenditure: paid ÷ completion factor, to the cent. */
    public static final Rounding COMPLETION_ROUNDING = Rounding.NEAREST_CENT;
    /** The PMPM benchmark: an estimate of spend, to the cent. */
    public static final Rounding BENCHMARK_ROUNDING = Rounding.NEAREST_CENT;

    private SharedSavingsCalculator() {
    }

    // ------------------------------------------------------------------------------------------------ settle

    /**
     * Settles from claims and attribution: derives {@link SharedSavingsFigures} from the context (see
     * {@link #figures}) and calls {@link #compute}. The derivation steps come first on the statement.
     */
    public static ArrangementResult settle(SharedSavings terms, SettlementContext ctx, Map<String, BigDecimal> composites) {
        List<LineItem> derivation = new ArrayList<>();
        SharedSavingsFigures figures = figures(terms, ctx, composites, derivation);
        ArrangementResult core = compute(terms, figures);
        List<LineItem> all = new ArrayList<>(derivation);
        all.addAll(core.lineItems());
        return new ArrangementResult(core.arrangementId(), core.type(), all, core.amount(), core.metrics());
    }

    /**
     * The aggregate figures of a settlement, derived from the context:
     * <ul>
     * <li>benchmark: the reported override, the total of the terms, or the PMPM benchmark over the attributed
     * member-months ({@link #pmpmBenchmark});</li>
     * <li>expenditure: paid amounts of effective claims whose service started in the period in a month the member
     * was attributed, truncated per member per calendar year at {@code truncation}, divided by the completion
     * factor;</li>
     * <li>assigned beneficiaries: reported, else the distinct attributed members;</li>
     * <li>quality score: reported, else the composite of the quality rule's source arrangement; the standards
     * met: reported, else decided by the calculator from the score.</li>
     * </ul>
     *
     * @param derivation receives the line items of the derivation (may be null)
     */
    public static SharedSavingsFigures figures(SharedSavings terms, SettlementContext ctx, Map<String, BigDecimal> composites,
                                               List<LineItem> derivation) {
        List<LineItem> lines = derivation == null ? new ArrayList<>() : derivation;
        ReportedFacts reported = ctx.reported() == null ? ReportedFacts.NONE : ctx.reported();
        AttributionResolution.Result attribution = ctx.attribution();
        long memberMonths = attribution.memberMonthCount();

        Money benchmark = benchmarkFor(terms, reported, attribution, ctx, lines);
        Money expenditure = expenditureFor(terms, ctx, lines);

        long assigned = reported.assignedBeneficiaries() != null
                ? reported.assignedBeneficiaries()
                : attribution.members().size();
        lines.add(LineItem.builder("Assigned beneficiaries")
                .input("source", reported.assignedBeneficiaries() != null ? "reported" : "distinct attributed members")
                .input("member-months", memberMonths)
                .formula(reported.assignedBeneficiaries() != null ? "as reported by the payer" : "count of distinct members attributed in the period")
                .result(String.valueOf(assigned)));

        BigDecimal qualityScore = reported.qualityScore();
        String qualitySource = "reported";
        if (qualityScore == null && terms.quality() != null && terms.quality().sourceArrangement() != null && composites != null) {
            qualityScore = composites.get(terms.quality().sourceArrangement());
            qualitySource = "composite of " + terms.quality().sourceArrangement();
        }
        if (terms.quality() != null) {
            lines.add(LineItem.builder("Quality score")
                    .input("source", qualityScore == null ? "none" : qualitySource)
                    .formula("reported score, else the composite score of the quality arrangement named by the terms")
                    .result(qualityScore == null ? "none" : qualityScore.toPlainString()));
        }
        return new SharedSavingsFigures(benchmark, expenditure, assigned, memberMonths, qualityScore,
                reported.qualityStandardMet(), reported.alternativeStandardMet(), reported.participantRevenue(),
                reported.disasterShare(), Boolean.TRUE.equals(reported.lowRevenue()));
    }

    private static Money benchmarkFor(SharedSavings terms, ReportedFacts reported, AttributionResolution.Result attribution,
                                      SettlementContext ctx, List<LineItem> lines) {
        if (reported.benchmarkOverride() != null) {
            lines.add(LineItem.builder("Benchmark")
                    .input("source", "reported by the payer")
                    .formula("total benchmark published for the period")
                    .money(reported.benchmarkOverride()));
            return reported.benchmarkOverride();
        }
        SharedSavings.Benchmark b = terms.benchmark();
        if (b == null) {
            throw new IllegalArgumentException("arrangement " + terms.id() + ": field benchmark is missing and no benchmark was reported");
        }
        if (b instanceof SharedSavings.Benchmark.Total total) {
            long periodMonths = ctx.period().months().size();
            long yearMonths = ctx.contract() == null ? periodMonths : ctx.contract().performancePeriod().months().size();
            if (periodMonths >= yearMonths) {
                lines.add(LineItem.builder("Benchmark")
                        .input("source", "total set by the contract")
                        .formula("total benchmark of the terms")
                        .money(total.amount()));
                return total.amount();
            }
            // An interim (year-to-date) settlement compares part of a year's spend with the same part of the
            // year's benchmark; otherwise a quarter's spend would be measured against a whole year's benchmark.
            Money prorated = total.amount().times(Rates.ratio(periodMonths, yearMonths), Rounding.NEAREST_CENT);
            lines.add(LineItem.builder("Benchmark")
                    .input("source", "total set by the contract, pro-rated to the settlement period")
                    .input("annual benchmark", total.amount())
                    .input("months in settlement period", periodMonths)
                    .input("months in performance period", yearMonths)
                    .formula("annual benchmark × months in settlement period ÷ months in performance period, to the cent ("
                            + Rounding.NEAREST_CENT.description() + ")")
                    .money(prorated));
            return prorated;
        }
        SharedSavings.Benchmark.Pmpm pmpm = (SharedSavings.Benchmark.Pmpm) b;
        BigDecimal riskFactor = riskFactor(pmpm.riskAdjustment(), attribution.averageRiskScore());
        int years = pmpm.trendYears() == null ? 0 : pmpm.trendYears();
        BigDecimal trend = pmpm.trend() == null ? BigDecimal.ZERO : pmpm.trend();
        Money amount = pmpmBenchmark(pmpm.baselinePmpm(), trend, years, riskFactor, attribution.memberMonthCount());
        lines.add(LineItem.builder("Benchmark")
                .input("baseline PMPM", pmpm.baselinePmpm())
                .input("trend", Rates.percent(trend))
                .input("trend years", years)
                .input("risk factor", riskFactor.toPlainString())
                .input("average risk score", attribution.averageRiskScore().toPlainString())
                .input("member-months", attribution.memberMonthCount())
                .formula("baseline PMPM × (1 + trend)^trend years × risk factor × member-months, to the cent ("
                        + BENCHMARK_ROUNDING.description() + ")")
                .money(amount));
        return amount;
    }

    /**
     * The PMPM benchmark: {@code baselinePmpm × (1 + trend)^trendYears × riskFactor × memberMonths}, computed
     * exactly and rounded once to the cent ({@link #BENCHMARK_ROUNDING}). Public so that simulations draw the
     * same benchmark as the settlement.
     */
    public static Money pmpmBenchmark(Money baselinePmpm, BigDecimal trend, int trendYears, BigDecimal riskFactor,
                                      long memberMonths) {
        if (trendYears < 0) {
            throw new IllegalArgumentException("trendYears cannot be negative: " + trendYears);
        }
        if (memberMonths < 0) {
            throw new IllegalArgumentException("memberMonths cannot be negative: " + memberMonths);
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
                throw new IllegalArgumentException("risk adjustment needs a positive baselineRiskScore or a fixed factor");
            }
            factor = averageRiskScore.divide(adjustment.baselineRiskScore(), Rates.RATE_SCALE, RoundingMode.HALF_EVEN);
        }
        if (adjustment.cap() != null) {
            factor = Rates.clamp(factor, BigDecimal.ONE.subtract(adjustment.cap()), BigDecimal.ONE.add(adjustment.cap()));
        }
        return factor;
    }

    private static Money expenditureFor(SharedSavings terms, SettlementContext ctx, List<LineItem> lines) {
        // member|year -> paid; truncation applies per member per calendar year of service
        Map<String, Long> perMemberYear = new HashMap<>();
        long counted = 0;
        for (Claim c : ctx.claims()) {
            if (c.serviceFrom() == null || !ctx.period().contains(c.serviceFrom())) {
                continue;
            }
            if (!ctx.attribution().isAttributed(c.memberId(), YearMonth.from(c.serviceFrom()))) {
                continue;
            }
            counted++;
            perMemberYear.merge(c.memberId() + "|" + c.serviceFrom().getYear(), c.paidAmount().cents(), Math::addExact);
        }
        long paid = 0;
        long truncatedAway = 0;
        for (long v : perMemberYear.values()) {
            long kept = v;
            if (terms.truncation() != null && v > terms.truncation().cents()) {
                kept = terms.truncation().cents();
                truncatedAway = Math.addExact(truncatedAway, v - kept);
            }
            paid = Math.addExact(paid, kept);
        }
        Money paidMoney = Money.ofCents(paid);
        LineItem.Builder b = LineItem.builder("Expenditure")
                .input("claims counted", counted)
                .input("members with spend", perMemberYear.size());
        if (terms.truncation() != null) {
            b.input("truncation per member per year", terms.truncation()).input("truncated away", Money.ofCents(truncatedAway));
        }
        BigDecimal cf = ctx.completionFactor() == null ? BigDecimal.ONE : ctx.completionFactor();
        if (cf.signum() <= 0 || cf.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("completion factor must be in (0, 1], was " + cf);
        }
        Money expenditure = paidMoney;
        if (cf.compareTo(BigDecimal.ONE) != 0) {
            expenditure = COMPLETION_ROUNDING.apply(paidMoney.toDecimalCents().divide(cf, Rates.MC));
            b.input("paid", paidMoney).input("completion factor", cf.toPlainString())
                    .formula("paid amounts of claims of attributed member-months in the period"
                            + (terms.truncation() != null ? ", truncated per member per year" : "")
                            + ", ÷ completion factor (" + COMPLETION_ROUNDING.description() + ")");
        } else {
            b.formula("paid amounts of claims of attributed member-months in the period"
                    + (terms.truncation() != null ? ", truncated per member per year" : ""));
        }
        lines.add(b.money(expenditure));
        return expenditure;
    }

    // ----------------------------------------------------------------------------------------------- compute

    /** Which quality tier was met and the sharing rate it gives. */
    private record Quality(BigDecimal score, boolean standardMet, boolean alternativeMet, BigDecimal finalSharingRate) {
        boolean passing() {
            return standardMet || alternativeMet;
        }
    }

    /** The core calculation over aggregate figures (used by settle, reconcile-mssp and simulations). */
    public static ArrangementResult compute(SharedSavings terms, SharedSavingsFigures f) {
        require(terms, f);
        List<LineItem> lines = new ArrayList<>();
        Map<String, String> metrics = new LinkedHashMap<>();
        Money benchmark = f.benchmark();
        Money expenditure = f.expenditure();
        Money savings = benchmark.minus(expenditure);
        BigDecimal savingsRate = savings.ratioTo(benchmark, Rates.RATE_SCALE);

        metrics.put(METRIC_BENCHMARK, String.valueOf(benchmark.cents()));
        metrics.put(METRIC_EXPENDITURE, String.valueOf(expenditure.cents()));
        metrics.put(METRIC_SAVINGS, String.valueOf(savings.cents()));
        metrics.put(METRIC_SAVINGS_RATE, savingsRate.toPlainString());
        metrics.put(METRIC_ASSIGNED, String.valueOf(f.assignedBeneficiaries()));
        metrics.put(METRIC_MEMBER_MONTHS, String.valueOf(f.memberMonths()));

        lines.add(LineItem.builder("Savings (benchmark − expenditure)")
                .input("benchmark", benchmark)
                .input("expenditure", expenditure)
                .formula("benchmark − expenditure (negative: losses)")
                .money(savings));
        lines.add(LineItem.builder("Savings rate")
                .input("savings", savings)
                .input("benchmark", benchmark)
                .formula("savings ÷ benchmark")
                .result(Rates.percent(savingsRate)));

        BigDecimal msr = minimumRate(terms.minimumSavingsRate(), f.assignedBeneficiaries());
        metrics.put(METRIC_MSR, msr.toPlainString());
        Quality quality = quality(terms, f, lines, metrics);

        BigDecimal earnedCents;
        if (savings.isPositive()) {
            earnedCents = savingsSide(terms, f, savings, msr, quality, lines, metrics);
        } else {
            metrics.put(METRIC_MSR_MET, "false");
            metrics.put(METRIC_FINAL_SHARING_RATE, "0");
            if (savings.isNegative() && terms.downside() != null) {
                earnedCents = lossSide(terms, f, savings, quality, lines, metrics).negate();
            } else {
                lines.add(LineItem.builder("Shared losses")
                        .input("savings", savings)
                        .formula(savings.isZero() ? "no savings and no losses" : "one-sided terms: losses are not shared")
                        .money(Money.ZERO));
                earnedCents = BigDecimal.ZERO;
            }
        }
        Money amount = AMOUNT_ROUNDING.apply(earnedCents);
        metrics.put(METRIC_EARNED, String.valueOf(amount.cents()));
        lines.add(LineItem.builder(amount.isNegative() ? "Shared losses owed" : "Earned shared savings")
                .input("unrounded", plainDollars(earnedCents))
                .formula(AMOUNT_ROUNDING.description())
                .money(amount));
        return new ArrangementResult(terms.id(), TYPE, lines, amount, metrics);
    }

    private static void require(SharedSavings terms, SharedSavingsFigures f) {
        String who = "arrangement " + terms.id() + ": ";
        if (f.benchmark() == null || !f.benchmark().isPositive()) {
            throw new IllegalArgumentException(who + "benchmark must be positive, was " + f.benchmark());
        }
        if (f.expenditure() == null || f.expenditure().isNegative()) {
            throw new IllegalArgumentException(who + "expenditure must be zero or more, was " + f.expenditure());
        }
        if (f.assignedBeneficiaries() < 0) {
            throw new IllegalArgumentException(who + "assigned beneficiaries cannot be negative");
        }
        if (terms.sharingRate() == null || !Rates.between(terms.sharingRate(), BigDecimal.ZERO, BigDecimal.ONE)) {
            throw new IllegalArgumentException(who + "sharingRate must be between 0 and 1, was " + terms.sharingRate());
        }
        if (f.qualityScore() != null && !Rates.between(f.qualityScore(), BigDecimal.ZERO, BigDecimal.ONE)) {
            throw new IllegalArgumentException(who + "quality score must be between 0 and 1, was " + f.qualityScore());
        }
        if (f.disasterShare() != null && !Rates.between(f.disasterShare(), BigDecimal.ZERO, BigDecimal.ONE)) {
            throw new IllegalArgumentException(who + "disaster share must be between 0 and 1, was " + f.disasterShare());
        }
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

    private static String describe(MinimumRate rate) {
        if (rate == null) {
            return "none";
        }
        return rate instanceof MinimumRate.Fixed ? "fixed" : "CMS table by assigned beneficiaries (linear within bands)";
    }

    private static Quality quality(SharedSavings terms, SharedSavingsFigures f, List<LineItem> lines, Map<String, String> metrics) {
        SharedSavings.QualityRule rule = terms.quality();
        BigDecimal score = f.qualityScore();
        boolean standardMet;
        boolean alternativeMet;
        String how;
        if (rule == null) {
            standardMet = true;
            alternativeMet = false;
            how = "no quality gate in the terms: full sharing rate";
        } else {
            if (f.qualityStandardMet() != null) {
                standardMet = f.qualityStandardMet();
            } else {
                standardMet = rule.standard() != null && score != null && score.compareTo(rule.standard()) >= 0;
            }
            if (standardMet) {
                alternativeMet = false;
            } else if (f.alternativeStandardMet() != null) {
                alternativeMet = f.alternativeStandardMet();
            } else {
                alternativeMet = rule.alternative() != null && score != null && score.compareTo(rule.alternative()) >= 0;
            }
            how = standardMet ? "quality performance standard met: full sharing rate"
                    : alternativeMet ? "only the alternative (scaled) standard met: sharing rate × quality score"
                    : "no quality standard met: no shared savings";
        }
        BigDecimal fsr;
        if (standardMet) {
            fsr = terms.sharingRate();
        } else if (alternativeMet) {
            fsr = score == null ? BigDecimal.ZERO : terms.sharingRate().multiply(score, Rates.MC);
        } else {
            fsr = BigDecimal.ZERO;
        }
        LineItem.Builder b = LineItem.builder("Final sharing rate")
                .input("maximum sharing rate", Rates.percent(terms.sharingRate()))
                .input("quality score", score == null ? "none" : score.toPlainString())
                .input("standard met", rule == null ? "n/a" : (f.qualityStandardMet() != null ? standardMet + " (reported)" : String.valueOf(standardMet)));
        if (rule != null && !standardMet) {
            b.input("alternative met", f.alternativeStandardMet() != null ? alternativeMet + " (reported)" : String.valueOf(alternativeMet));
        }
        lines.add(b.formula(how).result(Rates.percent(fsr)));
        metrics.put(METRIC_QUALITY_SCORE, score == null ? "" : score.toPlainString());
        metrics.put(METRIC_QUALITY_STANDARD_MET, String.valueOf(standardMet));
        metrics.put(METRIC_ALTERNATIVE_MET, String.valueOf(alternativeMet));
        return new Quality(score, standardMet, alternativeMet, fsr);
    }

    /** @return earned savings in exact cents (not yet rounded) */
    private static BigDecimal savingsSide(SharedSavings terms, SharedSavingsFigures f, Money savings, BigDecimal msr,
                                          Quality quality, List<LineItem> lines, Map<String, String> metrics) {
        Money benchmark = f.benchmark();
        // compare savings ≥ MSR × benchmark exactly: no rounding of the rate decides eligibility
        boolean msrMet = savings.toDecimalCents().compareTo(msr.multiply(benchmark.toDecimalCents())) >= 0;
        metrics.put(METRIC_MSR_MET, String.valueOf(msrMet));
        lines.add(LineItem.builder("Minimum savings rate")
                .input("method", describe(terms.minimumSavingsRate()))
                .input("assigned beneficiaries", f.assignedBeneficiaries())
                .input("savings rate", Rates.percent(savings.ratioTo(benchmark, Rates.RATE_SCALE)))
                .formula("savings count when savings rate ≥ MSR; then shared from the first dollar")
                .result(Rates.percent(msr) + (msrMet ? " (met)" : " (not met)")));

        BigDecimal fsr = quality.finalSharingRate();
        BigDecimal cap = terms.savingsCap();
        boolean reduced = false;
        if (!msrMet) {
            if (reducedSharingApplies(terms, f, quality)) {
                BigDecimal factor = reducedFactor(terms.lowRevenueReducedSharing());
                reduced = true;
                fsr = fsr.multiply(factor, Rates.MC);
                cap = cap == null ? null : cap.multiply(factor, Rates.MC);
                lines.add(LineItem.builder("Low-revenue BASIC ACO below the MSR (42 CFR 425.605(h))")
                        .input("low revenue", true)
                        .input("assigned beneficiaries", f.assignedBeneficiaries())
                        .input("minimum assigned", minimumAssigned(terms.lowRevenueReducedSharing()))
                        .input("agreement start", terms.lowRevenueReducedSharing().agreementStart())
                        .input("factor", factor.toPlainString())
                        .formula("savings shared from the first dollar at the factor × the final sharing rate, capped at the factor × the cap")
                        .result(Rates.percent(fsr)));
            } else {
                metrics.put(METRIC_FINAL_SHARING_RATE, "0");
                metrics.put(METRIC_REDUCED_SHARING, "false");
                lines.add(LineItem.builder("Shared savings")
                        .input("savings", savings)
                        .formula("savings rate below the MSR: nothing is shared")
                        .money(Money.ZERO));
                return BigDecimal.ZERO;
            }
        }
        metrics.put(METRIC_REDUCED_SHARING, String.valueOf(reduced));
        metrics.put(METRIC_FINAL_SHARING_RATE, fsr.toPlainString());
        BigDecimal shared = savings.toDecimalCents().multiply(fsr);
        lines.add(LineItem.builder("Shared savings before sequestration")
                .input("savings", savings)
                .input("final sharing rate", Rates.percent(fsr))
                .formula("savings × final sharing rate")
                .result(plainDollars(shared)));
        BigDecimal seq = terms.sequestration() == null ? BigDecimal.ZERO : terms.sequestration();
        BigDecimal afterSeq = shared.multiply(BigDecimal.ONE.subtract(seq));
        if (seq.signum() != 0) {
            lines.add(LineItem.builder("Sequestration")
                    .input("shared savings", plainDollars(shared))
                    .input("sequestration", Rates.percent(seq))
                    .formula("shared savings × (1 − sequestration)")
                    .result(plainDollars(afterSeq)));
        }
        BigDecimal earned = afterSeq;
        boolean capped = false;
        if (cap != null) {
            BigDecimal limit = benchmark.toDecimalCents().multiply(cap);
            capped = afterSeq.compareTo(limit) > 0;
            earned = capped ? limit : afterSeq;
            lines.add(LineItem.builder("Performance payment limit")
                    .input("benchmark", benchmark)
                    .input("cap", Rates.percent(cap))
                    .input("limit", plainDollars(limit))
                    .formula("min(shared savings after sequestration, cap × benchmark)")
                    .result(plainDollars(earned) + (capped ? " (capped)" : "")));
        }
        metrics.put(METRIC_CAP_APPLIED, String.valueOf(capped));
        return earned;
    }

    private static boolean reducedSharingApplies(SharedSavings terms, SharedSavingsFigures f, Quality quality) {
        SharedSavings.LowRevenueReducedSharing rule = terms.lowRevenueReducedSharing();
        if (rule == null || !f.lowRevenue()) {
            return false;
        }
        if (rule.agreementStart() != null && rule.agreementStart().isBefore(REDUCED_SHARING_FROM)) {
            return false;
        }
        if (f.assignedBeneficiaries() < minimumAssigned(rule)) {
            return false;
        }
        return quality.passing() && quality.finalSharingRate().signum() > 0;
    }

    private static int minimumAssigned(SharedSavings.LowRevenueReducedSharing rule) {
        return rule.minimumAssigned() == null ? REDUCED_SHARING_MIN_ASSIGNED : rule.minimumAssigned();
    }

    private static BigDecimal reducedFactor(SharedSavings.LowRevenueReducedSharing rule) {
        return rule.sharingRateFactor() == null ? new BigDecimal("0.5") : rule.sharingRateFactor();
    }

    /** @return shared losses owed in exact cents, positive (not yet rounded) */
    private static BigDecimal lossSide(SharedSavings terms, SharedSavingsFigures f, Money savings, Quality quality,
                                       List<LineItem> lines, Map<String, String> metrics) {
        SharedSavings.Downside down = terms.downside();
        Money benchmark = f.benchmark();
        Money losses = savings.negate();
        BigDecimal mlr = minimumRate(down.minimumLossRate(), f.assignedBeneficiaries());
        boolean mlrMet = losses.toDecimalCents().compareTo(mlr.multiply(benchmark.toDecimalCents())) >= 0;
        metrics.put(METRIC_MLR, mlr.toPlainString());
        metrics.put(METRIC_MLR_MET, String.valueOf(mlrMet));
        lines.add(LineItem.builder("Minimum loss rate")
                .input("method", describe(down.minimumLossRate()))
                .input("losses", losses)
                .input("loss rate of benchmark", Rates.percent(losses.ratioTo(benchmark, Rates.RATE_SCALE)))
                .formula("losses count when losses ÷ benchmark ≥ MLR; then shared from the first dollar")
                .result(Rates.percent(mlr) + (mlrMet ? " (met)" : " (not met)")));
        if (!mlrMet) {
            lines.add(LineItem.builder("Shared losses")
                    .input("losses", losses)
                    .formula("losses below the MLR: nothing is owed")
                    .money(Money.ZERO));
            return BigDecimal.ZERO;
        }

        BigDecimal lossRate;
        String how;
        if (down.lossRate() instanceof SharedSavings.LossRate.Fixed fixed) {
            lossRate = fixed.rate();
            how = "fixed shared loss rate";
        } else if (down.lossRate() instanceof SharedSavings.LossRate.QualityScaled qs) {
            if (quality.passing() && quality.score() != null) {
                lossRate = Rates.clamp(BigDecimal.ONE.subtract(qs.k().multiply(quality.score(), Rates.MC)), qs.floor(), qs.ceiling());
                how = "1 − " + qs.k().toPlainString() + " × quality score, within " + Rates.percent(qs.floor())
                        + "–" + Rates.percent(qs.ceiling());
            } else {
                lossRate = qs.ceiling();
                how = "quality standard not met (or no score): the ceiling";
            }
        } else {
            throw new IllegalArgumentException("arrangement " + terms.id() + ": downside.lossRate is missing");
        }
        metrics.put(METRIC_LOSS_RATE, lossRate.toPlainString());
        BigDecimal shared = losses.toDecimalCents().multiply(lossRate);
        lines.add(LineItem.builder("Shared losses before the loss limit")
                .input("losses", losses)
                .input("shared loss rate", Rates.percent(lossRate))
                .formula(how + "; losses × shared loss rate")
                .result(plainDollars(shared)));

        BigDecimal owed = shared;
        SharedSavings.LossLimit ll = down.lossLimit();
        if (ll != null) {
            BigDecimal limit = null;
            String formula;
            BigDecimal benchmarkLimit = ll.percentOfBenchmark() == null ? null
                    : benchmark.toDecimalCents().multiply(ll.percentOfBenchmark());
            if (ll.percentOfRevenue() != null && f.participantRevenue() != null) {
                limit = f.participantRevenue().toDecimalCents().multiply(ll.percentOfRevenue());
                formula = Rates.percent(ll.percentOfRevenue()) + " of participant revenue";
                if (benchmarkLimit != null && benchmarkLimit.compareTo(limit) < 0) {
                    limit = benchmarkLimit;
                }
                if (benchmarkLimit != null) {
                    formula += ", capped at " + Rates.percent(ll.percentOfBenchmark()) + " of the benchmark";
                }
            } else if (ll.percentOfRevenue() != null) {
                limit = benchmarkLimit;
                formula = "participant revenue not reported: " + (benchmarkLimit == null ? "no limit"
                        : Rates.percent(ll.percentOfBenchmark()) + " of the benchmark (the cap on the revenue-based limit)");
            } else {
                formula = benchmarkLimit == null ? "no limit" : Rates.percent(ll.percentOfBenchmark()) + " of the benchmark";
                limit = benchmarkLimit;
            }
            if (limit != null) {
                owed = shared.min(limit);
                metrics.put(METRIC_LOSS_LIMIT, limit.setScale(0, RoundingMode.HALF_UP).toPlainString());
            }
            LineItem.Builder b = LineItem.builder("Loss limit")
                    .input("shared losses", plainDollars(shared));
            if (f.participantRevenue() != null) {
                b.input("participant revenue", f.participantRevenue());
            }
            lines.add(b.input("limit", limit == null ? "none" : plainDollars(limit))
                    .formula("min(shared losses, limit); limit = " + formula)
                    .result(plainDollars(owed)));
        }
        metrics.put(METRIC_LOSS_BEFORE_DISASTER, owed.setScale(0, RoundingMode.HALF_UP).toPlainString());

        BigDecimal share = f.disasterShare() == null ? BigDecimal.ZERO : f.disasterShare();
        if (Boolean.TRUE.equals(down.disasterAdjustment()) && share.signum() > 0) {
            BigDecimal reduction = owed.multiply(share);
            lines.add(LineItem.builder("Extreme and uncontrollable circumstances")
                    .input("shared losses", plainDollars(owed))
                    .input("affected share", share.toPlainString())
                    .formula("shared losses reduced by shared losses × (share of the year affected × share of beneficiaries in affected areas)")
                    .result(plainDollars(owed.subtract(reduction))));
            owed = owed.subtract(reduction);
            metrics.put(METRIC_DISASTER_ADJUSTMENT, reduction.setScale(0, RoundingMode.HALF_UP).toPlainString());
        }
        return owed;
    }

    /** Exact cents shown as dollars to the cent, for line items of intermediate (unrounded) figures. */
    private static String plainDollars(BigDecimal cents) {
        BigDecimal dollars = cents.movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
        String body = String.format("$%,.2f", dollars.abs());
        return dollars.signum() < 0 ? "-" + body : body;
    }
}
