package org.vbcsettle.simulation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepTest {
    @TempDir
    Path dir;

    @Test
    void parsesExactDecimalSteps() {
        Sweep s = Sweep.parse("trend=0.01:0.05:0.01");
        assertThat(s.path()).isEqualTo("trend");
        // exact decimals: no 0.30000000000000004 drift, and the end point included
        assertThat(s.values()).extracting(BigDecimal::toPlainString).containsExactly("0.01", "0.02", "0.03", "0.04", "0.05");
        assertThat(Sweep.parse("cost.tiers[1].severity.sigma=0.5:1.0:0.25").values()).hasSize(3);
    }

    @Test
    void rejectsMalformedSpecs() {
        assertThatThrownBy(() -> Sweep.parse("trend=0.01:0.05")).hasMessageContaining("expected path=from:to:step");
        assertThatThrownBy(() -> Sweep.parse("trend=0.05:0.01:0.01")).hasMessageContaining("is below from");
        assertThatThrownBy(() -> Sweep.parse("trend=0.01:0.05:0")).hasMessageContaining("step must be > 0");
        assertThatThrownBy(() -> Sweep.parse("trend=0:1000:1")).hasMessageContaining("more than 101 points");
    }

    @Test
    void setsAParameterByPathAndValidatesAgain() throws IOException {
        Path p = dir.resolve("s.yaml");
        Files.writeString(p, ScenarioReaderTest.GOOD);
        Scenario s = ScenarioReader.read(p);
        assertThat(Sweep.withParameter(s, "trend", new BigDecimal("0.05")).trend()).isEqualTo(0.05);
        Scenario t = Sweep.withParameter(s, "cost.tiers[1].severity.mean", new BigDecimal("12000"));
        assertThat(t.cost().tiers().get(1).severity()).isEqualTo(new Distribution.Gamma(12000, 1.5));
        assertThat(Sweep.withParameter(s, "quality.measures.CBP.eligibleShare", new BigDecimal("0.4"))
                .quality().measures().get("CBP").eligibleShare()).isEqualTo(0.4);
        // the original is untouched
        assertThat(s.trend()).isEqualTo(0.03);
        // a value out of range fails with the reader's message
        assertThatThrownBy(() -> Sweep.withParameter(s, "cost.tiers[0].severity.sigma", new BigDecimal("-1")))
                .hasMessage(p + ": cost.tiers[0].severity.sigma: must be > 0, was -1");
        assertThatThrownBy(() -> Sweep.withParameter(s, "cost.tiers[7].severity.sigma", BigDecimal.ONE))
                .hasMessage(p + ": cost.tiers[7].severity.sigma: --vary: no such parameter in the scenario");
        assertThatThrownBy(() -> Sweep.withParameter(s, "cost.tiers", BigDecimal.ONE))
                .hasMessage(p + ": cost.tiers: --vary: not a numeric parameter (it holds a list)");
        assertThatThrownBy(() -> Sweep.withParameter(s, "population.sizee", BigDecimal.ONE))
                .hasMessageContaining("population.sizee: unknown field");
    }
}
