package org.vbcsettle.ingest.mssp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbcsettle.money.Money;
import org.vbcsettle.contract.mssp.MsspTrack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A PY2024-style PUF made by hand: column names of later files, formats CMS has used, Latin-1 text after a UTF-8
 * byte-order mark, and an expected EarnSaveLoss per row computed in the comments from 42 CFR 425 as it stands
 * for PY2024.
 */
class MsspPufReaderTest {

    @TempDir
    Path dir;

    static final String HEADER = "ACO_ID,ACO_Name,Agree_Type,Current_Start_Date,Current_Track,Risk_Model,N_AB,MinSavPerc,"
            + "ABtotBnchmk,ABtotExp,GenSaveLoss,DisAdj,EarnSaveLoss,Met_QPS,Met_AltQPS,QualScore,FinalShareRate,Rev_Exp_Cat\n";

    // GenSaveLoss and FinalShareRate hold nonsense on purpose: the reconciliation must never read them.
    static final String ROWS = ""
            // BASIC B, low revenue, agreement from 2024: savings 200,000 = 2% < MSR 3.6% (6,000 assigned);
            // 425.605(h): 40% × 1/2 = 20% → 40,000 × 0.98 = 39,200
            + "A9001,Clínica Norte ACO,Initial,01/01/2024,B,One-Sided,\"6,000\",3.60%,\"$10,000,000\",\"$9,800,000\",999,-,\"$39,200\",1,0,80.00%,99%,Low Revenue\n"
            // BASIC E, fixed MSR/MLR 1%: savings 3,000,000 = 3% → 50% → 1,500,000 × 0.98 = 1,470,000
            + "A9002,Two,Renewal,07/01/2019,E,Two-Sided,\"20,000\",1.00%,\"$100,000,000\",\"$97,000,000\",1,-,\"$1,470,000\",1,0,91.10%,1%,High Revenue\n"
            // ENHANCED, only the alternative standard: 75% × 0.7250 = 54.375%; savings 4,000,000 (8% ≥ 2%)
            // → 2,175,000 × 0.98 = 2,131,500
            + "A9003,Three,Renewal,01/01/2022,EN,Two-Sided,\"30,000\",2.00%,\"$50,000,000\",\"$46,000,000\",1,-,\"$2,131,500\",0,1,72.50%,1%,High Revenue\n"
            // ENHANCED losses 2,000,000 (4% ≥ 2%); quality 0.90 → 1 − 0.675 = 0.325, floor 40% → 800,000;
            // limit 15% × 50,000,000 not reached; DisAdj 200,000 → owes 600,000
            + "A9004,Four,Renewal,01/01/2022,ENHANCED,Two-Sided,\"30,000\",2.00%,\"$50,000,000\",\"$52,000,000\",1,\"$(200,000)\",\"$(600,000)\",1,0,90.00%,1%,High Revenue\n"
            // BASIC A, no printed MSR → table (3,000 → 5.0%); savings 4% < 5%, high revenue → nothing ('-')
            + "A9005,Five,Initial,01/01/2024,BASIC Level A,One-Sided,3000,-,20000000,19200000,1,,-,1,0,85.00%,1%,High Revenue\n"
            // BASIC C, neither quality standard: savings 10% ≥ MSR but nothing shared
            + "A9006,Six,Initial,01/01/2024,C,Two-Sided,8000,2.00%,10000000,9000000,1,,0,0,0,30.00%,1%,Low Revenue\n";

    Path write(String name, String text) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.write(text.getBytes(StandardCharsets.ISO_8859_1));
        Path p = dir.resolve(name);
        Files.write(p, b.toByteArray());
        return p;
    }

    @Test
    void readsALaterYearsFormats() throws IOException {
        MsspPuf puf = MsspPufReader.read(write("mssp-puf-py2024.csv", HEADER + ROWS), null);
        assertThat(puf.performanceYear()).isEqualTo(2024);
        assertThat(puf.rows()).hasSize(6);
        MsspPufRow r1 = puf.rows().get(0);
        assertThat(r1.acoId()).isEqualTo("A9001");
        assertThat(r1.line()).isEqualTo(2);
        assertThat(r1.assigned()).isEqualTo(6_000);
        assertThat(r1.benchmark()).isEqualTo(Money.ofDollars(10_000_000));
        assertThat(r1.minimumSavingsRate()).isEqualByComparingTo("0.036");
        assertThat(r1.minimumSavingsRateHalfStep()).isEqualByComparingTo("0.00005");
        assertThat(r1.qualityScore()).isEqualByComparingTo("0.80");
        assertThat(r1.track()).isEqualTo(MsspTrack.BASIC_B);
        assertThat(r1.agreementStart()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(r1.lowRevenue()).isTrue();
        assertThat(r1.metAltQps()).isFalse();
        assertThat(puf.rows().get(3).disasterAdjustment()).isEqualTo(Money.ofDollars(200_000));
        assertThat(puf.rows().get(3).publishedEarned()).isEqualTo(Money.ofDollars(-600_000));
        assertThat(puf.rows().get(4).minimumSavingsRate()).isNull();
        assertThat(puf.rows().get(4).publishedEarned()).isEqualTo(Money.ZERO);
        assertThat(puf.rows().get(4).track()).isEqualTo(MsspTrack.BASIC_A);
        assertThat(puf.columns()).containsEntry("MET_ALT_QPS", "Met_AltQPS").containsEntry("AGREEMENT_START", "Current_Start_Date")
                .doesNotContainKey("GenSaveLoss");
    }

    @Test
    void reconcilesThePy2024RulesFromInputsOnly() throws IOException {
        MsspReconciliation.Report report = MsspReconciliation.reconcile(MsspPufReader.read(write("mssp-puf-py2024.csv", HEADER + ROWS), null));
        Map<String, Long> computed = report.outcomes().stream()
                .collect(Collectors.toMap(o -> o.row().acoId(), o -> o.computed().cents() / 100));
        assertThat(computed).containsExactlyInAnyOrderEntriesOf(Map.of(
                "A9001", 39_200L, "A9002", 1_470_000L, "A9003", 2_131_500L, "A9004", -600_000L, "A9005", 0L, "A9006", 0L));
        assertThat(report.summary()).isEqualTo("6 ACOs: 6 exact (within $2), 0 only within the rounding interval of a published input,"
                + " 0 differ");
    }

    @Test
    void aMissingColumnNamesTheFileAndTheNamesTried() throws IOException {
        Path p = write("mssp-puf-py2024.csv", "ACO_ID,N_AB,ABtotBnchmk,EarnSaveLoss,Current_Track\nA1,10,100,0,A\n");
        assertThatThrownBy(() -> MsspPufReader.read(p, null)).isInstanceOf(PufFormatException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining("total expenditure").hasMessageContaining("ABtotExp");
    }

    @Test
    void aBadCellNamesLineAcoAndColumn() throws IOException {
        Path p = write("mssp-puf-py2024.csv", HEADER + ROWS.replace("\"$50,000,000\",\"$52,000,000\"", "\"$50,000,000\",12x"));
        assertThatThrownBy(() -> MsspPufReader.read(p, null)).isInstanceOf(PufFormatException.class)
                .hasMessageContaining(p + " line 5 (ACO A9004): column ABtotExp").hasMessageContaining("12x");
        Path t = write("mssp-puf-py2024.csv", HEADER + ROWS.replace(",EN,", ",Z,"));
        assertThatThrownBy(() -> MsspPufReader.read(t, null))
                .hasMessageContaining("line 4 (ACO A9003): column Current_Track").hasMessageContaining("'Z' is no MSSP track");
    }

    @Test
    void yearFromOverrideOrNameElseAClearError() throws IOException {
        Path p = write("aco-results.csv", HEADER + ROWS);
        assertThatThrownBy(() -> MsspPufReader.read(p, null)).hasMessageContaining("performance year").hasMessageContaining("--year");
        assertThat(MsspPufReader.read(p, 2024).performanceYear()).isEqualTo(2024);
    }

    @Test
    void parsesTheCellFormatsOfEveryYear() {
        assertThat(PufValues.number("6.46%").fraction(false)).isEqualByComparingTo("0.0646");
        assertThat(PufValues.number("6.46").fraction(true)).isEqualByComparingTo("0.0646");
        assertThat(PufValues.dollars("$1,234")).isEqualTo(Money.ofDollars(1_234));
        assertThat(PufValues.dollars("(1,234)")).isEqualTo(Money.ofDollars(-1_234));
        assertThat(PufValues.isBlank("-")).isTrue();
        assertThat(PufValues.date("07/01/2012")).isEqualTo(LocalDate.of(2012, 7, 1));
        assertThat(PufValues.date("7/1/12")).isEqualTo(LocalDate.of(2012, 7, 1));
        assertThat(PufValues.date("1/1/16 00:00")).isEqualTo(LocalDate.of(2016, 1, 1));
        assertThat(PufValues.date("01/01/2016 12:00:00 AM")).isEqualTo(LocalDate.of(2016, 1, 1));
        assertThat(PufValues.date("2019-07-01")).isEqualTo(LocalDate.of(2019, 7, 1));
        assertThat(PufValues.date("01JUL2019")).isEqualTo(LocalDate.of(2019, 7, 1));
        assertThat(MsspTrack.parse("BASIC Level E")).isEqualTo(MsspTrack.BASIC_E);
        assertThat(MsspTrack.parse("Track 1+")).isEqualTo(MsspTrack.TRACK_1_PLUS);
        assertThat(new BigDecimal("0.0646")).isEqualByComparingTo(PufValues.number("0.0646").fraction(false));
        assertThatThrownBy(() -> PufValues.dollars("1.005")).hasMessageContaining("fractions of a cent");
    }
}
