package org.vbcsettle.settlement.sharedsavings;

import org.vbcsettle.contract.mssp.MsspProgramYear;
import org.vbcsettle.contract.mssp.MsspTerms;
import org.vbcsettle.contract.mssp.MsspTrack;
import org.vbcsettle.settlement.ArrangementResult;
import org.vbcsettle.settlement.LineItem;
import org.vbcsettle.settlement.SettlementOutcome;
import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Worked examples; every expected figure is computed by hand in the comments. */
class SharedSavingsCalculatorTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** The settlement with its line items; a refusal fails the test with its reason. */
    static ArrangementResult computed(SharedSavings terms, SharedSavingsFigures f) {
        return SharedSavingsCalculator.computeWithLineItems(terms, f).orElseThrow();
    }

    static SharedSavingsResult figuresOf(ArrangementResult r) {
        return r.figuresAs(SharedSavingsResult.class);
    }

    static Money dollars(long d) {
        return Money.ofDollars(d);
    }

    /** Upside-only terms: fixed MSR, a quality rule with thresholds, 2% sequestration. */
    static SharedSavings upside(String msr, String rate, String cap) {
        return new SharedSavings("ss", new SharedSavings.Benchmark.Total(dollars(10_000_000)), new MinimumRate.Fixed(d(msr)),
                d(rate), new SharedSavings.QualityRule(null, d("0.80"), d("0.60")), d(cap), d("0.02"), null, null, null);
    }

    static SharedSavingsFigures figures(long benchmark, long expenditure, BigDecimal score) {
        return new SharedSavingsFigures(dollars(benchmark), dollars(expenditure), 10_000, 120_000, score, null, null, null, null, false);
    }

    @Test
    void msspTrack1RowOfPy2014ReproducesCms() {
        // ACO A67373, PY2014 PUF: N_AB 34,601; ABtotBnchmk 450,902,466; ABtotExp 418,729,017; QualScore 0.916964286.
        // savings = 450,902,466 − 418,729,017 = 32,173,449 (7.135%)
        // MSR (table, 20,000–49,999 band) = 2.5% − (34,601 − 20,000) / 29,999 × 0.3% = 2.353985% (PUF: 2.353985133) → met
        // final sharing rate = 50% × 0.916964286 = 0.458482143
        // shared = 32,173,449 × 0.458482143 = 14,750,951.85; × 0.98 = 14,455,932.81; cap 10% = 45,090,246.60
        // → $14,455,933, the published EarnSaveLoss.
        SharedSavings terms = MsspTerms.of("A67373", 2014, MsspTrack.TRACK_1, new MinimumRate.CmsTable(), LocalDate.of(2012, 7, 1),
                dollars(450_902_466));
        SharedSavingsFigures f = new SharedSavingsFigures(dollars(450_902_466), dollars(418_729_017), 34_601, 0,
                d("0.916964286"), false, true, null, null, false);
        ArrangementResult r = computed(terms, f);
        assertThat(r.amount()).isEqualTo(dollars(14_455_933));
        SharedSavingsResult figures = figuresOf(r);
        assertThat(figures.savings()).isEqualTo(Money.ofCents(3_217_344_900L));
        assertThat(figures.msrMet()).isTrue();
        assertThat(figures.minimumSavingsRate()).isBetween(d("0.023539851"), d("0.023539852"));
        assertThat(figures.finalSharingRate()).isEqualByComparingTo("0.458482143");
        assertThat(figures.earned()).isEqualTo(Money.ofCents(1_445_593_300L));
        assertThat(r.lineItems()).extracting(LineItem::label).contains("Savings (benchmark − expenditure)", "Minimum savings rate",
                "Final sharing rate", "Sequestration", "Performance payment limit", "Earned shared savings");
    }

    @Test
    void standardMetSharesTheFullRateLessSequestration() {
        // savings = 10,000,000 − 9,000,000 = 1,000,000 (10% ≥ MSR 2%); score 0.85 ≥ standard 0.80 → 50%
        // 1,000,000 × 50% = 500,000; × (1 − 2%) = 490,000; cap 10% × 10,000,000 = 1,000,000 not reached
        ArrangementResult r = computed(upside("0.02", "0.50", "0.10"), figures(10_000_000, 9_000_000, d("0.85")));
        assertThat(r.amount()).isEqualTo(dollars(490_000));
        assertThat(figuresOf(r).quality().standardMet()).isTrue();
        assertThat(figuresOf(r).savingsCapApplied()).isFalse();
    }

    @Test
    void capIsAppliedAfterSequestration() {
        // savings 3,000,000 × 75% = 2,250,000; × 0.98 = 2,205,000 > cap 20% × 10,000,000 = 2,000,000 → 2,000,000
        // (CMS pays exactly the limit: e.g. PY2016 ACO A00755 received 10% × 119,762,995 = 11,976,300)
        ArrangementResult r = computed(upside("0.02", "0.75", "0.20"), figures(10_000_000, 7_000_000, d("0.90")));
        assertThat(r.amount()).isEqualTo(dollars(2_000_000));
        assertThat(figuresOf(r).savingsCapApplied()).isTrue();
    }

    @Test
    void belowTheMsrNothingIsShared() {
        // savings 150,000 = 1.5% < MSR 2% → 0
        ArrangementResult r = computed(upside("0.02", "0.50", "0.10"), figures(10_000_000, 9_850_000, d("0.95")));
        assertThat(r.amount()).isEqualTo(Money.ZERO);
        assertThat(figuresOf(r).msrMet()).isFalse();
        assertThat(figuresOf(r).earned()).isEqualTo(Money.ZERO);
        // exactly at the MSR counts: savings 200,000 = 2.0% → 200,000 × 50% × 0.98 = 98,000
        assertThat(computed(upside("0.02", "0.50", "0.10"), figures(10_000_000, 9_800_000, d("0.95"))).amount())
                .isEqualTo(dollars(98_000));
    }

    @Test
    void onlyTheAlternativeStandardScalesTheRateByTheScore() {
        // score 0.70: below the standard 0.80, at or above the alternative 0.60 → 40% × 0.70 = 28%
        // 1,000,000 × 28% = 280,000 × 0.98 = 274,400
        ArrangementResult r = computed(upside("0.02", "0.40", "0.10"), figures(10_000_000, 9_000_000, d("0.70")));
        assertThat(r.amount()).isEqualTo(dollars(274_400));
        assertThat(figuresOf(r).quality().alternativeMet()).isTrue();
        // score 0.50: neither → nothing
        assertThat(computed(upside("0.02", "0.40", "0.10"), figures(10_000_000, 9_000_000, d("0.50"))).amount())
                .isEqualTo(Money.ZERO);
    }

    @Test
    void amountIsRoundedToWholeDollarsHalfAwayFromZero() {
        // no sequestration, MSR 0: savings 1,001 × 50% = 500.50 → $501; losses 1,001 × 50% = 500.50 → −$501
        SharedSavings terms = new SharedSavings("ss", null, new MinimumRate.Fixed(BigDecimal.ZERO), d("0.5"), null, null, null, null,
                new SharedSavings.Downside(new MinimumRate.Fixed(BigDecimal.ZERO), new SharedSavings.LossRate.Fixed(d("0.5")), null, false),
                null);
        assertThat(computed(terms, figures(100_000, 98_999, null)).amount()).isEqualTo(dollars(501));
        assertThat(computed(terms, figures(100_000, 101_001, null)).amount()).isEqualTo(dollars(-501));
    }

    static SharedSavings basic(MsspTrack track, LocalDate start) {
        return MsspTerms.of("aco", 2024, track, new MinimumRate.Fixed(d("0.02")), start, dollars(10_000_000));
    }

    static SharedSavingsFigures msspFigures(long expenditure, long assigned, BigDecimal score, boolean standard, boolean alternative,
                                            Money revenue, BigDecimal disaster, boolean lowRevenue) {
        return new SharedSavingsFigures(dollars(10_000_000), dollars(expenditure), assigned, 0, score, standard, alternative, revenue,
                disaster, lowRevenue);
    }

    @Test
    void basicLevelELossesUseThirtyPercentAndTheRevenueLimit() {
        // losses 500,000 (5% ≥ MLR 2%) × 30% = 150,000
        // limit = min(8% × revenue, 4% × 10,000,000 = 400,000)
        //   revenue 2,000,000 → 160,000 → owes 150,000
        //   revenue 1,000,000 → 80,000 → owes 80,000
        //   revenue unknown → the benchmark cap 400,000 → owes 150,000
        SharedSavings e = basic(MsspTrack.BASIC_E, LocalDate.of(2022, 1, 1));
        assertThat(computed(e, msspFigures(10_500_000, 9_000, d("0.8"), true, false, dollars(2_000_000), null, false))
                .amount()).isEqualTo(dollars(-150_000));
        ArrangementResult limited = computed(e,
                msspFigures(10_500_000, 9_000, d("0.8"), true, false, dollars(1_000_000), null, false));
        assertThat(limited.amount()).isEqualTo(dollars(-80_000));
        assertThat(figuresOf(limited).loss().lossRate()).isEqualByComparingTo("0.30");
        assertThat(figuresOf(limited).lossLimit()).isEqualTo(Money.ofCents(8_000_000));
        assertThat(computed(e, msspFigures(10_500_000, 9_000, d("0.8"), true, false, null, null, false)).amount())
                .isEqualTo(dollars(-150_000));
        // losses 150,000 = 1.5% < MLR 2% → nothing owed
        assertThat(computed(e, msspFigures(10_150_000, 9_000, d("0.8"), true, false, null, null, false)).amount())
                .isEqualTo(Money.ZERO);
    }

    @Test
    void disasterShareReducesLossesAfterTheLimit() {
        // Level E, revenue 1,000,000: owed 80,000 after the limit; 25% of the year × 100% of members affected
        // → 80,000 × (1 − 0.25) = 60,000
        SharedSavings e = basic(MsspTrack.BASIC_E, LocalDate.of(2022, 1, 1));
        ArrangementResult r = computed(e,
                msspFigures(10_500_000, 9_000, d("0.8"), true, false, dollars(1_000_000), d("0.25"), false));
        assertThat(r.amount()).isEqualTo(dollars(-60_000));
        assertThat(figuresOf(r).owedBeforeDisaster()).isEqualTo(Money.ofCents(8_000_000));
        assertThat(figuresOf(r).loss().disasterReductionCents()).isEqualByComparingTo("2000000");
    }

    @Test
    void enhancedLossRateFollowsTheQualityScoreWithinItsBounds() {
        // losses 1,000,000 (10% ≥ MLR 2%)
        //   standard met, score 0.60: 1 − 0.75 × 0.60 = 0.55 → 550,000
        //   score 0.20: 1 − 0.15 = 0.85 → ceiling 0.75 → 750,000
        //   score 1.00: 1 − 0.75 = 0.25 → floor 0.40 → 400,000
        //   quality standard not met: ceiling 0.75 → 750,000
        // limit 15% × 10,000,000 = 1,500,000 not reached; losses 3,000,000 × 0.75 = 2,250,000 → limit 1,500,000
        SharedSavings en = basic(MsspTrack.ENHANCED, LocalDate.of(2022, 1, 1));
        assertThat(computed(en, msspFigures(11_000_000, 9_000, d("0.60"), true, false, null, null, false)).amount())
                .isEqualTo(dollars(-550_000));
        assertThat(computed(en, msspFigures(11_000_000, 9_000, d("0.20"), true, false, null, null, false)).amount())
                .isEqualTo(dollars(-750_000));
        assertThat(computed(en, msspFigures(11_000_000, 9_000, d("1.00"), true, false, null, null, false)).amount())
                .isEqualTo(dollars(-400_000));
        assertThat(computed(en, msspFigures(11_000_000, 9_000, d("0.90"), false, false, null, null, false)).amount())
                .isEqualTo(dollars(-750_000));
        assertThat(computed(en, msspFigures(13_000_000, 9_000, d("0.10"), false, false, null, null, false)).amount())
                .isEqualTo(dollars(-1_500_000));
    }

    @Test
    void lowRevenueBasicAcoBelowTheMsrSharesAtHalfTheRate() {
        // 42 CFR 425.605(h): Level B, agreement from 2024-01-01, low revenue, 6,000 assigned, standard met.
        // savings 200,000 = 2% < MSR (table, 6,000 → 3.6%) → reduced sharing: 40% × 1/2 = 20%
        // 200,000 × 20% = 40,000 × 0.98 = 39,200; cap 10% × 10,000,000 = 1,000,000 (425.605(h)(2): unchanged) not reached
        SharedSavings b = MsspTerms.of("aco", 2024, MsspTrack.BASIC_B, new MinimumRate.CmsTable(), LocalDate.of(2024, 1, 1),
                dollars(10_000_000));
        ArrangementResult r = computed(b, msspFigures(9_800_000, 6_000, d("0.8"), true, false, null, null, true));
        assertThat(r.amount()).isEqualTo(dollars(39_200));
        assertThat(figuresOf(r).msrMet()).isFalse();
        assertThat(figuresOf(r).gain().reducedSharing()).isTrue();
        assertThat(figuresOf(r).finalSharingRate()).isEqualByComparingTo("0.20");
        // only the alternative standard, score 0.80: 40% × 0.80 × 1/2 = 16% → 32,000 × 0.98 = 31,360
        assertThat(computed(b, msspFigures(9_800_000, 6_000, d("0.8"), false, true, null, null, true)).amount())
                .isEqualTo(dollars(31_360));
        // not eligible → nothing: fewer than 5,000 assigned; high revenue; quality not met; agreement before 2024
        assertThat(computed(b, msspFigures(9_800_000, 4_999, d("0.8"), true, false, null, null, true)).amount())
                .isEqualTo(Money.ZERO);
        assertThat(computed(b, msspFigures(9_800_000, 6_000, d("0.8"), true, false, null, null, false)).amount())
                .isEqualTo(Money.ZERO);
        assertThat(computed(b, msspFigures(9_800_000, 6_000, d("0.8"), false, false, null, null, true)).amount())
                .isEqualTo(Money.ZERO);
        SharedSavings older = MsspTerms.of("aco", 2024, MsspTrack.BASIC_B, new MinimumRate.CmsTable(), LocalDate.of(2022, 1, 1),
                dollars(10_000_000));
        assertThat(computed(older, msspFigures(9_800_000, 6_000, d("0.8"), true, false, null, null, true)).amount())
                .isEqualTo(Money.ZERO);
        // 42 CFR 425.605(h)(2) halves the final sharing rate only; the cap of paragraph (d) is unchanged.
        // Commercial terms with an MSR of 50%, 50% sharing, cap 10%, benchmark 10,000,000:
        // savings 4,500,000 (45%) < MSR → reduced: 50% × 1/2 = 25% → 1,125,000 × 0.98 = 1,102,500
        // > cap 10% × 10,000,000 = 1,000,000 → 1,000,000 (a halved cap would give 500,000)
        SharedSavings wide = new SharedSavings("c", null, new MinimumRate.Fixed(d("0.50")), d("0.50"), null, d("0.10"), d("0.02"), null,
                null, new SharedSavings.LowRevenueReducedSharing(LocalDate.of(2024, 1, 1), 5_000, d("0.5")));
        assertThat(computed(wide, msspFigures(5_500_000, 6_000, null, true, false, null, null, true)).amount())
                .isEqualTo(dollars(1_000_000));
        // savings 4,000,000 (40%): 25% → 1,000,000 × 0.98 = 980,000 < 1,000,000 → 980,000
        assertThat(computed(wide, msspFigures(6_000_000, 6_000, null, true, false, null, null, true)).amount())
                .isEqualTo(dollars(980_000));
    }

    @Test
    void benchmarkGuardrail425_652b5iiSharesNeitherSavingsNorLosses() {
        // 42 CFR 425.652(b)(5)(ii), PY2024: expenditures below the recalculated benchmark → neither savings nor losses.
        // ENHANCED, benchmark 10,000,000, MSR/MLR 2% (fixed), standard met, score 1.0.
        SharedSavings en = MsspTerms.of("aco", 2024, MsspTrack.ENHANCED, new MinimumRate.Fixed(d("0.02")), LocalDate.of(2022, 1, 1),
                dollars(10_000_000));
        // without the guardrail: savings 1,000,000 (10%) × 75% = 750,000 × 0.98 = 735,000
        assertThat(computed(en, guarded(9_000_000, null)).amount()).isEqualTo(dollars(735_000));
        assertThat(computed(en, guarded(9_000_000, false)).amount()).isEqualTo(dollars(735_000));
        // with it: nothing paid
        ArrangementResult saved = computed(en, guarded(9_000_000, true));
        assertThat(saved.amount()).isEqualTo(Money.ZERO);
        assertThat(saved.lineItems()).anyMatch(li -> li.label().contains("425.652(b)(5)(ii)"));
        // without it: losses 1,000,000 (10%) × (1 − 0.75 × 1.0 = 25%, floor 40%) = 400,000 owed; with it: nothing owed
        assertThat(computed(en, guarded(11_000_000, null)).amount()).isEqualTo(dollars(-400_000));
        assertThat(computed(en, guarded(11_000_000, true)).amount()).isEqualTo(Money.ZERO);
    }

    private static SharedSavingsFigures guarded(long expenditure, Boolean guardrail) {
        return new SharedSavingsFigures(dollars(10_000_000), dollars(expenditure), 20_000, 0, d("1.0"), true, false, null, null,
                false, guardrail);
    }

    @Test
    void oneSidedTermsNeverOweLosses() {
        SharedSavings a = basic(MsspTrack.BASIC_A, LocalDate.of(2024, 1, 1));
        ArrangementResult r = computed(a, msspFigures(12_000_000, 9_000, d("0.8"), true, false, null, null, false));
        assertThat(r.amount()).isEqualTo(Money.ZERO);
    }

    @Test
    void pmpmBenchmarkTrendsAndRiskAdjusts() {
        // $1,000 × 1.03² × 1.02 × 1,200 member-months = 1,000 × 1.0609 × 1.02 × 1,200 = 1,298,541.60
        assertThat(SharedSavingsCalculator.pmpmBenchmark(dollars(1_000), d("0.03"), 2, d("1.02"), 1_200))
                .isEqualTo(Money.ofCents(129_854_160));
        // average risk 1.10 ÷ baseline 1.00 = 1.10, capped at +3% → 1.03; fixed factor wins over scores
        assertThat(SharedSavingsCalculator.riskFactor(new SharedSavings.RiskAdjustment(null, d("1.00"), d("0.03")), d("1.10")))
                .isEqualByComparingTo("1.03");
        assertThat(SharedSavingsCalculator.riskFactor(new SharedSavings.RiskAdjustment(null, d("1.25"), null), d("1.00")))
                .isEqualByComparingTo("0.8");
        assertThat(SharedSavingsCalculator.riskFactor(new SharedSavings.RiskAdjustment(d("0.97"), null, null), d("2"))).isEqualByComparingTo("0.97");
        assertThat(SharedSavingsCalculator.riskFactor(null, d("2"))).isEqualByComparingTo("1");
    }

    @Test
    void badFiguresAreRefusedNamingTheArrangement() {
        assertThat(SharedSavingsCalculator.compute(upside("0.02", "0.5", "0.1"), figures(0, 10, null)))
                .isInstanceOfSatisfying(SettlementOutcome.Refused.class,
                        r -> assertThat(r.reason()).contains("arrangement ss").contains("benchmark"));
        assertThat(SharedSavingsCalculator.compute(upside("0.02", "0.5", "0.1"), figures(100, 10, d("1.5"))))
                .isInstanceOfSatisfying(SettlementOutcome.Refused.class, r -> assertThat(r.reason()).contains("quality score"));
    }
}
