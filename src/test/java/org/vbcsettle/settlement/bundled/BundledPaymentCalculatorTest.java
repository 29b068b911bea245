package org.vbcsettle.settlement.bundled;

import org.vbcsettle.settlement.ArrangementResult;
import org.vbcsettle.settlement.SettlementOutcome;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.LineItem;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.SettlementContext;
import org.vbcsettle.settlement.SettlementInputs;
import org.vbcsettle.settlement.TestClaims;
import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.BundledPayment.EpisodeDefinition;
import org.vbcsettle.contract.BundledPayment.QualityAdjustment;
import org.vbcsettle.contract.BundledPayment.Winsorization;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vbcsettle.settlement.TestClaims.d;
import static org.vbcsettle.settlement.TestClaims.inpatient;
import static org.vbcsettle.settlement.TestClaims.other;
import static org.vbcsettle.settlement.TestClaims.outpatient;
import static org.vbcsettle.settlement.TestClaims.replacement;

/** Worked examples; every expected figure is computed by hand in the comments. */
public class BundledPaymentCalculatorTest {

    private static final Period Y2024 = Period.parse("2024");

    private static BigDecimal r(String s) {
        return new BigDecimal(s);
    }

    private static Money $(String dollars) {
        return Money.parseDollars(dollars);
    }

    private static EpisodeOutcome ep(String id, String type, String spend, String target) {
        return new EpisodeOutcome(id, "m-" + id, type, "c-" + id, d("2024-03-01"), d("2024-05-29"), $(spend), $(target), true);
    }

    private static BundledPayment terms(EpisodeDefinition def, Winsorization w, QualityAdjustment qa, String gain, String loss) {
        return new BundledPayment("bundle", List.of(def), w, qa, gain == null ? null : r(gain), loss == null ? null : r(loss));
    }

    private static EpisodeDefinition mjrle(String price, String discount) {
        return new EpisodeDefinition("MJRLE", "Major joint replacement of the lower extremity", List.of("469", "470"),
                List.of("27447", "27130"), 90, $(price), discount == null ? null : r(discount));
    }

    static ArrangementResult computed(BundledPayment t, List<EpisodeOutcome> episodes, BigDecimal cqs) {
        return BundledPaymentCalculator.computeWithLineItems(t, episodes, cqs).orElseThrow();
    }

    static ArrangementResult settled(BundledPayment t, SettlementContext ctx, Map<String, BigDecimal> composites) {
        return BundledPaymentCalculator.settle(t, ctx, composites).orElseThrow();
    }

    static BundledPaymentResult figs(ArrangementResult r) {
        return r.figuresAs(BundledPaymentResult.class);
    }

    static BundledPaymentResult.EpisodeType type(BundledPaymentResult r, String type) {
        return r.types().stream().filter(t -> t.episodeType().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void percentileWinsorizationQualityAdjustmentAndRepayment() {
        // Target = $25,000 × (1 − 0.03) = $24,250.00 per episode; 5 episodes → total target $121,250.00.
        // Spends sorted: 18,000  22,000  24,000  30,000  90,000 (n = 5), nearest rank:
        //   lower p = 0.25 → rank ⌈1.25⌉ = 2 → $22,000;  upper p = 0.80 → rank ⌈4.00⌉ = 4 → $30,000.
        // Winsorized: 22,000 + 22,000 + 24,000 + 30,000 + 30,000 = $128,000 (one raised, one lowered).
        // Reconciliation = 121,250 − 128,000 = −$6,750.00.
        // CQS 0.80, max 10%: repayment reduced by 6,750 × 0.10 × 0.80 = $540.00 → −$6,210.00.
        // Stop-loss 20% × 121,250 = $24,250.00, not reached. Amount −$6,210.00 (repayment).
        BundledPayment t = terms(mjrle("25000", "0.03"), Winsorization.contractPercentiles(r("0.25"), r("0.80")),
                new QualityAdjustment(r("0.10"), null), "0.20", "0.20");
        Money tp = EpisodeConstruction.target(t, t.episodes().get(0));
        assertThat(tp).isEqualTo($("24250.00"));
        List<EpisodeOutcome> eps = List.of(ep("e1", "MJRLE", "18000", "24250"), ep("e2", "MJRLE", "22000", "24250"),
                ep("e3", "MJRLE", "24000", "24250"), ep("e4", "MJRLE", "30000", "24250"), ep("e5", "MJRLE", "90000", "24250"));
        ArrangementResult res = computed(t, eps, r("0.80"));
        assertThat(res.amount()).isEqualTo($("-6210.00"));
        BundledPaymentResult f = figs(res);
        assertThat(f.episodeCount()).isEqualTo(5);
        assertThat(f.totalTarget()).isEqualTo(Money.ofCents(12125000L));
        assertThat(f.totalSpend()).isEqualTo(Money.ofCents(18400000L));
        assertThat(f.totalWinsorized()).isEqualTo(Money.ofCents(12800000L));
        assertThat(f.reconciliation()).isEqualTo(Money.ofCents(-675000L));
        assertThat(f.qualityAdjustmentAmount()).isEqualTo(Money.ofCents(54000L));
        // closed under target (own spend): e1 (18,000), e2 (22,000), e3 (24,000) < 24,250 → 3
        assertThat(f.closedUnderTarget()).isEqualTo(3);
        LineItem w = res.lineItems().stream().filter(li -> li.label().equals("Winsorization MJRLE")).findFirst().orElseThrow();
        assertThat(w.inputs().get("lower bound")).isEqualTo("$22,000.00");
        assertThat(w.inputs().get("upper bound")).isEqualTo("$30,000.00");
        assertThat(w.inputs().get("episodes raised")).isEqualTo("1");
        assertThat(w.inputs().get("episodes lowered")).isEqualTo("1");
    }

    @Test
    void closedUnderTargetIsDecidedByTheEpisodesOwnSpend() {
        // Targets $10,000. Spends 8,000 / 10,500 / 12,000; lower and upper bound at the median (rank ⌈1.5⌉ = 2):
        // every episode is winsorized to $10,500, above target. By its own spend episode a ($8,000) closed under
        // target, and it is the one benchmark met; b and c did not.
        BundledPayment t = terms(mjrle("10000", null), Winsorization.contractPercentiles(r("0.5"), r("0.5")), null, null, null);
        List<EpisodeOutcome> eps = List.of(ep("a", "MJRLE", "8000", "10000"), ep("b", "MJRLE", "10500", "10000"),
                ep("c", "MJRLE", "12000", "10000"));
        ArrangementResult res = computed(t, eps, null);
        assertThat(figs(res).episodes()).extracting(BundledPaymentResult.Episode::winsorizedSpend).containsOnly($("10500"));
        assertThat(figs(res).closedUnderTarget()).isEqualTo(1);
        assertThat(res.benchmarksMet()).extracting(org.vbcsettle.settlement.Benchmark::trigger).containsExactly("episode.a.under-target");
        // an open episode is not yet under target, whatever its spend
        EpisodeOutcome open = new EpisodeOutcome("o", "m-o", "MJRLE", "c-o", d("2024-12-01"), d("2025-02-28"), $("1000"), $("10000"), false);
        assertThat(open.closedUnderTarget()).isFalse();
    }

    @Test
    void fixedCapQualityAdjustmentAndStopGain() {
        // Target $10,000 (no discount) × 4 = $40,000. Fixed cap $15,000: 20,000 → 15,000.
        // Winsorized: 6,000 + 7,000 + 8,000 + 15,000 = $36,000. Reconciliation = +$4,000.00.
        // CQS 0.75: payment reduced by 4,000 × 0.10 × (1 − 0.75) = $100.00 → $3,900.00.
        // Stop-gain 5% × 40,000 = $2,000.00 → amount $2,000.00 (payment to the provider).
        BundledPayment t = terms(mjrle("10000", null), Winsorization.fixedCap($("15000")),
                new QualityAdjustment(r("0.10"), null), "0.05", "0.10");
        List<EpisodeOutcome> eps = List.of(ep("a", "MJRLE", "6000", "10000"), ep("b", "MJRLE", "7000", "10000"),
                ep("c", "MJRLE", "8000", "10000"), ep("d", "MJRLE", "20000", "10000"));
        ArrangementResult res = computed(t, eps, r("0.75"));
        assertThat(figs(res).reconciliation()).isEqualTo(Money.ofCents(400000L));
        assertThat(figs(res).qualityAdjustmentAmount()).isEqualTo(Money.ofCents(-10000L));
        assertThat(res.amount()).isEqualTo($("2000.00"));
    }

    @Test
    void stopLossLimitsARepayment() {
        // Target $10,000 × 2 = $20,000; spends 20,000 + 16,000 = $36,000; reconciliation −$16,000.
        // No quality adjustment (CQS null). Stop-loss 20% × 20,000 = $4,000 → amount −$4,000.00.
        BundledPayment t = terms(mjrle("10000", null), null, new QualityAdjustment(r("0.10"), null), "0.20", "0.20");
        ArrangementResult res = computed(t,
                List.of(ep("a", "MJRLE", "20000", "10000"), ep("b", "MJRLE", "16000", "10000")), null);
        assertThat(figs(res).reconciliation()).isEqualTo(Money.ofCents(-1600000L));
        assertThat(figs(res).qualityAdjustmentAmount()).isEqualTo(Money.ofCents(0L));
        assertThat(res.amount()).isEqualTo($("-4000.00"));
    }

    @Test
    void qualityAdjustmentRoundsTowardZeroSoItNeverExceedsItsMaximum() {
        // Target $2,000.01, spend $1,000.00 → reconciliation 100,001 cents.
        // rate = 0.10 × (1 − 0.333) = 0.0667; 100,001 × 0.0667 = 6,670.0667 cents → toward zero 6,670.
        // Adjusted = 100,001 − 6,670 = 93,331 cents = $933.31.
        BundledPayment t = terms(mjrle("2000.01", null), null, new QualityAdjustment(r("0.10"), null), null, null);
        ArrangementResult res = computed(t, List.of(ep("a", "MJRLE", "1000.00", "2000.01")), r("0.333"));
        assertThat(figs(res).qualityAdjustmentAmount()).isEqualTo(Money.ofCents(-6670L));
        assertThat(res.amount()).isEqualTo(Money.ofCents(93_331));
    }

    @Test
    void targetPriceDiscountRoundsToTheNearestCentHalfUp() {
        // $24,999.99 × 0.97 = 2,424,999.03 cents → 2,424,999 = $24,249.99
        // $24,999.50 × 0.97 = 2,424,951.5 cents → half up → 2,424,952 = $24,249.52
        BundledPayment a = terms(mjrle("24999.99", "0.03"), null, null, null, null);
        BundledPayment b = terms(mjrle("24999.50", "0.03"), null, null, null, null);
        assertThat(EpisodeConstruction.target(a, a.episodes().get(0))).isEqualTo($("24249.99"));
        assertThat(EpisodeConstruction.target(b, b.episodes().get(0))).isEqualTo($("24249.52"));
    }

    @Test
    void nearestRankPercentile() {
        long[] s = {100, 200, 300, 400, 500, 600, 700, 800, 900, 1000};
        // n = 10: p 0.01 → ⌈0.1⌉ = 1 → 100; p 0.99 → ⌈9.9⌉ = 10 → 1000; p 0.5 → ⌈5⌉ = 5 → 500;
        // p 0.51 → ⌈5.1⌉ = 6 → 600; p 0 → rank 0 clamped to 1 → 100.
        assertThat(EpisodeWinsorization.nearestRank(s, r("0.01"), "p").cents()).isEqualTo(100);
        assertThat(EpisodeWinsorization.nearestRank(s, r("0.99"), "p").cents()).isEqualTo(1000);
        assertThat(EpisodeWinsorization.nearestRank(s, r("0.5"), "p").cents()).isEqualTo(500);
        assertThat(EpisodeWinsorization.nearestRank(s, r("0.51"), "p").cents()).isEqualTo(600);
        assertThat(EpisodeWinsorization.nearestRank(s, r("0"), "p").cents()).isEqualTo(100);
    }

    @Test
    void winsorizationIsPerEpisodeType() {
        // Two types; upper p = 0.5 nearest rank over each type alone.
        // A: spends 1,000 / 3,000 (n = 2, rank ⌈1⌉ = 1) → cap 1,000 → winsorized 1,000 + 1,000; target 2 × 2,000;
        //    reconciliation 4,000 − 2,000 = +2,000.
        // B: spends 5,000 / 9,000 / 7,000 (n = 3, rank ⌈1.5⌉ = 2 → 7,000) → 5,000 + 7,000 + 7,000 = 19,000;
        //    target 3 × 6,000 = 18,000; reconciliation −1,000.
        // Total +$1,000.00; no quality adjustment, no limits.
        EpisodeDefinition a = new EpisodeDefinition("A", null, List.of("001"), null, 90, $("2000"), null);
        EpisodeDefinition b = new EpisodeDefinition("B", null, List.of("002"), null, 90, $("6000"), null);
        BundledPayment t = new BundledPayment("bundle", List.of(a, b), Winsorization.contractPercentiles(null, r("0.5")), null, null, null);
        ArrangementResult res = computed(t, List.of(ep("a1", "A", "1000", "2000"),
                ep("b1", "B", "5000", "6000"), ep("a2", "A", "3000", "2000"), ep("b2", "B", "9000", "6000"),
                ep("b3", "B", "7000", "6000")), null);
        assertThat(type(figs(res), "A").reconciliation()).isEqualTo(Money.ofCents(200000L));
        assertThat(type(figs(res), "B").reconciliation()).isEqualTo(Money.ofCents(-100000L));
        assertThat(res.amount()).isEqualTo($("1000.00"));
    }

    // ---- realistic example: major joint replacement of the lower extremity (MS-DRG 469/470) ----

    /**
     * Performance year 2024; MJRLE target $28,000 less a 3% discount = $27,160.00 per episode; 90-day
     * window counted with the day of discharge as day 1 (end = discharge + 89 days).
     */
    public static List<Claim> mjrleClaims() {
        List<Claim> c = new ArrayList<>();
        // m1: DRG 470 admission 2024-03-04 → discharge 03-07; window ends 03-07 + 89 = 2024-06-04.
        c.add(inpatient("m1-anchor", "m1", "2024-03-04", "2024-03-07", "470", "14000"));
        c.add(other("m1-surgeon", "m1", Claim.ClaimType.PROFESSIONAL, "2024-03-04", "2024-03-04", "1800"));
        Claim snf = other("m1-snf", "m1", Claim.ClaimType.SNF, "2024-03-07", "2024-03-20", "7000");
        c.add(snf);
        c.add(replacement("m1-snf-r", snf, "6500"));            // corrected SNF claim: $6,500 replaces $7,000
        c.add(other("m1-hh", "m1", Claim.ClaimType.HOME_HEALTH, "2024-03-21", "2024-04-10", "2000"));
        c.add(inpatient("m1-readmit", "m1", "2024-04-15", "2024-04-18", "603", "9000")); // cellulitis readmission
        c.add(outpatient("m1-pt-last", "m1", "2024-06-04", "97110", "300"));          // day 90: inside
        c.add(other("m1-after", "m1", Claim.ClaimType.PROFESSIONAL, "2024-06-05", "2024-06-05", "250")); // day 91: outside
        // m2: DRG 469 2024-05-10 → 05-14; window ends 05-14 + 89 = 2024-08-11. A second DRG 470 stay on 07-01 is
        // inside the window: part of the first episode, not a new one.
        c.add(inpatient("m2-anchor", "m2", "2024-05-10", "2024-05-14", "0469", "22000"));
        c.add(other("m2-snf", "m2", Claim.ClaimType.SNF, "2024-05-14", "2024-06-01", "8000"));
        c.add(inpatient("m2-second-knee", "m2", "2024-07-01", "2024-07-03", "470", "13000"));
        c.add(other("m2-after", "m2", Claim.ClaimType.PROFESSIONAL, "2024-08-12", "2024-08-12", "400")); // day 91
        // m3: outpatient total knee (HCPCS 27447) 2024-11-20; window ends 11-20 + 89 = 2025-02-17: still open at
        // the end of 2024; the January claim is run-out inside the window.
        c.add(outpatient("m3-anchor", "m3", "2024-11-20", "27447", "12000"));
        c.add(other("m3-surgeon", "m3", Claim.ClaimType.PROFESSIONAL, "2024-11-20", "2024-11-20", "1500"));
        c.add(other("m3-hh", "m3", Claim.ClaimType.HOME_HEALTH, "2024-12-01", "2024-12-20", "1200"));
        c.add(other("m3-jan", "m3", Claim.ClaimType.PROFESSIONAL, "2025-01-10", "2025-01-10", "600"));
        // m4: episode anchored in 2023 (window to 2024-02-15): not a 2024 episode, and its January claim stays with it.
        c.add(inpatient("m4-anchor", "m4", "2023-11-15", "2023-11-18", "470", "15000"));
        c.add(other("m4-jan", "m4", Claim.ClaimType.PROFESSIONAL, "2024-01-05", "2024-01-05", "700"));
        // m5: heart failure admission (DRG 291): no MJRLE episode.
        c.add(inpatient("m5-chf", "m5", "2024-02-01", "2024-02-05", "291", "11000"));
        return c;
    }

    public static BundledPayment mjrleTerms(QualityAdjustment qa) {
        return new BundledPayment("mjrle-bundle", List.of(mjrle("28000", "0.03")),
                Winsorization.contractPercentiles(r("0.01"), r("0.99")), qa, r("0.20"), r("0.20"));
    }

    private static Contract contract(List<org.vbcsettle.contract.Arrangement> arrangements) {
        return new Contract("hospital-bpci", 1, "Hospital BPCI", "payer", "hospital", d("2024-01-01"), d("2024-12-31"),
                arrangements, null);
    }

    private static SettlementContext ctx(BundledPayment t, List<Claim> claims, ReportedFacts reported) {
        return SettlementContext.of(contract(List.of(t)),
                new SettlementInputs(Y2024, List.of(), claims, List.of(), reported, null));
    }

    @Test
    void majorJointReplacementEpisodes() {
        BundledPayment t = mjrleTerms(new QualityAdjustment(r("0.10"), null));
        List<EpisodeOutcome> eps = BundledPaymentCalculator.episodes(t, ctx(t, mjrleClaims(), ReportedFacts.NONE)).orElseThrow();
        assertThat(eps).extracting(EpisodeOutcome::anchorClaimId).containsExactly("m1-anchor", "m2-anchor", "m3-anchor");
        EpisodeOutcome m1 = eps.get(0);
        // 14,000 + 1,800 + 6,500 (replacement) + 2,000 + 9,000 (readmission) + 300 (day 90) = $33,600; not the $250 on day 91
        assertThat(m1.spend()).isEqualTo($("33600"));
        assertThat(m1.start()).isEqualTo(d("2024-03-04"));
        assertThat(m1.end()).isEqualTo(d("2024-06-04"));
        assertThat(m1.target()).isEqualTo($("27160"));
        assertThat(m1.closed()).isTrue();
        assertThat(m1.id()).isEqualTo("mjrle-bundle:m1-anchor");
        EpisodeOutcome m2 = eps.get(1);
        // 22,000 + 8,000 + 13,000 (second anchor inside the window) = $43,000; not the $400 on day 91
        assertThat(m2.spend()).isEqualTo($("43000"));
        assertThat(m2.end()).isEqualTo(d("2024-08-11"));
        EpisodeOutcome m3 = eps.get(2);
        // 12,000 + 1,500 + 1,200 + 600 = $15,300; window ends 2025-02-17, after the period: open
        assertThat(m3.spend()).isEqualTo($("15300"));
        assertThat(m3.end()).isEqualTo(d("2025-02-17"));
        assertThat(m3.closed()).isFalse();
    }

    @Test
    void majorJointReplacementSettlement() {
        // Episodes as above: spends 33,600 / 43,000 / 15,300; target 3 × 27,160 = $81,480.
        // Winsorization at the 1st/99th nearest-rank percentiles of 3 episodes: ranks ⌈0.03⌉ = 1 and ⌈2.97⌉ = 3,
        // i.e. the minimum and maximum: nothing changes. Winsorized spend $91,900.
        // Reconciliation = 81,480 − 91,900 = −$10,420.00.
        // Reported CQS 0.60, max 10%: repayment reduced by 10,420 × 0.10 × 0.60 = $625.20 → −$9,794.80.
        // Stop-loss 20% × 81,480 = $16,296.00: not reached. Amount −$9,794.80 (repayment to the payer).
        BundledPayment t = mjrleTerms(new QualityAdjustment(r("0.10"), null));
        ReportedFacts cqs = new ReportedFacts(null, null, null, null, null, null, null, r("0.60"), null);
        ArrangementResult res = settled(t, ctx(t, mjrleClaims(), cqs), Map.of());
        assertThat(res.amount()).isEqualTo($("-9794.80"));
        assertThat(figs(res).episodeCount()).isEqualTo(3);
        assertThat(figs(res).closed()).isEqualTo(2);
        assertThat(figs(res).open()).isEqualTo(1);
        assertThat(figs(res).closedUnderTarget()).isEqualTo(0);
        assertThat(figs(res).totalTarget()).isEqualTo(Money.ofCents(8148000L));
        assertThat(figs(res).totalSpend()).isEqualTo(Money.ofCents(9190000L));
        assertThat(figs(res).reconciliation()).isEqualTo(Money.ofCents(-1042000L));
        assertThat(figs(res).qualityAdjustmentAmount()).isEqualTo(Money.ofCents(62520L));

        // Same claims in another order: the same statement.
        List<Claim> shuffled = new ArrayList<>(mjrleClaims());
        Collections.shuffle(shuffled, new Random(7));
        assertThat(settled(t, ctx(t, shuffled, cqs), Map.of())).isEqualTo(res);
    }

    @Test
    void interimSettlementCompletesEpisodeSpend() {
        // Completion factor 0.8: each spend ÷ 0.8 → 42,000 / 53,750 / 19,125 = $114,875.
        // Reconciliation = 81,480 − 114,875 = −$33,395. No quality adjustment.
        // Stop-loss 20% × 81,480 = $16,296.00 → amount −$16,296.00.
        BundledPayment t = mjrleTerms(null);
        SettlementContext c = SettlementContext.of(contract(List.of(t)),
                new SettlementInputs(Y2024, List.of(), mjrleClaims(), List.of(), null, r("0.8")));
        ArrangementResult res = settled(t, c, Map.of());
        assertThat(figs(res).totalSpend()).isEqualTo(Money.ofCents(11487500L));
        assertThat(res.amount()).isEqualTo($("-16296.00"));
    }

    @Test
    void compositeQualityScoreFromAQualityArrangement() {
        // Source composite 0.25: the repayment of $10,420 is reduced by 10,420 × 0.10 × 0.25 = $260.50 → −$10,159.50.
        BundledPayment t = mjrleTerms(new QualityAdjustment(r("0.10"), "quality"));
        ArrangementResult res = settled(t, ctx(t, mjrleClaims(), ReportedFacts.NONE),
                Map.of("quality", r("0.25")));
        assertThat(res.amount()).isEqualTo($("-10159.50"));
    }

    @Test
    void missingCompositeQualityScoreIsAClearRefusal() {
        BundledPayment t = mjrleTerms(new QualityAdjustment(r("0.10"), null));
        assertThat(BundledPaymentCalculator.settle(t, ctx(t, mjrleClaims(), ReportedFacts.NONE), Map.of()))
                .isInstanceOfSatisfying(SettlementOutcome.Refused.class,
                        r -> assertThat(r.reason()).contains("mjrle-bundle").contains("compositeQualityScore"));
        BundledPayment named = mjrleTerms(new QualityAdjustment(r("0.10"), "nope"));
        assertThat(BundledPaymentCalculator.settle(named, ctx(named, mjrleClaims(), ReportedFacts.NONE), Map.of()))
                .isInstanceOfSatisfying(SettlementOutcome.Refused.class, r -> assertThat(r.reason()).contains("sourceArrangement 'nope'"));
    }

    @Test
    void badClaimIsNamed() {
        BundledPayment t = mjrleTerms(null);
        Claim bad = new Claim("bad-1", "m9", Claim.ClaimType.INPATIENT, d("2024-03-10"), d("2024-03-01"), null,
                $("100"), null, "470", null, null, null, null, null);
        assertThat(BundledPaymentCalculator.episodes(t, ctx(t, List.of(bad), null)))
                .isInstanceOfSatisfying(SettlementOutcome.Refused.class, r -> assertThat(r.reason()).contains("bad-1").contains("serviceThrough"));
    }

    @Test
    void claimOverlappedByTwoEpisodeTypesGoesToTheEarlierEpisode() {
        // m1 has an MJRLE episode from 2024-03-04 (window to 06-04) and a sepsis (DRG 871) episode anchored
        // 2024-04-01..04-05 (window to 07-03). A SNF claim on 2024-04-10 is inside both: it belongs to the
        // earlier-starting MJRLE episode only. MJRLE: 10,000 + 2,000 = 12,000; SEPSIS: 8,000.
        EpisodeDefinition sepsis = new EpisodeDefinition("SEPSIS", null, List.of("871"), null, null, $("20000"), null);
        BundledPayment t = new BundledPayment("b", List.of(mjrle("28000", null), sepsis), null, null, null, null);
        List<Claim> claims = List.of(
                inpatient("j", "m1", "2024-03-04", "2024-03-07", "470", "10000"),
                inpatient("s", "m1", "2024-04-01", "2024-04-05", "871", "8000"),
                other("snf", "m1", Claim.ClaimType.SNF, "2024-04-10", "2024-04-30", "2000"));
        List<EpisodeOutcome> eps = BundledPaymentCalculator.episodes(t, ctx(t, claims, null)).orElseThrow();
        assertThat(eps).extracting(EpisodeOutcome::episodeType).containsExactly("MJRLE", "SEPSIS");
        assertThat(eps.get(0).spend()).isEqualTo($("12000"));
        assertThat(eps.get(1).spend()).isEqualTo($("8000"));
        assertThat(eps.get(1).end()).isEqualTo(d("2024-07-03"));
    }
}
