package org.vbcsettle.simulation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioReaderTest {
    @TempDir
    Path dir;

    static final String GOOD = """
            name: test population
            population:
              members: 1000
              monthsEnrolled: {fullYearShare: 0.9}
              riskScore: {distribution: lognormal, mean: 1.0, sigma: 0.5}
              churn: 0.05
            cost:
              noClaimsProbability: 0.1
              tiers:
                - {maxRiskScore: 0.8, severity: {distribution: lognormal, mean: 4000, sigma: 1.0}}
                - {maxRiskScore: 1.5, severity: {distribution: gamma, mean: 9000, shape: 1.5}}
                - {severity: {distribution: lognormal, mean: 25000, sigma: 1.2}}
              heavyTail: {probability: 0.01, severity: {distribution: pareto, scale: 100000, shape: 2.2}}
            trend: 0.03
            trendSd: 0.01
            quality:
              score: {distribution: beta, alpha: 80, beta: 20}
              measures:
                CBP: {eligibleShare: 0.3, exclusionShare: 0.02, rate: {distribution: beta, alpha: 70, beta: 30}}
            episodes:
              MJRLE: {perThousandMemberYears: 12, cost: {distribution: lognormal, mean: 28000, sigma: 0.3}}
            benchmark:
              pmpm: "$1,050.00"
              participantRevenue: "$4,000,000.00"
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsAWellFormedScenario() throws IOException {
        Scenario s = ScenarioReader.read(write("good.yaml", GOOD));
        assertThat(s.name()).isEqualTo("test population");
        assertThat(s.population().members()).isEqualTo(1000);
        assertThat(s.population().fullYearShare()).isEqualTo(0.9);
        assertThat(s.cost().tiers()).hasSize(3);
        assertThat(s.cost().tiers().get(2).maxRiskScore()).isNull();
        assertThat(s.cost().tiers().get(1).severity()).isEqualTo(new Distribution.Gamma(9000, 1.5));
        assertThat(s.cost().heavyTail().severity()).isEqualTo(new Distribution.Pareto(100000, 2.2));
        assertThat(s.trend()).isEqualTo(0.03);
        assertThat(s.trendYears()).isEqualTo(1);
        assertThat(s.quality().measures().get("CBP").exclusionShare()).isEqualTo(0.02);
        assertThat(s.episodes().get("MJRLE").perThousandMemberYears()).isEqualTo(12.0);
        assertThat(s.benchmark().pmpm().cents()).isEqualTo(105_000);
        assertThat(s.benchmark().participantRevenue().cents()).isEqualTo(400_000_000);
    }

    private void assertError(String text, String expected) throws IOException {
        Path p = write("x.yaml", text);
        assertThatThrownBy(() -> ScenarioReader.read(p))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(p + ": " + expected);
    }

    private static String minimal(String cost) {
        return "name: x\npopulation: {members: 100}\ncost:\n" + cost;
    }

    @Test
    void negativeSigmaNamesFileFieldAndValue() throws IOException {
        assertError(minimal("  severity: {distribution: lognormal, mean: 9000, sigma: -1}\n"),
                "cost.severity.sigma: must be > 0, was -1");
    }

    @Test
    void errorsInsideListsNameTheIndex() throws IOException {
        assertError(minimal("""
                  tiers:
                    - {maxRiskScore: 1.0, severity: {distribution: lognormal, mean: 9000, sigma: 1}}
                    - {severity: {distribution: gamma, mean: 0, shape: 2}}
                """), "cost.tiers[1].severity.mean: must be > 0, was 0");
        assertError(minimal("""
                  tiers:
                    - {maxRiskScore: 1.5, severity: {distribution: fixed, value: 1}}
                    - {maxRiskScore: 1.0, severity: {distribution: fixed, value: 1}}
                    - {severity: {distribution: fixed, value: 1}}
                """), "cost.tiers[1].maxRiskScore: tiers must be in increasing order of maxRiskScore, was 1 after 1.5");
    }

    @Test
    void unknownFieldsAndKindsAreRejected() throws IOException {
        assertError(minimal("  severity: {distribution: lognormal, mean: 9000, sigma: 1, sd: 3}\n"),
                "cost.severity.sd: unknown field (expected one of: distribution, mean, sigma)");
        assertError(minimal("  severity: {distribution: weibull, mean: 9000}\n"),
                "cost.severity.distribution: must be one of fixed, gamma, lognormal, was \"weibull\"");
        assertError("name: x\npopulation: {members: 100, memebrs: 3}\n",
                "population.memebrs: unknown field (expected one of: members, monthsEnrolled, riskScore, churn)");
    }

    @Test
    void typesRangesAndMoneyAreChecked() throws IOException {
        assertError("name: x\npopulation: {members: lots}\n", "population.members: must be a whole number, was \"lots\"");
        assertError("name: x\npopulation: {members: 0}\n", "population.members: must be between 1 and 10000000, was 0");
        assertError("name: x\npopulation: {members: 10, churn: 1.5}\n", "population.churn: must be a probability between 0 and 1, was 1.5");
        assertError("name: x\npopulation: {members: 10}\nbenchmark: {pmpm: 1050}\n",
                "benchmark.pmpm: an amount is a dollar string such as \"$1,050.00\", was 1050");
        assertError("name: x\npopulation: {members: 10}\ncost: {heavyTail: {probability: 0.1, severity: {distribution: pareto, scale: 1000, shape: 0.9}}, severity: {distribution: fixed, value: 1}}\n",
                "cost.heavyTail.severity.shape: must be > 1 (a finite mean needs shape > 1), was 0.9");
        assertError("name: x\npopulation: {members: 10}\nepisodes: {MJRLE: {count: 3, perThousandMemberYears: 2, cost: {distribution: fixed, value: 1}}}\n",
                "episodes.MJRLE: give exactly one of perThousandMemberYears (Poisson volume) and count (fixed volume)");
        assertError("name: x\npopulation: {members: 10}\nquality: {measures: {CBP: {eligibleShare: 0.5, rate: {distribution: fixed, value: 1.2}}}}\n",
                "quality.measures.CBP.rate.value: must be a probability between 0 and 1, was 1.2");
    }

    @Test
    void missingFieldsAndBadDocuments() throws IOException {
        assertError("population: {members: 10}\n", "name: is required");
        assertError("name: x\n", "population: is required");
        assertError("name: x\npopulation: {members: 10}\ncost: {noClaimsProbability: 0.1}\n",
                "cost: give exactly one of severity (one distribution for every member) and tiers (by risk score)");
        assertError("- a\n- b\n", "(document): a scenario is a YAML mapping of fields, was array".replace("(document): ", ""));
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ScenarioReader.read(missing)).hasMessage(missing + ": no such file");
        Path bad = write("bad.yaml", "name: [unclosed\n");
        assertThatThrownBy(() -> ScenarioReader.read(bad)).hasMessageStartingWith(bad + ": not valid YAML:");
    }
}
