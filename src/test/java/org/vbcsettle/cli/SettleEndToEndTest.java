package org.vbcsettle.cli;

import org.junit.jupiter.api.Test;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.ArrangementResult;
import org.vbcsettle.settlement.Statement;
import org.vbcsettle.settlement.StatementRenderer;
import org.vbcsettle.settlement.bundled.BundledPaymentResult;
import org.vbcsettle.settlement.quality.MeasureResult;
import org.vbcsettle.settlement.quality.QualityIncentiveResult;
import org.vbcsettle.settlement.sharedsavings.SharedSavingsResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code settle} end to end, from files to the printed statement, on datasets whose figures are worked out
 * by hand below (never taken from the engine's own output).
 */
class SettleEndToEndTest {
    static final String TINY = "src/test/resources/settle/tiny/";

    /*
     * Member-months: M-1, M-2, M-3 × 12 months = 36; A-M-1-01-R replaces A-M-1-01 (still one month);
     * A-M-3-12-X retracts M-3's December: 35 member-months.
     *
     * Quality q: measure A: denominator {M-1, M-2}, numerator {M-1}: 1/2 = 0.5 ≥ target 0.5: 1 point.
     * Measure B (lower is better): denominator {M-1, M-2, M-3}, numerator {M-3} (Q-7 and Q-8 repeat the same
     * member): 1/3 > 0.3: 0 points. Composite = (1 × 1 + 1 × 0) / 2 = 0.5 ≥ gate 0.5.
     * Bonus = $10.00 × 35 × 0.5 = $175.00.
     *
     * Bundle bp: target = $20,000.00 × (1 − 0.05) = $19,000.00 per episode.
     * Episode of C-1 (M-1, 2024-03-01..03-04; window ends 03-04 + 89 days = 06-01): C-1 $15,000.00 + C-2R
     * $5,000.00 (replaces C-2's $6,000.00) + C-3 $300.00 = $20,300.00; C-4 (07-01) is outside the window.
     * Episode of C-5 (M-2): C-5 $18,000.00 + C-7 $9,000.00 = $27,000.00 (C-6 is voided by C-6V), capped at
     * $25,000.00. Reconciliation = (19,000 − 20,300) + (19,000 − 25,000) = −$7,300.00.
     * CQS = composite of q = 0.5: the repayment is reduced by 0.10 × 0.5 × 7,300.00 = $365.00 → −$6,935.00.
     * Stop-loss: 0.20 × $38,000.00 = $7,600.00, not reached. Amount −$6,935.00.
     * Total = $175.00 − $6,935.00 = −$6,760.00.
     */
    @Test
    void tinyQualityAndBundleContractSettlesToTheFiguresWorkedByHand() {
        CliRun r = CliRun.of("settle", "--contract", TINY + "quality-bundle.yaml", "--members", TINY + "members.csv",
                "--claims", TINY + "claims.ndjson", "--quality", TINY + "quality.csv", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Statement s = StatementRenderer.fromJson(r.out());
        assertThat(s.contractId()).isEqualTo("tiny-quality-bundle");
        assertThat(s.periodId()).isEqualTo("2024");
        assertThat(s.kind()).isEqualTo(Statement.Kind.FINAL);
        assertThat(s.arrangements()).extracting(ArrangementResult::arrangementId).containsExactly("q", "bp");
        ArrangementResult q = s.arrangements().get(0);
        assertThat(q.amount().cents()).isEqualTo(17_500);
        QualityIncentiveResult qf = q.figuresAs(QualityIncentiveResult.class);
        assertThat(qf.composite().toPlainString()).isEqualTo("0.500000");
        assertThat(measure(qf, "A").met()).isTrue();
        assertThat(measure(qf, "B").met()).isFalse();
        assertThat(measure(qf, "B").numerator()).isEqualTo(1);
        assertThat(measure(qf, "B").eligible()).isEqualTo(3);
        ArrangementResult bp = s.arrangements().get(1);
        BundledPaymentResult bf = bp.figuresAs(BundledPaymentResult.class);
        assertThat(bf.episodeCount()).isEqualTo(2);
        assertThat(bf.totalTarget()).isEqualTo(Money.ofCents(3_800_000));
        assertThat(bf.totalSpend()).isEqualTo(Money.ofCents(4_730_000));
        assertThat(bf.totalWinsorized()).isEqualTo(Money.ofCents(4_530_000));
        assertThat(bf.reconciliation()).isEqualTo(Money.ofCents(-730_000));
        assertThat(bf.qualityAdjustmentAmount()).isEqualTo(Money.ofCents(36_500));
        assertThat(bp.amount().cents()).isEqualTo(-693_500);
        assertThat(s.total().cents()).isEqualTo(-676_000);
    }

    @Test
    void textStatementOfTheTinyContract() {
        CliRun r = CliRun.of("settle", "--contract", TINY + "quality-bundle.yaml", "--members", TINY + "members.csv",
                "--claims", TINY + "claims.ndjson", "--quality", TINY + "quality.csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Final settlement statement")
                .contains("Arrangement q (quality-incentive)", "Arrangement bp (bundled-payment)")
                .containsPattern("  Amount of q +\\$175\\.00")
                .containsPattern("  Amount of bp +-\\$6,935\\.00")
                .containsPattern("Total +-\\$6,760\\.00  provider owes the payer");
    }

    /** The HEDIS example: figures printed by examples/generate.py (its own count of the events). */
    @Test
    void hedisExampleSettles() {
        CliRun r = CliRun.of("settle", "--contract", "contracts/hedis-p4p.yaml", "--members", "examples/members.csv",
                "--claims", "examples/claims.csv", "--quality", "examples/quality.ndjson", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Statement s = StatementRenderer.fromJson(r.out());
        ArrangementResult a = s.arrangements().get(0);
        // CBP 51/72 = 0.7083 → tier 0.68: 0.75; BCS-E 37/52 = 0.7115 → tier 0.65: 0.5;
        // HBD-PC 11/49 = 0.2245 ≤ 0.25: 0.75; COL-E 67/101 = 0.6634 < 0.72: 0.
        // composite = (3 × 0.75 + 1 × 0.5 + 3 × 0.75 + 1 × 0) / 8 = 0.625; 1,410 member-months
        // bonus = $4.00 × 1,410 × 0.625 = $3,525.00
        QualityIncentiveResult qf = a.figuresAs(QualityIncentiveResult.class);
        assertThat(measure(qf, "CBP").points()).isEqualByComparingTo("0.75");
        assertThat(measure(qf, "BCS-E").points()).isEqualByComparingTo("0.5");
        assertThat(measure(qf, "HBD-PC").points()).isEqualByComparingTo("0.75");
        assertThat(measure(qf, "COL-E").points()).isEqualByComparingTo("0");
        assertThat(qf.composite().toPlainString()).isEqualTo("0.625000");
        assertThat(s.total().cents()).isEqualTo(352_500);
    }

    @Test
    void bundleExampleSettlesWithTheReportedCqs() {
        CliRun r = CliRun.of("settle", "--contract", "contracts/bpci-advanced-bundles.yaml", "--members", "examples/members.csv",
                "--claims", "examples/claims.ndjson", "--reported", "examples/reported-bpci.yaml", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Statement s = StatementRenderer.fromJson(r.out());
        ArrangementResult a = s.arrangements().get(0);
        // 5 joint-replacement anchors (DRG 469/470) and 4 heart-failure anchors (291-293) in the example;
        // the readmission of the first CHF member falls inside that member's episode and opens none.
        BundledPaymentResult bf = a.figuresAs(BundledPaymentResult.class);
        assertThat(bf.episodeCount()).isEqualTo(9);
        assertThat(bf.types()).extracting(BundledPaymentResult.EpisodeType::episodeType).containsExactly("MJRLE", "CHF");
        assertThat(bf.types()).extracting(t -> t.episodes().size()).containsExactly(5, 4);
        // targets: $28,500.00 × 0.97 = $27,645.00 (× 5) and $22,400.00 × 0.97 = $21,728.00 (× 4)
        assertThat(bf.totalTarget()).isEqualTo(Money.ofCents(5 * 2_764_500L + 4 * 2_172_800L));
    }

    /*
     * Same members, claims and quality events as above; quality composite 0.5 (see above), bonus $175.00.
     * Benchmark = $1,500.00 × 35 member-months = $52,500.00 (no trend, no risk adjustment).
     * Expenditure = claims in effect with 2024 service in attributed months: C-1 $15,000.00 + C-2R $5,000.00
     * + C-3 $300.00 + C-4 $200.00 + C-5 $18,000.00 + C-7 $9,000.00 = $47,500.00.
     * Savings = $5,000.00, rate 9.52% ≥ MSR 2%. Composite 0.5 meets the standard 0.5: sharing rate 0.5.
     * $5,000.00 × 0.5 = $2,500.00 (cap 10% × $52,500.00 = $5,250.00 not reached); sequestration 2%:
     * $2,450.00 (whole dollars). Total = $175.00 + $2,450.00 = $2,625.00.
     */
    @Test
    void tinySharedSavingsGatedByQualitySettlesToTheFiguresWorkedByHand() {
        CliRun r = CliRun.of("settle", "--contract", TINY + "savings.yaml", "--members", TINY + "members.csv",
                "--claims", TINY + "claims.ndjson", "--quality", TINY + "quality.csv", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Statement s = StatementRenderer.fromJson(r.out());
        ArrangementResult ss = s.arrangements().get(1);
        assertThat(ss.arrangementId()).isEqualTo("ss");
        SharedSavingsResult sf = ss.figuresAs(SharedSavingsResult.class);
        assertThat(sf.benchmark()).isEqualTo(Money.ofCents(5_250_000));
        assertThat(sf.expenditure()).isEqualTo(Money.ofCents(4_750_000));
        assertThat(sf.savings()).isEqualTo(Money.ofCents(500_000));
        assertThat(sf.msrMet()).isTrue();
        assertThat(sf.memberMonths()).isEqualTo(35);
        assertThat(sf.quality().standardMet()).isTrue();
        assertThat(ss.amount().cents()).isEqualTo(245_000);
        assertThat(s.total().cents()).isEqualTo(262_500);
    }

    /*
     * MSSP BASIC Level E on the example data. Benchmark = $1,036.35 × 1.047 × risk factor × 1,410
     * member-months; average risk 1.075255 > 1.03 cap: factor 1.03 → $1,575,830.387 → $1,575,830.39.
     * Expenditure (generate.py: paid in attributed member-months) $1,516,238.94. Savings $59,591.45 = 3.78%
     * ≥ 2% MSR; reported quality score 0.82 ≥ 0.40: 50% → $29,795.73 (cap 10% not reached); less 2%
     * sequestration $29,199.81 → $29,200 in whole dollars.
     */
    @Test
    void msspBasicExampleSettles() {
        CliRun r = CliRun.of("settle", "--contract", "contracts/mssp-basic-e.yaml", "--members", "examples/members.csv",
                "--claims", "examples/claims.csv", "--reported", "examples/reported-mssp.yaml", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        ArrangementResult a = StatementRenderer.fromJson(r.out()).arrangements().get(0);
        SharedSavingsResult sf = a.figuresAs(SharedSavingsResult.class);
        assertThat(sf.benchmark()).isEqualTo(Money.ofCents(157_583_039));
        assertThat(sf.expenditure()).isEqualTo(Money.ofCents(151_623_894));
        assertThat(sf.savings()).isEqualTo(Money.ofCents(5_959_145));
        assertThat(sf.msrMet()).isTrue();
        assertThat(a.amount().cents()).isEqualTo(2_920_000);
    }

    /*
     * Combined contract on the example data, the quality score from its own composite: CBP 0.7083 ≥ 0.70 (1),
     * BCS-E 0.7115 < 0.74 (0), HbA1c poor control 0.2245 ≤ 0.25 (1), COL-E 0.6634 < 0.70 (0): composite 0.5.
     * Pool bonus $60,000.00 × 0.5 = $30,000.00. Savings: benchmark $1,065.00 × 1.04 × 1.000 × 1,410 =
     * $1,561,716.00; expenditure $1,516,238.94; savings $45,477.06 = 2.91% ≥ 1% MSR. Composite 0.5 is below
     * the standard 0.70 but meets the alternative 0.40: rate 0.60 × 0.5 = 0.30 → $13,643.118 → $13,643
     * (whole dollars). Total $43,643.00.
     */
    @Test
    void combinedExampleUsesItsOwnCompositeAsTheQualityScore() {
        CliRun r = CliRun.of("settle", "--contract", "contracts/combined-aco.yaml", "--members", "examples/members.csv",
                "--claims", "examples/claims.csv", "--quality", "examples/quality.ndjson", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Statement s = StatementRenderer.fromJson(r.out());
        assertThat(s.arrangements().get(0).amount().cents()).isEqualTo(3_000_000);
        ArrangementResult ss = s.arrangements().get(1);
        SharedSavingsResult sf = ss.figuresAs(SharedSavingsResult.class);
        assertThat(sf.benchmark()).isEqualTo(Money.ofCents(156_171_600));
        assertThat(sf.savings()).isEqualTo(Money.ofCents(4_547_706));
        assertThat(sf.quality().standardMet()).isFalse();
        assertThat(sf.quality().alternativeMet()).isTrue();
        assertThat(ss.amount().cents()).isEqualTo(1_364_300);
        assertThat(s.total().cents()).isEqualTo(4_364_300);
    }

    private static MeasureResult measure(QualityIncentiveResult r, String id) {
        return r.measures().stream().filter(m -> m.measureId().equals(id)).findFirst().orElseThrow();
    }
}
