package org.vbcsettle.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcileMsspCommandTest {

    @TempDir
    Path dir;

    static Path puf(String year) {
        return Path.of(System.getProperty("vbc.shared.data", "../shared/data"), "mssp", "mssp-puf-py" + year + ".csv");
    }

    @Test
    void printsTheSummaryAndTheDifferingRowsAndWritesTheCsv() throws IOException {
        Path out = dir.resolve("out/py2014.csv");
        CliRun r = CliRun.of("reconcile-mssp", "--puf", puf("2014").toString(), "--out", out.toString());
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("333 ACOs: 331 exact (within $2), 0 only within the rounding interval of a published input,"
                + " 2 differ");
        assertThat(r.out()).contains("A80939").contains("A23913").contains("paid nothing");
        List<String> csv = Files.readAllLines(out);
        assertThat(csv.get(0)).isEqualTo("aco_id,computed_earned,published_earned,difference");
        assertThat(csv).hasSize(334);
        // A67373: 14,455,933 computed and published (see SharedSavingsCalculatorTest); A80939 differs by 1,664,102
        assertThat(csv).contains("A67373,14455933,14455933,0", "A80939,1664102,0,1664102");
    }

    @Test
    void lossesAreNegative() throws IOException {
        Path out = dir.resolve("py2018.csv");
        CliRun r = CliRun.of("reconcile-mssp", "--puf", puf("2018").toString(), "--out", out.toString(), "--explain", "A3743");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("548 ACOs: 372 exact (within $2), 176 only within the rounding interval of a published"
                + " input, 0 differ");
        // A3743, Track 3, quality standard not met: losses 2,828,054 × 75% = 2,121,040.50, less DisAdj 2,797 → 2,118,244
        assertThat(Files.readAllLines(out)).contains("A3743,-2118244,-2118244,0");
        assertThat(r.out()).contains("Shared losses owed");
    }

    @Test
    void unreadableInputExitsNonZeroNamingFileRowAndColumn() throws IOException {
        CliRun missing = CliRun.of("reconcile-mssp", "--puf", dir.resolve("nope.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.csv").contains("no such file");

        Path bad = dir.resolve("mssp-puf-py2022.csv");
        List<String> lines = Files.readAllLines(puf("2022"));
        String row = lines.get(3).replaceFirst(",\\d+,\\d+\\.\\d+%", ",many,6.87%");
        Files.write(bad, List.of(lines.get(0), lines.get(1), lines.get(2), row));
        CliRun r = CliRun.of("reconcile-mssp", "--puf", bad.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(bad.toString()).contains("line 4 (ACO A1023): column N_AB").contains("many");
    }
}
