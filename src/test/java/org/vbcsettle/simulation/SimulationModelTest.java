package org.vbcsettle.simulation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbcsettle.contract.Contract;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A scenario must provide every figure its contract settles on, and nothing the contract does not use. */
class SimulationModelTest {
    @TempDir
    Path dir;

    @Test
    void namesTheMissingMeasureAndWhoScoresIt() {
        Contract c = SimFixtures.contract(SimFixtures.P4P);
        Scenario s = SimFixtures.scenario(dir, "s.yaml", """
                name: x
                population: {members: 10}
                quality:
                  measures:
                    A: {eligibleShare: 1, rate: {distribution: fixed, value: 1}}
                """);
        assertThatThrownBy(() -> SimulationModel.bind(c, s)).isInstanceOf(ScenarioException.class)
                .hasMessage(dir.resolve("s.yaml") + ": quality.measures.B: is required: measure 'B' is scored by arrangement 'p4p' of contract 'p4p-test'");
    }

    @Test
    void rejectsMeasuresAndEpisodesTheContractDoesNotUse() {
        Contract c = SimFixtures.contract(SimFixtures.P4P);
        Scenario s = SimFixtures.scenario(dir, "s.yaml", """
                name: x
                population: {members: 10}
                quality:
                  measures:
                    A: {eligibleShare: 1, rate: {distribution: fixed, value: 1}}
                    B: {eligibleShare: 1, rate: {distribution: fixed, value: 1}}
                    CBP: {eligibleShare: 1, rate: {distribution: fixed, value: 1}}
                """);
        assertThatThrownBy(() -> SimulationModel.bind(c, s))
                .hasMessage(dir.resolve("s.yaml") + ": quality.measures.CBP: contract 'p4p-test' scores no measure 'CBP' (it scores: A, B)");
        Contract b = SimFixtures.contract(SimFixtures.BUNDLE);
        Scenario e = SimFixtures.scenario(dir, "e.yaml", """
                name: x
                population: {members: 10}
                quality: {score: {distribution: fixed, value: 1}}
                episodes:
                  MJRLE: {count: 1, cost: {distribution: fixed, value: 1}}
                  CJR: {count: 1, cost: {distribution: fixed, value: 1}}
                """);
        assertThatThrownBy(() -> SimulationModel.bind(b, e))
                .hasMessage(dir.resolve("e.yaml") + ": episodes.CJR: contract 'bundle-test' pays no episode type 'CJR' (it pays: MJRLE)");
    }

    @Test
    void aBundleWithAReportedCqsNeedsAScoreAndItsEpisodes() {
        Contract b = SimFixtures.contract(SimFixtures.BUNDLE);
        Scenario noScore = SimFixtures.scenario(dir, "n.yaml", """
                name: x
                population: {members: 10}
                episodes:
                  MJRLE: {count: 1, cost: {distribution: fixed, value: 1}}
                """);
        assertThatThrownBy(() -> SimulationModel.bind(b, noScore))
                .hasMessage(dir.resolve("n.yaml") + ": quality.score: is required: contract 'bundle-test' takes a reported quality score (no source arrangement is named for it)");
        Scenario noEpisodes = SimFixtures.scenario(dir, "m.yaml", """
                name: x
                population: {members: 10}
                quality: {score: {distribution: fixed, value: 1}}
                """);
        assertThatThrownBy(() -> SimulationModel.bind(b, noEpisodes))
                .hasMessage(dir.resolve("m.yaml") + ": episodes.MJRLE: is required: episode type 'MJRLE' is paid by arrangement 'bpci' of contract 'bundle-test'");
    }

    @Test
    void aPercentOfPaidBonusNeedsCost() {
        Contract c = SimFixtures.contract(SimFixtures.P4P_AND_BUNDLE);
        Scenario s = SimFixtures.scenario(dir, "s.yaml", """
                name: x
                population: {members: 10}
                quality:
                  measures:
                    A: {eligibleShare: 1, rate: {distribution: fixed, value: 1}}
                    B: {eligibleShare: 1, rate: {distribution: fixed, value: 1}}
                episodes:
                  MJRLE: {count: 1, cost: {distribution: fixed, value: 1}}
                  CHF: {count: 1, cost: {distribution: fixed, value: 1}}
                """);
        assertThatThrownBy(() -> SimulationModel.bind(c, s))
                .hasMessage(dir.resolve("s.yaml") + ": cost: is required: contract 'combined-test' settles on claims cost (shared savings or a percent-of-paid bonus)");
    }
}
