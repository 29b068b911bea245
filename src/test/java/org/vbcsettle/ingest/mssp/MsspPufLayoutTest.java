package org.vbcsettle.ingest.mssp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbcsettle.money.Money;
import org.vbcsettle.contract.mssp.MsspTrack;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two PUF layouts that name things differently: the PY2019–2021 flag columns for the track, and the PY2013
 * file with {@code ACO Identifier} and its values one column right of their labels from column 13 on. The
 * fixtures are written by hand; the published amounts in them are worked out here.
 */
class MsspPufLayoutTest {

    @TempDir
    Path dir;

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(MsspPufLayoutTest.class.getResource("/ingest/mssp/" + name).toURI());
    }

    @Test
    void flagColumnsNameTheTrack() throws Exception {
        MsspPuf puf = MsspPufReader.read(fixture("mssp-puf-py2021-flags.csv"), null);
        assertThat(puf.performanceYear()).isEqualTo(2021);
        assertThat(puf.layoutNote()).isEmpty();
        assertThat(puf.rows()).extracting(MsspPufRow::track).containsExactly(MsspTrack.BASIC_A, MsspTrack.BASIC_E,
                MsspTrack.ENHANCED, MsspTrack.ENHANCED, MsspTrack.TRACK_1_PLUS, MsspTrack.BASIC_C);
    }

    @Test
    void py2021FullRateForTheQualityStandardReproducesTheFlagFixture() throws Exception {
        // PY2021 (42 CFR 425.512(a), CY2021 PFS final rule): meeting the standard earns the maximum rate, not
        // rate × score; sequestration 2% (paid after the CARES Act suspension ended).
        // A1001 BASIC A, 6,000 → MSR 3.6%; savings 500,000 = 5% → 40% (not 40% × 0.90) → 200,000 × 0.98 = 196,000
        // A1002 BASIC E, MSR 1%; savings 3,000,000 → 50% → 1,500,000 × 0.98 = 1,470,000
        // A1003 ENHANCED, MSR 2%; savings 4,000,000 → 75% → 3,000,000 × 0.98 = 2,940,000 (cap 20% × 50M not reached)
        // A1004 Track 3 = ENHANCED, MSR 2%; savings 1,000,000 = 5% → 750,000 × 0.98 = 735,000
        // A1005 Track 1+, MSR 1%; savings 300,000 = 3% → 50% → 150,000 × 0.98 = 147,000
        // A1006 BASIC C, standard not met → nothing
        MsspReconciliation.Report report = MsspReconciliation.reconcile(MsspPufReader.read(fixture("mssp-puf-py2021-flags.csv"), null));
        assertThat(report.outcomes()).extracting(o -> o.computed().toDollars().intValueExact())
                .containsExactly(196_000, 1_470_000, 2_940_000, 735_000, 147_000, 0);
        assertThat(report.matched()).isEqualTo(6);
        assertThat(report.byRounding()).isZero();
    }

    @Test
    void anAffectedAcoThatReceivedTheFloorScoreMeetsTheStandard_425_512b() throws IOException {
        // 42 CFR 425.512(b) (extreme and uncontrollable circumstances, from PY2021): an affected ACO (DisAffQual 1)
        // that received the 30th percentile MIPS quality score (Recvd30p 1) meets the quality standard; a file with
        // no Met_QPS column then says so only through these flags.
        // B1: ENHANCED, fixed MSR 2%, 10,000 assigned; savings 1,000,000 = 10% → 75% → 750,000 × 0.98 = 735,000
        // B2: the same figures, not affected, no percentile met → standard not met → nothing
        Path p = dir.resolve("mssp-puf-py2022.csv");
        Files.writeString(p, "ACO_ID,Current_Track,N_AB,ABtotBnchmk,ABtotExp,MinSavPerc,QualScore,Met_30pctl,DisAffQual,Recvd30p,EarnSaveLoss\n"
                + "B1,EN,10000,10000000,9000000,2.00%,70.63,0,1,1,735000\n"
                + "B2,EN,10000,10000000,9000000,2.00%,60.00,0,0,0,0\n", StandardCharsets.UTF_8);
        MsspReconciliation.Report report = MsspReconciliation.reconcile(MsspPufReader.read(p, null));
        assertThat(report.outcomes()).extracting(o -> o.computed().toDollars().intValueExact()).containsExactly(735_000, 0);
        assertThat(report.matched()).isEqualTo(2);
    }

    @Test
    void flagColumnsWithNoFlagSetNameTheFlagsLookedAt() throws IOException {
        Path p = dir.resolve("mssp-puf-py2020.csv");
        Files.writeString(p, "ACO_ID,Current_BASIC_A,Current_ENHANCED,N_AB,ABtotBnchmk,ABtotExp,EarnSaveLoss\n"
                + "A1,0,0,100,1000,900,0\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MsspPufReader.read(p, null))
                .hasMessageContaining("line 2 (ACO A1)")
                .hasMessageContaining("no track flag is set (Current_BASIC_A=0, Current_ENHANCED=0)");
    }

    @Test
    void anUnknownLayoutNamesTheColumnsLookedForAndFound() throws IOException {
        Path p = dir.resolve("mssp-puf-py2021.csv");
        Files.writeString(p, "ACO_ID,N_AB,ABtotBnchmk,ABtotExp,EarnSaveLoss,Risk\nA1,100,1000,900,0,x\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MsspPufReader.read(p, null))
                .hasMessageContaining("no track column (looked for Current_Track")
                .hasMessageContaining("Current_BASIC_A")
                .hasMessageContaining("found ACO_ID, N_AB, ABtotBnchmk, ABtotExp, EarnSaveLoss, Risk");
        Files.writeString(p, "Id,Beneficiaries\nA1,100\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MsspPufReader.read(p, null))
                .hasMessageContaining("no column for the ACO id (looked for ACO_ID")
                .hasMessageContaining("found Id, Beneficiaries");
    }

    @Test
    void thePy2013LayoutIsReadByPositionAndSaysSo() throws Exception {
        MsspPuf puf = MsspPufReader.read(fixture("mssp-puf-py2013-shifted.csv"), null);
        assertThat(puf.performanceYear()).isEqualTo(2013);
        assertThat(puf.layoutNote()).contains("PY2013 layout").contains("from column 13 on").contains("read by position");
        MsspPufRow r1 = puf.rows().get(0);
        assertThat(r1.acoId()).isEqualTo("A0001");
        assertThat(r1.track()).isEqualTo(MsspTrack.TRACK_1);
        assertThat(r1.agreementStart()).isEqualTo(LocalDate.of(2012, 4, 1));
        // the label ABtotBnchmk stands in column 13, its value in column 14
        assertThat(r1.benchmark()).isEqualTo(Money.ofDollars(100_000_000));
        assertThat(r1.expenditure()).isEqualTo(Money.ofDollars(96_000_000));
        assertThat(r1.assigned()).isEqualTo(10_000);
        assertThat(r1.payForReporting()).isTrue();
        assertThat(r1.minimumSavingsRate()).isEqualByComparingTo("0.03");
        assertThat(r1.publishedEarned()).isEqualTo(Money.ofDollars(1_960_000));
    }

    @Test
    void py2013RulesReproduceTheShiftedFixture() throws Exception {
        // 42 CFR 425.604(d), 425.606(d) as of PY2013 (first performance year: pay for reporting, full credit):
        // A0001 Track 1, 10,000 assigned → MSR 3.0%; savings 4,000,000 = 4% → 50% → 2,000,000 × 0.98 = 1,960,000
        // A0002 Track 2, fixed MSR 2%; savings 5,000,000 = 3.3% → 60% → 3,000,000 × 0.98 = 2,940,000
        // A0003 Track 1, 5,000 assigned → MSR 3.9%; savings 2% → nothing
        // A0004 Track 2, losses 4,000,000 = 5% ≥ 2%; loss rate 1 − 0.6 × 1 = 40% → 1,600,000; limit 5% × 80,000,000
        //       (agreement year 1, 425.606(g)) = 4,000,000 not reached → owes 1,600,000
        MsspReconciliation.Report report = MsspReconciliation.reconcile(MsspPufReader.read(fixture("mssp-puf-py2013-shifted.csv"), null));
        assertThat(report.outcomes()).extracting(o -> o.computed().toDollars().intValueExact())
                .containsExactly(1_960_000, 2_940_000, 0, -1_600_000);
        assertThat(report.matched()).isEqualTo(4);
    }

    @Test
    void aPy2013HeaderWhoseRowsAreNotShiftedIsRefusedSayingWhy() throws IOException {
        Path p = dir.resolve("mssp-puf-py2013.csv");
        Files.writeString(p, "ACO Identifier,Track,N_AB,ABtotBnchmk,ABtotExp,EarnSaveLoss\nA1,1,100,1000,900,0\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MsspPufReader.read(p, null))
                .hasMessageContaining("'ACO Identifier' (the PY2013 layout")
                .hasMessageContaining("first row has 6 cells for 6 labels, not one more: refusing to read it by position");
    }

    @Test
    void theGuardrailColumnIsReadAndHonoured() throws IOException {
        // 42 CFR 425.652(b)(5)(ii), PY2024: BASIC E, fixed MSR 1%, benchmark 100,000,000, expenditure 97,000,000.
        // Without the guardrail 3,000,000 × 50% = 1,500,000 × 0.98 = 1,470,000; CMS paid nothing to the ACOs under it.
        // A2 gives the recalculated benchmark instead of a flag: 97,000,000 < 98,000,000 → the guardrail applies.
        // A3's recalculated benchmark 96,000,000 is below its expenditure → it does not apply → 1,470,000.
        Path p = dir.resolve("mssp-puf-py2024.csv");
        Files.writeString(p, "ACO_ID,Current_Track,N_AB,MinSavPerc,ABtotBnchmk,ABtotExp,EarnSaveLoss,Met_QPS,QualScore,Guardrail\n"
                + "A1,E,20000,1.00%,100000000,97000000,0,1,90.00%,1\n"
                + "A2,E,20000,1.00%,100000000,97000000,0,1,90.00%,\"$98,000,000\"\n"
                + "A3,E,20000,1.00%,100000000,97000000,\"$1,470,000\",1,90.00%,\"$96,000,000\"\n"
                + "A4,E,20000,1.00%,100000000,97000000,\"$1,470,000\",1,90.00%,0\n", StandardCharsets.UTF_8);
        MsspPuf puf = MsspPufReader.read(p, null);
        assertThat(puf.rows()).extracting(MsspPufRow::guardrail).containsExactly(true, true, false, false);
        MsspReconciliation.Report report = MsspReconciliation.reconcile(puf);
        assertThat(report.outcomes()).extracting(o -> o.computed().toDollars().intValueExact())
                .containsExactly(0, 0, 1_470_000, 1_470_000);
        assertThat(report.matched()).isEqualTo(4);
    }
}
