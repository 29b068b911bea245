package org.vbcsettle.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void simulatesAnExampleContractWithASweepAndWritesTheThreeFiles() throws Exception {
        Path out = dir.resolve("out");
        Run r = run("simulate", "--scenario", "simulations/hedis-p4p.yaml", "--trials", "30", "--seed", "5",
                "--threads", "2", "--out", out.toString(), "--vary", "population.churn=0:0.1:0.05");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("harbor-ipa-hedis-p4p-2024", "provider payout", "P(savings earned)", "Sweep of population.churn");
        assertThat(out.resolve("results.csv")).exists();
        assertThat(out.resolve("summary.json")).exists();
        assertThat(Files.readString(out.resolve("report.html"))).contains("<svg");
        // no terminal here: no progress bar on stderr
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aBadScenarioIsExitCodeTwoWithThePreciseError() throws Exception {
        Path bad = dir.resolve("x.yaml");
        Files.writeString(bad, """
                name: x
                contract: ../contracts/mssp-basic-e.yaml
                population: {members: 100}
                cost:
                  severity: {distribution: lognormal, mean: 9000, sigma: -1}
                """);
        Run r = run("simulate", "--contract", "contracts/mssp-basic-e.yaml", "--scenario", bad.toString(), "--trials", "5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("simulate: " + bad + ": cost.severity.sigma: must be > 0, was -1");
    }

    @Test
    void aBadSweepOrMissingContractIsReported() throws Exception {
        Run r = run("simulate", "--scenario", "simulations/hedis-p4p.yaml", "--trials", "5", "--vary", "trend=0.05:0.01:0.01");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--vary trend=0.05:0.01:0.01: to (0.01) is below from (0.05)");
        Run m = run("simulate", "--contract", dir.resolve("none.yaml").toString(), "--scenario", "simulations/hedis-p4p.yaml");
        assertThat(m.code()).isEqualTo(2);
        assertThat(m.err()).contains("none.yaml: no such contract file");
    }

    @Test
    void benchSimulateRunsTheSimpleModelAndRejectsAnUnknownOne() {
        Run r = run("bench", "simulate", "--model", "simple", "--trials", "4", "--members", "300", "--threads", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("simple model", "ns per member-year", "floor", "mean payout");
        Run bad = run("bench", "simulate", "--model", "fancy", "--trials", "4");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--model is built-in or simple, was 'fancy'");
    }

    @Test
    void clusterWithoutSeedNodesIsABadOption() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("VBC_SEED_NODES") == null);
        Run r = run("simulate", "--scenario", "simulations/hedis-p4p.yaml", "--trials", "3", "--cluster",
                "--out", dir.resolve("c").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("simulate: --cluster: give the cluster's seed nodes, or set VBC_SEED_NODES");
        Run malformed = run("simulate", "--scenario", "simulations/hedis-p4p.yaml", "--trials", "3", "--cluster=http://x:1",
                "--out", dir.resolve("c").toString());
        assertThat(malformed.code()).isEqualTo(2);
        assertThat(malformed.err()).contains("akka://vbc-settle@host:port, was 'http://x:1'");
    }
}
