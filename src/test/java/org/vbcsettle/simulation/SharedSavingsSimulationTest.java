package org.vbcsettle.simulation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.ContractSettlement;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.SettlementInputs;
import org.vbcsettle.settlement.Statement;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared savings in simulation: zero-variance years against hand figures and against ContractSettlement. */
class SharedSavingsSimulationTest {
    @TempDir
    Path dir;

    private static String flat(double annualCost) {
        return """
                name: 100 identical members
                population: {members: 100}
                cost:
                  severity: {distribution: fixed, value: %s}
                quality:
                  score: {distribution: fixed, value: 0.8}
                """.formatted(annualCost);
    }

    /** The same 100 members as records: 12 months each at risk 1.000, one claim of {@code dollars} each. */
    private static Statement settleFromRecords(Contract c, long dollars) {
        List<Attribution> attribution = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        for (int m = 0; m < 100; m++) {
            for (int month = 1; month <= 12; month++) {
                attribution.add(Attribution.of("a" + m + "-" + month, "m" + m, YearMonth.of(2024, month), BigDecimal.ONE));
            }
            LocalDate d = LocalDate.of(2024, 3, 1);
            claims.add(new Claim("c" + m, "m" + m, Claim.ClaimType.PROFESSIONAL, d, d, d.plusDays(20),
                    Money.ofDollars(dollars), null, null, List.of(), List.of(), "1234567890", null, null));
        }
        ReportedFacts facts = new ReportedFacts(null, new BigDecimal("0.8"), null, null, null, null, null, null, null);
        return ContractSettlement.settle(c, new SettlementInputs(Period.parse("2024"), attribution, claims, List.of(), facts, null))
                .orElseThrow();
    }

    private long simulate(Contract c, String scenario) {
        SimulationResult r = Simulation.run(SimulationModel.bind(c, SimFixtures.scenario(dir, "s.yaml", scenario)), 4, 1, 2, null);
        long first = r.outcomes().get(0).providerPayoutCents();
        for (TrialOutcome o : r.outcomes()) {
            assertThat(o.providerPayoutCents()).isEqualTo(first);
        }
        return first;
    }

    @Test
    void savingsOfAZeroVarianceYear() {
        Contract c = SimFixtures.contract(SimFixtures.mssp(null));
        // By hand: benchmark $1,085 × 1,200 member-months = $1,302,000; expenditure 100 × $12,000 = $1,200,000;
        // savings $102,000 = 7.83% ≥ 2% MSR; quality 0.8 meets the standard: 50% → $51,000; cap 10% of the
        // benchmark ($130,200) does not bind; sequestration 2% → $49,980.
        long sim = simulate(c, flat(12_000));
        assertThat(sim).isEqualTo(4_998_000);
        assertThat(settleFromRecords(c, 12_000).total().cents()).isEqualTo(sim);
    }

    @Test
    void lossesOfAZeroVarianceYear() {
        Contract c = SimFixtures.contract(SimFixtures.mssp(null));
        // By hand: expenditure $1,400,000; losses $98,000 = 7.53% ≥ 2% MLR; 30% → $29,400 owed; limit 4% of
        // $1,302,000 = $52,080 does not bind; losses are not sequestered.
        long sim = simulate(c, flat(14_000));
        assertThat(sim).isEqualTo(-2_940_000);
        assertThat(settleFromRecords(c, 14_000).total().cents()).isEqualTo(sim);
    }

    @Test
    void truncationCapsEachMembersCost() {
        Contract c = SimFixtures.contract(SimFixtures.mssp("$13,000.00"));
        // By hand: each member's $14,000 is truncated to $13,000 → expenditure $1,300,000; savings $2,000 =
        // 0.15% < 2% MSR and no loss: nothing is paid either way.
        long sim = simulate(c, flat(14_000));
        assertThat(sim).isZero();
        assertThat(settleFromRecords(c, 14_000).total().cents()).isEqualTo(sim);
        SimulationResult r = Simulation.run(SimulationModel.bind(c, SimFixtures.scenario(dir, "t.yaml", flat(14_000))), 1, 1, 1, null);
        assertThat(r.outcomes().get(0).claimsCents()).isEqualTo(140_000_000);
        assertThat(r.outcomes().get(0).expenditureCents()).isEqualTo(130_000_000);
        assertThat(r.outcomes().get(0).benchmarkCents()).isEqualTo(130_200_000);
    }

    @Test
    void theRiskFactorFollowsTheDrawnRiskScoresWithinItsCap() {
        Contract c = SimFixtures.contract(SimFixtures.mssp(null));
        // Every member at risk 1.020: factor 1.02 (inside the ±3% cap) → benchmark $1,085 × 1.02 × 1,200 =
        // $1,328,040; expenditure $1,200,000; savings $128,040 → 50% = $64,020 → less 2% = $62,739.60 → whole
        // dollars (CMS) $62,740.
        String s = flat(12_000).replace("population: {members: 100}",
                "population: {members: 100, riskScore: {distribution: fixed, value: 1.02}}");
        assertThat(simulate(c, s)).isEqualTo(6_274_000);
        // At risk 1.100 the factor is capped at 1.03: benchmark $1,341,060; savings $141,060 → $70,530 → $69,119.40 → $69,119
        String capped = flat(12_000).replace("population: {members: 100}",
                "population: {members: 100, riskScore: {distribution: fixed, value: 1.1}}");
        assertThat(simulate(c, capped)).isEqualTo(6_911_900);
    }

    @Test
    void gatedSavingsIsIdenticalAcrossThreadCountsAndSensible() throws IOException {
        Contract c = SimFixtures.contract(SimFixtures.GATED_SAVINGS);
        Scenario s = SimFixtures.scenario(dir, "g.yaml", """
                name: gated
                population:
                  members: 3000
                  monthsEnrolled: {fullYearShare: 0.9}
                  riskScore: {distribution: gamma, mean: 1.0, shape: 4}
                  churn: 0.05
                cost:
                  noClaimsProbability: 0.08
                  tiers:
                    - {maxRiskScore: 1.0, severity: {distribution: lognormal, mean: 7000, sigma: 1.0}}
                    - {severity: {distribution: lognormal, mean: 16000, sigma: 1.1}}
                  heavyTail: {probability: 0.01, severity: {distribution: pareto, scale: 80000, shape: 2.5}}
                trend: 0.02
                trendSd: 0.02
                quality:
                  measures:
                    A: {eligibleShare: 0.3, rate: {distribution: beta, alpha: 70, beta: 30}}
                    B: {eligibleShare: 0.2, rate: {distribution: beta, alpha: 50, beta: 50}}
                """);
        SimulationModel m = SimulationModel.bind(c, s);
        List<String> csv = new ArrayList<>();
        for (int threads : new int[]{1, 2, 3}) {
            SimulationResult r = Simulation.run(m, 50, 77, threads, null);
            Path f = dir.resolve("r" + threads + ".csv");
            Reports.writeCsv(f, r);
            csv.add(Files.readString(f));
        }
        assertThat(csv.get(1)).isEqualTo(csv.get(0));
        assertThat(csv.get(2)).isEqualTo(csv.get(0));
        Summary sum = Summary.of(Simulation.run(m, 50, 77, 2, null));
        assertThat(sum.probabilitySavingsEarned()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(sum.probabilityOwingLosses()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        // the pool bonus never exceeds its $50,000
        for (TrialOutcome o : Simulation.run(m, 50, 77, 2, null).outcomes()) {
            assertThat(o.arrangementCents()[0]).isBetween(0L, 5_000_000L);
            assertThat(o.compositeScore()).isNotNull();
        }
    }
}
