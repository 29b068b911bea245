package org.vbcsettle.settlement.sharedsavings;

import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rates;
import org.vbcsettle.money.Rounding;
import org.vbcsettle.settlement.AttributionResolution;
import org.vbcsettle.settlement.CannotSettle;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.Completion;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.SettlementContext;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * Derives the {@link SharedSavingsFigures} of a settlement from claims and attribution:
 * <ul>
 * <li>benchmark: the reported override, the total of the terms, or the PMPM benchmark over the attributed
 * member-months ({@link SharedSavingsCalculator#pmpmBenchmark});</li>
 * <li>expenditure: paid amounts of effective claims whose service started in the period in a month the member
 * was attributed, truncated per member per calendar year at {@code truncation}, divided by the completion
 * factor;</li>
 * <li>assigned beneficiaries: reported, else the distinct attributed members;</li>
 * <li>quality score: reported, else the composite of the quality rule's source arrangement; the standards
 * met: reported, else decided by the calculator from the score.</li>
 * </ul>
 */
final class SharedSavingsDerivation {

    record Derived(SharedSavingsFigures figures, SharedSavingsBasis basis) {
    }

    private SharedSavingsDerivation() {
    }

    static Derived of(SharedSavings terms, SettlementContext ctx, Map<String, BigDecimal> composites) {
        ReportedFacts reported = ctx.reported() == null ? ReportedFacts.NONE : ctx.reported();
        AttributionResolution.Result attribution = ctx.attribution();
        SharedSavingsBasis.BenchmarkBasis benchmark = benchmark(terms, reported, ctx);
        SharedSavingsBasis.ExpenditureBasis expenditure = expenditure(terms, ctx);
        boolean assignedReported = reported.assignedBeneficiaries() != null;
        long assigned = assignedReported ? reported.assignedBeneficiaries() : attribution.members().size();
        BigDecimal qualityScore = reported.qualityScore();
        String qualitySource = "reported";
        if (qualityScore == null && terms.quality() != null && terms.quality().sourceArrangement() != null && composites != null) {
            qualityScore = composites.get(terms.quality().sourceArrangement());
            qualitySource = "composite of " + terms.quality().sourceArrangement();
        }
        SharedSavingsFigures figures = new SharedSavingsFigures(benchmark.amount(), expenditure.expenditure(), assigned,
                attribution.memberMonthCount(), qualityScore, reported.qualityStandardMet(), reported.alternativeStandardMet(),
                reported.participantRevenue(), reported.disasterShare(), Boolean.TRUE.equals(reported.lowRevenue()));
        return new Derived(figures, new SharedSavingsBasis(benchmark, expenditure, assignedReported,
                terms.quality() == null ? null : qualitySource));
    }

    private static SharedSavingsBasis.BenchmarkBasis benchmark(SharedSavings terms, ReportedFacts reported, SettlementContext ctx) {
        long memberMonths = ctx.attribution().memberMonthCount();
        if (reported.benchmarkOverride() != null) {
            return fixed(SharedSavingsBasis.BenchmarkSource.REPORTED, reported.benchmarkOverride(), null, 0, 0, memberMonths);
        }
        SharedSavings.Benchmark b = terms.benchmark();
        if (b == null) {
            throw new CannotSettle("arrangement " + terms.id() + ": field benchmark is missing and no benchmark was reported");
        }
        if (b instanceof SharedSavings.Benchmark.Total total) {
            long periodMonths = ctx.period().months().size();
            long yearMonths = ctx.contract() == null ? periodMonths : ctx.contract().performancePeriod().months().size();
            if (periodMonths >= yearMonths) {
                return fixed(SharedSavingsBasis.BenchmarkSource.CONTRACT_TOTAL, total.amount(), null, periodMonths, yearMonths, memberMonths);
            }
            // An interim (year-to-date) settlement compares part of a year's spend with the same part of the
            // year's benchmark; otherwise a quarter's spend would be measured against a whole year's benchmark.
            Money prorated = total.amount().times(Rates.ratio(periodMonths, yearMonths), Rounding.NEAREST_CENT);
            return fixed(SharedSavingsBasis.BenchmarkSource.PRORATED_TOTAL, prorated, total.amount(), periodMonths, yearMonths,
                    memberMonths);
        }
        SharedSavings.Benchmark.Pmpm pmpm = (SharedSavings.Benchmark.Pmpm) b;
        BigDecimal average = ctx.attribution().averageRiskScore();
        BigDecimal riskFactor = SharedSavingsCalculator.riskFactor(pmpm.riskAdjustment(), average);
        int years = pmpm.trendYears() == null ? 0 : pmpm.trendYears();
        BigDecimal trend = pmpm.trend() == null ? BigDecimal.ZERO : pmpm.trend();
        Money amount = SharedSavingsCalculator.pmpmBenchmark(pmpm.baselinePmpm(), trend, years, riskFactor, memberMonths);
        return new SharedSavingsBasis.BenchmarkBasis(SharedSavingsBasis.BenchmarkSource.PMPM, amount, null, 0, 0,
                pmpm.baselinePmpm(), trend, years, riskFactor, average, memberMonths);
    }

    private static SharedSavingsBasis.BenchmarkBasis fixed(SharedSavingsBasis.BenchmarkSource source, Money amount, Money annual,
                                                           long periodMonths, long yearMonths, long memberMonths) {
        return new SharedSavingsBasis.BenchmarkBasis(source, amount, annual, periodMonths, yearMonths, null, null, 0, null, null,
                memberMonths);
    }

    private static SharedSavingsBasis.ExpenditureBasis expenditure(SharedSavings terms, SettlementContext ctx) {
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
        BigDecimal cf = Completion.factor("arrangement " + terms.id(), ctx.completionFactor());
        Money expenditure = Completion.applies(cf)
                ? SharedSavingsCalculator.COMPLETION_ROUNDING.apply(paidMoney.toDecimalCents().divide(cf, Rates.MC))
                : paidMoney;
        return new SharedSavingsBasis.ExpenditureBasis(counted, perMemberYear.size(), terms.truncation(),
                Money.ofCents(truncatedAway), paidMoney, cf, expenditure);
    }
}
