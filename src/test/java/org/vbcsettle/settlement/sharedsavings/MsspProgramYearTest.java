package org.vbcsettle.settlement.sharedsavings;

import org.vbcsettle.contract.mssp.MsspProgramYear;
import org.vbcsettle.contract.mssp.MsspTerms;
import org.vbcsettle.contract.mssp.MsspTrack;
import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per rule of the performance-year table, each worked by hand. Figures: benchmark 10,000,000,
 * expenditure 9,000,000 (savings 1,000,000 = 10%), 20,000 assigned, fixed MSR 2%, quality score 0.80.
 */
class MsspProgramYearTest {

    static Money dollars(long d) {
        return Money.ofDollars(d);
    }

    static Money earned(int year, MsspTrack track, Boolean standard, Boolean alternative) {
        SharedSavings terms = MsspTerms.of("aco", year, track, new MinimumRate.Fixed(new BigDecimal("0.02")), LocalDate.of(2019, 7, 1),
                dollars(10_000_000));
        SharedSavingsFigures f = new SharedSavingsFigures(dollars(10_000_000), dollars(9_000_000), 20_000, 0, new BigDecimal("0.80"),
                standard, alternative, null, null, false);
        return SharedSavingsCalculator.compute(terms, f).orElseThrow().earned();
    }

    @Test
    void theTableCoversEveryYearOnceInOrder() {
        int next = 2013;
        for (MsspProgramYear y : MsspProgramYear.TABLE) {
            assertThat(y.firstYear()).isEqualTo(next);
            assertThat(y.lastYear()).isGreaterThanOrEqualTo(y.firstYear());
            assertThat(y.citation()).contains("CFR");
            next = y.lastYear() + 1;
        }
        assertThat(MsspProgramYear.of(2031)).isSameAs(MsspProgramYear.of(2024));
    }

    @Test
    void py2018QualityScaledByTheScore_425_610d() {
        // 42 CFR 425.610(d) (Track 3, PY2018): 75% × 0.80 = 60% → 600,000 × 0.98 = 588,000
        assertThat(earned(2018, MsspTrack.ENHANCED, false, true)).isEqualTo(dollars(588_000));
    }

    @Test
    void py2019And2020NoSequestration_caresAct3709() {
        // BASIC E PY2019/2020, 425.605(d) scaled: 50% × 0.80 = 40% → 400,000; CARES Act §3709: 0% → 400,000
        assertThat(earned(2019, MsspTrack.BASIC_E, false, true)).isEqualTo(dollars(400_000));
        assertThat(earned(2020, MsspTrack.BASIC_E, false, true)).isEqualTo(dollars(400_000));
        assertThat(MsspProgramYear.of(2019).sequestration()).isZero();
    }

    @Test
    void py2021FullRateForTheStandard_425_512a() {
        // 42 CFR 425.512(a), PY2021: standard met → 50% (not × 0.80) → 500,000 × 0.98 = 490,000
        assertThat(earned(2021, MsspTrack.BASIC_E, true, false)).isEqualTo(dollars(490_000));
        // PY2022 alike: 490,000; an alternative flag earns nothing before the sliding scale of PY2023
        assertThat(earned(2022, MsspTrack.BASIC_E, true, false)).isEqualTo(dollars(490_000));
        assertThat(MsspProgramYear.of(2022).slidingScale()).isFalse();
    }

    @Test
    void py2024SlidingScaleForTheAlternativeStandard_425_512a4() {
        // 42 CFR 425.512(a)(4), PY2024: only the alternative standard → 50% × 0.80 = 40% → 400,000 × 0.98 = 392,000
        assertThat(earned(2024, MsspTrack.BASIC_E, false, true)).isEqualTo(dollars(392_000));
        // the standard itself: 50% → 490,000; neither: nothing
        assertThat(earned(2024, MsspTrack.BASIC_E, true, false)).isEqualTo(dollars(490_000));
        assertThat(earned(2024, MsspTrack.BASIC_E, false, false)).isEqualTo(Money.ZERO);
    }

    @Test
    void covidLossReductionPy2020To2022_425_605f() {
        // 42 CFR 425.605(f), 425.610(i): the emergency covered every month and county in PY2020–2022 → 100%
        assertThat(MsspProgramYear.of(2020).publicHealthEmergencyLossReduction()).isEqualByComparingTo("1");
        assertThat(MsspProgramYear.of(2022).publicHealthEmergencyLossReduction()).isEqualByComparingTo("1");
        assertThat(MsspProgramYear.of(2019).publicHealthEmergencyLossReduction()).isNull();
        assertThat(MsspProgramYear.of(2023).publicHealthEmergencyLossReduction()).isNull();
    }

    @Test
    void reducedSharingAndGuardrailFromPy2024_425_605h_425_652b5ii() {
        assertThat(MsspProgramYear.of(2023).reducedSharing()).isFalse();
        assertThat(MsspProgramYear.of(2024).reducedSharing()).isTrue();
        assertThat(MsspProgramYear.of(2024).benchmarkGuardrail()).isTrue();
        // BASIC B PY2023 vs PY2024 terms: only PY2024 carries the 425.605(h) rule
        assertThat(MsspTerms.of("a", 2023, MsspTrack.BASIC_B, new MinimumRate.CmsTable(), LocalDate.of(2024, 1, 1), dollars(1))
                .lowRevenueReducedSharing()).isNull();
        assertThat(MsspTerms.of("a", 2024, MsspTrack.BASIC_B, new MinimumRate.CmsTable(), LocalDate.of(2024, 1, 1), dollars(1))
                .lowRevenueReducedSharing()).isNotNull();
    }
}
