package org.vbcsettle.simulation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.ContractSettlement;
import org.vbcsettle.settlement.QualityEvent;
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
import static org.assertj.core.api.Assertions.within;

class SimulationTest {
    @TempDir
    Path dir;

    private static final Period YEAR = Period.parse("2024");

    private static List<Attribution> fullYear(int members) {
        List<Attribution> out = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            for (int month = 1; month <= 12; month++) {
                out.add(Attribution.of("a" + m + "-" + month, "m" + m, YearMonth.of(2024, month), BigDecimal.ONE));
            }
        }
        return out;
    }

    @Test
    void zeroVarianceQualityIncentiveReproducesTheDeterministicSettlement() {
        Contract c = SimFixtures.contract(SimFixtures.P4P);
        Scenario s = SimFixtures.scenario(dir, "p4p.yaml", """
                name: everyone eligible, A always met, B never
                population: {members: 20}
                quality:
                  measures:
                    A: {eligibleShare: 1, rate: {distribution: fixed, value: 1}}
                    B: {eligibleShare: 1, rate: {distribution: fixed, value: 0}}
                """);
        SimulationResult r = Simulation.run(SimulationModel.bind(c, s), 5, 99, 1, null);
        // By hand: A rate 1.0 ≥ 0.70 → 1 point; B rate 0 < 0.50 → 0 points; composite (1 + 0) / 2 = 0.5 ≥ 0.40;
        // bonus = $4.00 × 240 member-months × 0.5 = $480.00
        for (TrialOutcome o : r.outcomes()) {
            assertThat(o.memberMonths()).isEqualTo(240);
            assertThat(o.compositeScore()).isEqualByComparingTo("0.5");
            assertThat(o.providerPayoutCents()).isEqualTo(48_000);
        }
        // The same members settled from records: 20 members × 12 months, all in A's numerator, none in B's.
        List<QualityEvent> events = new ArrayList<>();
        for (int m = 0; m < 20; m++) {
            events.add(new QualityEvent("da" + m, "m" + m, "A", "2024", QualityEvent.Kind.DENOMINATOR));
            events.add(new QualityEvent("na" + m, "m" + m, "A", "2024", QualityEvent.Kind.NUMERATOR));
            events.add(new QualityEvent("db" + m, "m" + m, "B", "2024", QualityEvent.Kind.DENOMINATOR));
        }
        Statement st = ContractSettlement.settle(c, SettlementInputs.of(YEAR, fullYear(20), List.of(), events)).orElseThrow();
        assertThat(st.total().cents()).isEqualTo(r.outcomes().get(0).providerPayoutCents());
    }

    @Test
    void zeroVarianceBundleReproducesTheDeterministicSettlement() {
        Contract c = SimFixtures.contract(SimFixtures.BUNDLE);
        Scenario s = SimFixtures.scenario(dir, "bundle.yaml", """
                name: ten identical episodes
                population: {members: 1000}
                episodes:
                  MJRLE: {count: 10, cost: {distribution: fixed, value: 25000}}
                quality:
                  score: {distribution: fixed, value: 0.8}
                """);
        SimulationResult r = Simulation.run(SimulationModel.bind(c, s), 3, 7, 2, null);
        // By hand: target $28,500 × 0.97 = $27,645.00; 10 × ($27,645 − $25,000) = $26,450.00;
        // CQS 0.8 reduces a payment by 10% × (1 − 0.8) = 2%: $26,450 × 0.98 = $25,921.00;
        // stop-gain 20% × $276,450 = $55,290 does not bind.
        for (TrialOutcome o : r.outcomes()) {
            assertThat(o.episodes()).isEqualTo(10);
            assertThat(o.providerPayoutCents()).isEqualTo(2_592_100);
            // payer: episode spend $250,000 + reconciliation paid $25,921
            assertThat(o.payerNetCostCents()).isEqualTo(25_000_000 + 2_592_100);
        }
        // The same ten episodes from claims: one anchor stay (DRG 470, $25,000) per member, nothing else.
        List<Claim> claims = new ArrayList<>();
        for (int m = 0; m < 10; m++) {
            LocalDate from = LocalDate.of(2024, 3, 1 + m);
            claims.add(new Claim("c" + m, "m" + m, Claim.ClaimType.INPATIENT, from, from.plusDays(3), from.plusDays(20),
                    Money.ofDollars(25_000), null, "470", List.of(), List.of(), "1234567890", null, null));
        }
        ReportedFacts facts = new ReportedFacts(null, null, null, null, null, null, null, new BigDecimal("0.8"), null);
        Statement st = ContractSettlement.settle(c, new SettlementInputs(YEAR, fullYear(10), claims, List.of(), facts, null)).orElseThrow();
        assertThat(st.total().cents()).isEqualTo(2_592_100);
    }

    @Test
    void theSameSeedGivesIdenticalResultsAtAnyThreadCount() throws IOException {
        Contract c = SimFixtures.contract(SimFixtures.P4P_AND_BUNDLE);
        Scenario s = SimFixtures.scenario(dir, "random.yaml", SimFixtures.RANDOM_COMBINED);
        SimulationModel m = SimulationModel.bind(c, s);
        List<String> csvs = new ArrayList<>();
        for (int threads : new int[]{1, 2, 3}) {
            SimulationResult r = Simulation.run(m, 60, 2024, threads, null);
            Path f = dir.resolve("results-" + threads + ".csv");
            Reports.writeCsv(f, r);
            csvs.add(Files.readString(f));
        }
        assertThat(csvs.get(0).lines().count()).isEqualTo(61);
        assertThat(csvs.get(1)).isEqualTo(csvs.get(0));
        assertThat(csvs.get(2)).isEqualTo(csvs.get(0));
        // and another seed gives other results
        SimulationResult other = Simulation.run(m, 60, 2025, 2, null);
        Path f = dir.resolve("results-other.csv");
        Reports.writeCsv(f, other);
        assertThat(Files.readString(f)).isNotEqualTo(csvs.get(0));
    }

    @Test
    void sampleMeansOfDrawnAggregatesFallInsideTheirConfidenceIntervals() {
        Contract c = SimFixtures.contract(SimFixtures.P4P_AND_BUNDLE);
        Scenario s = SimFixtures.scenario(dir, "moments.yaml", """
                name: known moments
                population: {members: 2000}
                cost:
                  noClaimsProbability: 0.2
                  severity: {distribution: gamma, mean: 5000, shape: 2}
                quality:
                  measures:
                    A: {eligibleShare: 0.3, rate: {distribution: fixed, value: 0.5}}
                    B: {eligibleShare: 0.2, rate: {distribution: fixed, value: 0.5}}
                episodes:
                  MJRLE: {perThousandMemberYears: 25, cost: {distribution: fixed, value: 20000}}
                  CHF: {count: 0, cost: {distribution: fixed, value: 1}}
                """);
        int trials = 400;
        SimulationResult r = Simulation.run(SimulationModel.bind(c, s), trials, 11, 2, null);
        double claims = 0;
        double episodes = 0;
        for (TrialOutcome o : r.outcomes()) {
            claims += o.claimsCents() / 100.0;
            episodes += o.episodes();
        }
        claims /= trials;
        episodes /= trials;
        // Member cost X = B·S, B ~ Bernoulli(0.8), S ~ Gamma(mean 5000, shape 2): E[X] = 4000;
        // E[X²] = 0.8 (5000²/2 + 5000²) = 30e6; Var X = 14e6. A trial sums 2000 members: mean $8,000,000,
        // sd √(2000 × 14e6) = $167,332; the mean of 400 trials has standard error $8,367.
        assertThat(claims).isCloseTo(8_000_000, within(4 * 8_367.0));
        // Episodes ~ Poisson(25 per 1,000 member-years × 2,000) = Poisson(50): standard error √(50/400) = 0.354
        assertThat(episodes).isCloseTo(50, within(4 * 0.354));
    }

    @Test
    void probabilitiesStayBetweenZeroAndOneAndTheSummaryIsConsistent() {
        Contract c = SimFixtures.contract(SimFixtures.P4P_AND_BUNDLE);
        Scenario s = SimFixtures.scenario(dir, "random.yaml", SimFixtures.RANDOM_COMBINED);
        SimulationResult r = Simulation.run(SimulationModel.bind(c, s), 200, 5, 2, null);
        Summary sum = Summary.of(r);
        for (BigDecimal p : List.of(sum.probabilitySavingsEarned(), sum.probabilityOwingLosses())) {
            assertThat(p).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        }
        for (Summary.ArrangementSummary a : sum.arrangements()) {
            assertThat(a.probabilityPays()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            assertThat(a.probabilityOwes()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            assertThat(a.probabilityPays().add(a.probabilityOwes())).isLessThanOrEqualTo(BigDecimal.ONE);
        }
        OutcomeStats p = sum.providerPayout();
        assertThat(p.p5()).isLessThanOrEqualTo(p.p25());
        assertThat(p.p25()).isLessThanOrEqualTo(p.p50());
        assertThat(p.p50()).isLessThanOrEqualTo(p.p75());
        assertThat(p.p75()).isLessThanOrEqualTo(p.p95());
        assertThat(sum.expectedShortfall95().cents()).isGreaterThanOrEqualTo(0);
        // the payout is the sum of the arrangements, the payer's cost is claims + episodes + payout
        for (TrialOutcome o : r.outcomes()) {
            assertThat(o.providerPayoutCents()).isEqualTo(o.arrangementCents()[0] + o.arrangementCents()[1]);
            assertThat(o.payerNetCostCents()).isEqualTo(o.claimsCents() + o.episodeSpendCents() + o.providerPayoutCents());
        }
        Money mean = sum.arrangements().get(1).mean();
        assertThat(mean).isNotNull();
    }

    @Test
    void sweepPointsShareTheirRandomNumbers() {
        Contract c = SimFixtures.contract(SimFixtures.P4P_AND_BUNDLE);
        Scenario s = SimFixtures.scenario(dir, "random.yaml", SimFixtures.RANDOM_COMBINED);
        // RANDOM_COMBINED has trend 0.03: the sweep's middle point is the base scenario itself
        SimulationRun run = SimulationRun.run(c, s, 40, 8, 2, List.of(Sweep.parse("trend=0.02:0.04:0.01")), null);
        List<Sweep.Point> points = run.sweeps().get(0).points();
        assertThat(points.get(1).meanPayout()).isEqualTo(run.summary().providerPayout().mean());
        assertThat(points.get(1).meanPayerNetCost()).isEqualTo(run.summary().payerNetCost().mean());
        // with common random numbers every member's draw is the same at each point, only scaled by the trend:
        // claims (about $15M a trial) rise by far more than the bundle's reconciliation falls
        assertThat(points.get(0).meanPayerNetCost()).isLessThan(points.get(1).meanPayerNetCost());
        assertThat(points.get(1).meanPayerNetCost()).isLessThan(points.get(2).meanPayerNetCost());
    }
}
