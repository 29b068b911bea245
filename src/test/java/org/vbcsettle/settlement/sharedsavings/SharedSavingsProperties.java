package org.vbcsettle.settlement.sharedsavings;


import org.vbcsettle.contract.mssp.MsspProgramYear;
import org.vbcsettle.contract.mssp.MsspTerms;
import org.vbcsettle.contract.mssp.MsspTrack;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rounding;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the calculator over every MSSP track, year and quality outcome, and over commercial terms. */
class SharedSavingsProperties {

    /** One case: terms and figures whose expenditure can be varied. */
    record Case(SharedSavings terms, SharedSavingsFigures figures) {
        SharedSavingsFigures withExpenditure(Money e) {
            SharedSavingsFigures f = figures;
            return new SharedSavingsFigures(f.benchmark(), e, f.assignedBeneficiaries(), f.memberMonths(), f.qualityScore(),
                    f.qualityStandardMet(), f.alternativeStandardMet(), f.participantRevenue(), f.disasterShare(), f.lowRevenue());
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Long> benchmarkCents = Arbitraries.longs().between(100_000_00L, 2_000_000_000_00L);
        Arbitrary<BigDecimal> ratio = Arbitraries.bigDecimals().between(new BigDecimal("0.5"), new BigDecimal("1.5")).ofScale(6);
        Arbitrary<BigDecimal> unit = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(4);
        Arbitrary<SharedSavings> terms = Arbitraries.oneOf(msspTerms(), commercialTerms());
        Arbitrary<SharedSavingsFigures> figures = Combinators.combine(benchmarkCents, ratio, Arbitraries.longs().between(0, 120_000),
                unit.injectNull(0.1), Arbitraries.of(true, false).injectNull(0.3), Arbitraries.of(true, false).injectNull(0.3),
                Arbitraries.bigDecimals().between(new BigDecimal("0.05"), new BigDecimal("2")).ofScale(3).injectNull(0.4),
                unit.injectNull(0.5)).as((b, r, n, q, std, alt, rev, dis) -> new SharedSavingsFigures(Money.ofCents(b),
                Money.ofCents(new BigDecimal(b).multiply(r).longValue()), n, 0, q, std, alt,
                rev == null ? null : Money.ofCents(new BigDecimal(b).multiply(rev).longValue()), dis, n % 2 == 0));
        return Combinators.combine(terms, figures).as(Case::new);
    }

    Arbitrary<SharedSavings> msspTerms() {
        return Combinators.combine(Arbitraries.of(MsspTrack.values()), Arbitraries.of(2014, 2018, 2020, 2022, 2024, 2026),
                Arbitraries.of(new MinimumRate.CmsTable(), new MinimumRate.Fixed(BigDecimal.ZERO), new MinimumRate.Fixed(new BigDecimal("0.02"))),
                Arbitraries.of(LocalDate.of(2012, 4, 1), LocalDate.of(2019, 7, 1), LocalDate.of(2024, 1, 1)))
                .as((track, year, msr, start) -> MsspTerms.of("p", year, track, msr, start, Money.ofDollars(1)));
    }

    Arbitrary<SharedSavings> commercialTerms() {
        Arbitrary<BigDecimal> rate = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(3);
        Arbitrary<BigDecimal> small = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.3")).ofScale(3);
        Arbitrary<SharedSavings.Downside> downside = Combinators.combine(small, rate, small.injectNull(0.3), small.injectNull(0.3))
                .as((mlr, lr, pctRev, pctB) -> new SharedSavings.Downside(new MinimumRate.Fixed(mlr), new SharedSavings.LossRate.Fixed(lr),
                        new SharedSavings.LossLimit(pctRev, pctB), Boolean.TRUE))
                .injectNull(0.3);
        return Combinators.combine(small, rate, small.injectNull(0.2), small, downside, Arbitraries.of(true, false))
                .as((msr, share, cap, seq, down, reduced) -> new SharedSavings("c", null, new MinimumRate.Fixed(msr), share,
                        new SharedSavings.QualityRule(null, new BigDecimal("0.8"), new BigDecimal("0.5")), cap, seq, null, down,
                        reduced ? new SharedSavings.LowRevenueReducedSharing(LocalDate.of(2024, 1, 1), 5_000, new BigDecimal("0.5")) : null));
    }

    @Property(tries = 1500)
    void earnedSavingsNeverExceedTheCap(@ForAll("cases") Case c) {
        Money amount = SharedSavingsCalculator.compute(c.terms(), c.figures()).orElseThrow().earned();
        if (c.terms().savingsCap() != null && amount.isPositive()) {
            Money cap = Rounding.CMS_WHOLE_DOLLAR.apply(c.figures().benchmark().toDecimalCents().multiply(c.terms().savingsCap()));
            assertThat(amount).isLessThanOrEqualTo(cap);
        }
        // and never more than the savings themselves
        Money savings = c.figures().benchmark().minus(c.figures().expenditure());
        assertThat(amount).isLessThanOrEqualTo(Money.max(Rounding.CMS_WHOLE_DOLLAR.apply(savings.toDecimalCents()), Money.ZERO));
    }

    @Property(tries = 1500)
    void moreSpendingNeverPaysMore(@ForAll("cases") Case c, @ForAll @LongRange(min = 0, max = 50_000_000_00L) long extraCents) {
        Money less = SharedSavingsCalculator.compute(c.terms(), c.figures()).orElseThrow().earned();
        Money more = SharedSavingsCalculator.compute(c.terms(),
                c.withExpenditure(c.figures().expenditure().plus(Money.ofCents(extraCents)))).orElseThrow().earned();
        assertThat(more).isLessThanOrEqualTo(less);
    }

    @Property(tries = 1500)
    void lossesNeverExceedTheLossLimit(@ForAll("cases") Case c) {
        Money amount = SharedSavingsCalculator.compute(c.terms(), c.figures()).orElseThrow().earned();
        if (!amount.isNegative()) {
            return;
        }
        assertThat(c.terms().downside()).as("only two-sided terms owe losses").isNotNull();
        SharedSavings.LossLimit ll = c.terms().downside().lossLimit();
        BigDecimal losses = c.figures().expenditure().minus(c.figures().benchmark()).toDecimalCents();
        BigDecimal limit = losses; // never more than the losses
        if (ll != null) {
            if (ll.percentOfBenchmark() != null) {
                limit = limit.min(c.figures().benchmark().toDecimalCents().multiply(ll.percentOfBenchmark()));
            }
            if (ll.percentOfRevenue() != null && c.figures().participantRevenue() != null) {
                limit = limit.min(c.figures().participantRevenue().toDecimalCents().multiply(ll.percentOfRevenue()));
            }
        }
        assertThat(amount.negate()).isLessThanOrEqualTo(Rounding.CMS_WHOLE_DOLLAR.apply(limit));
    }
}
