package org.vbcsettle.contract.mssp;

import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.ContractLoader;
import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.SharedSavings;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contract that names an MSSP performance year and track gets the terms of the year's table (42 CFR 425 as
 * {@link MsspTerms} and {@link MsspProgramYear} state it), each written field overriding the program's.
 */
class MsspProgramTest {

    static SharedSavings savings(Contract c) {
        return (SharedSavings) c.arrangements().get(0);
    }

    static ContractLoader.Result parse(String arrangement) {
        String doc = """
                id: p
                name: Program test
                payer: CMS
                provider: ACO
                performanceStart: %s-01-01
                performanceEnd: %s-12-31
                arrangements:
                """.formatted("2024", "2024") + arrangement;
        return ContractLoader.parse(doc, "p.yaml", ContractLoader.Format.YAML);
    }

    static final String BENCHMARK = """
                benchmark:
                  method: total
                  amount: "$10,000,000.00"
            """;

    @Test
    void theShippedEnhancedContractResolvesToTheTermsItUsedToWriteOut() {
        // contracts/mssp-enhanced.yaml names PY2024 ENHANCED; the explicit document beside the tests writes the
        // same terms out field by field (42 CFR 425.610: 75%, cap 20%, 2% sequestration, loss rate 1 − 0.75 × score
        // within 40–75%, loss limit 15% of the benchmark, CMS's MSR/MLR table).
        SharedSavings program = savings(ContractLoader.load(Path.of("contracts/mssp-enhanced.yaml")));
        SharedSavings explicit = savings(ContractLoader.load(Path.of("src/test/resources/contracts-program/explicit-enhanced.yaml")));
        assertThat(program).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(explicit);
    }

    @Test
    void basicLevelEIn2024TakesTheTable_425_605d() {
        // BASIC E (42 CFR 425.605(d)(1)(v)): 50% sharing, cap 10%, loss rate 30%, loss limit 8% of revenue at most
        // 4% of the benchmark; CMS's MSR/MLR table by assigned beneficiaries.
        ContractLoader.Result r = parse("""
                  - type: shared-savings
                    id: s
                    program: {name: mssp, performanceYear: 2024, track: E}
                """ + BENCHMARK);
        assertThat(r.errors()).isEmpty();
        SharedSavings s = savings(r.contract());
        assertThat(s.sharingRate()).isEqualByComparingTo("0.50");
        assertThat(s.savingsCap()).isEqualByComparingTo("0.10");
        assertThat(s.sequestration()).isEqualByComparingTo("0.02");
        assertThat(s.minimumSavingsRate()).isInstanceOf(MinimumRate.CmsTable.class);
        assertThat(((SharedSavings.LossRate.Fixed) s.downside().lossRate()).rate()).isEqualByComparingTo("0.30");
        assertThat(s.downside().lossLimit().percentOfRevenue()).isEqualByComparingTo("0.08");
        assertThat(s.downside().lossLimit().percentOfBenchmark()).isEqualByComparingTo("0.04");
        assertThat(s.lowRevenueReducedSharing()).isNull(); // no agreement start given: 425.605(h) cannot be placed
    }

    @Test
    void basicLevelBFrom2024CarriesReducedSharing_425_605h() {
        // BASIC B (42 CFR 425.605(d)(1)(ii)): 40% sharing, cap 10%, one-sided; an agreement from 2024-01-01 carries
        // 425.605(h): a low-revenue ACO below the MSR shares at half the rate, with at least 5,000 assigned.
        ContractLoader.Result r = parse("""
                  - type: shared-savings
                    id: s
                    program: {name: mssp, performanceYear: 2024, track: BASIC Level B, agreementStart: 2024-01-01}
                """ + BENCHMARK);
        assertThat(r.errors()).isEmpty();
        SharedSavings s = savings(r.contract());
        assertThat(s.sharingRate()).isEqualByComparingTo("0.40");
        assertThat(s.downside()).isNull();
        assertThat(s.lowRevenueReducedSharing().agreementStart()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(s.lowRevenueReducedSharing().sharingRateFactor()).isEqualByComparingTo("0.5");
        assertThat(s.lowRevenueReducedSharing().minimumAssigned()).isEqualTo(5_000);
    }

    @Test
    void aYearsSequestrationComesFromTheTable_caresAct3709() {
        // PY2019 savings were paid under the CARES Act §3709 suspension: no sequestration; Track 1: 50%, cap 10%.
        ContractLoader.Result r = parse("""
                  - type: shared-savings
                    id: s
                    program: {name: mssp, performanceYear: 2019, track: Track 1}
                """ + BENCHMARK);
        assertThat(r.errors()).isEmpty();
        SharedSavings s = savings(r.contract());
        assertThat(s.sequestration()).isEqualByComparingTo("0");
        assertThat(s.sharingRate()).isEqualByComparingTo("0.50");
        assertThat(s.downside()).isNull();
    }

    @Test
    void aWrittenFieldOverridesTheProgramAndAFixedMsrBecomesTheMlr() {
        // ENHANCED's 75% overridden to 60%; a fixed 2% MSR is the symmetric MLR of the program's loss side.
        ContractLoader.Result r = parse("""
                  - type: shared-savings
                    id: s
                    program: {name: mssp, performanceYear: 2022, track: EN}
                    sharingRate: 0.60
                    minimumSavingsRate: {method: fixed, rate: 0.02}
                """ + BENCHMARK);
        assertThat(r.errors()).isEmpty();
        SharedSavings s = savings(r.contract());
        assertThat(s.sharingRate()).isEqualByComparingTo("0.60");
        assertThat(s.savingsCap()).isEqualByComparingTo("0.20");
        assertThat(((MinimumRate.Fixed) s.downside().minimumLossRate()).rate()).isEqualByComparingTo("0.02");
    }

    @Test
    void aBadProgramIsReportedAtItsFields() {
        ContractLoader.Result r = parse("""
                  - type: shared-savings
                    id: s
                    program: {name: aco-reach, performanceYear: 2011, track: Z, agreementStart: 2024-13-01, tier: 2}
                """ + BENCHMARK);
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).contains(
                "p.yaml: arrangements[0].program.name: unknown program 'aco-reach' (one of: mssp)",
                "p.yaml: arrangements[0].program.performanceYear: the MSSP rules start with performance year 2013, was 2011",
                "p.yaml: arrangements[0].program.agreementStart: must be a date (YYYY-MM-DD), was '2024-13-01'",
                "p.yaml: arrangements[0].program.tier: unknown field (expected one of: agreementStart, name, performanceYear, track)");
        assertThat(r.errors()).anyMatch(e -> e.startsWith("p.yaml: arrangements[0].program.track: "));
    }

    @Test
    void aProgramOnAnotherArrangementTypeIsRefused() {
        ContractLoader.Result r = parse("""
                  - type: quality-incentive
                    id: q
                    program: {name: mssp, performanceYear: 2024, track: E}
                """);
        assertThat(r.errors()).contains("p.yaml: arrangements[0].program: a program applies to shared-savings arrangements only");
    }

    @Test
    void theProgramStillNeedsTheContractsOwnBenchmark() {
        ContractLoader.Result r = parse("""
                  - type: shared-savings
                    id: s
                    program: {name: mssp, performanceYear: 2024, track: ENHANCED}
                """);
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).anyMatch(e -> e.contains("arrangements[0].benchmark"));
    }
}
