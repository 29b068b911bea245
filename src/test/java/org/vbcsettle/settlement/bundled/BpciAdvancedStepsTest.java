package org.vbcsettle.settlement.bundled;

import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.BundledPayment.EpisodeDefinition;
import org.vbcsettle.contract.BundledPayment.QualityAdjustment;
import org.vbcsettle.contract.BundledPayment.SpendBounds;
import org.vbcsettle.contract.BundledPayment.Winsorization;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.ArrangementResult;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.LineItem;
import org.vbcsettle.settlement.SettlementContext;
import org.vbcsettle.settlement.SettlementInputs;
import org.vbcsettle.settlement.SettlementOutcome;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vbcsettle.settlement.TestClaims.d;
import static org.vbcsettle.settlement.TestClaims.inpatient;
import static org.vbcsettle.settlement.TestClaims.other;
import static org.vbcsettle.settlement.TestClaims.outpatient;

/**
 * One worked example per BPCI Advanced reconciliation step (CMS Innovation Center, Clinical Episode
 * Construction and Clinical Episode Reconciliation Specifications); every figure is worked by hand in the
 * comments.
 */
class BpciAdvancedStepsTest {

    private static BigDecimal r(String s) {
        return new BigDecimal(s);
    }

    private static Money $(String dollars) {
        return Money.parseDollars(dollars);
    }

    private static EpisodeOutcome ep(String id, String type, String spend, String target) {
        return new EpisodeOutcome(id, "m-" + id, type, "c-" + id, d("2024-03-01"), d("2024-05-29"), $(spend), $(target), true);
    }

    private static EpisodeDefinition mjrle(SpendBounds bounds, List<String> excludedDrgs, List<String> excludedHcpcs) {
        return new EpisodeDefinition("MJRLE", "Major joint replacement of the lower extremity", List.of("470"), null, 90,
                $("25000"), r("0.03"), null, bounds, excludedDrgs, excludedHcpcs);
    }

    private static BundledPayment terms(Winsorization w, EpisodeDefinition... defs) {
        return new BundledPayment("bundle", List.of(defs), w, null, null, null);
    }

    private static List<EpisodeOutcome> episodes(BundledPayment t, List<Claim> claims) {
        Contract c = new Contract("hospital-bpci", 1, "Hospital BPCI", "payer", "hospital", d("2024-01-01"),
                d("2024-12-31"), List.of(t), null);
        SettlementContext ctx = SettlementContext.of(c, SettlementInputs.of(Period.parse("2024"), List.of(), claims, List.of()));
        return BundledPaymentCalculator.episodes(t, ctx).orElseThrow();
    }

    @Test
    void nationalBoundsWinsorizeANineEpisodeContract() {
        // Target = $25,000 × 1 × (1 − 0.03) = $24,250.00; 9 episodes → total target $218,250.00.
        // National bounds of the clinical episode: [$10,000, $60,000].
        // Spends: 6,000 12,000 15,000 20,000 22,000 24,000 30,000 45,000 95,000 (raw Σ $269,000).
        // 6,000 is raised to 10,000 and 95,000 lowered to 60,000:
        //   Σ winsorized = 10,000 + 12,000 + 15,000 + 20,000 + 22,000 + 24,000 + 30,000 + 45,000 + 60,000 = $238,000.
        // Total Reconciliation Amount = 218,250 − 238,000 = −$19,750.00.
        BundledPayment t = terms(Winsorization.national(), mjrle(new SpendBounds($("10000"), $("60000")), null, null));
        List<EpisodeOutcome> eps = List.of(ep("e1", "MJRLE", "6000", "24250"), ep("e2", "MJRLE", "12000", "24250"),
                ep("e3", "MJRLE", "15000", "24250"), ep("e4", "MJRLE", "20000", "24250"), ep("e5", "MJRLE", "22000", "24250"),
                ep("e6", "MJRLE", "24000", "24250"), ep("e7", "MJRLE", "30000", "24250"), ep("e8", "MJRLE", "45000", "24250"),
                ep("e9", "MJRLE", "95000", "24250"));
        BundledPaymentResult f = BundledPaymentCalculator.compute(t, eps, null).orElseThrow();
        assertThat(f.totalSpend()).isEqualTo($("269000"));
        assertThat(f.totalWinsorized()).isEqualTo($("238000"));
        assertThat(f.reconciliation()).isEqualTo($("-19750"));
        BundledPaymentResult.EpisodeType mj = f.types().get(0);
        assertThat(mj.method()).isEqualTo("national 1st/99th percentile bounds");
        assertThat(mj.raised()).isEqualTo(1);
        assertThat(mj.lowered()).isEqualTo(1);

        // The same nine episodes under the contract's own 1st/99th percentiles: nearest rank ⌈0.01 × 9⌉ = 1 and
        // ⌈0.99 × 9⌉ = 9 are the smallest and largest spend, so nothing moves: 218,250 − 269,000 = −$50,750.00.
        BundledPayment own = terms(Winsorization.contractPercentiles(r("0.01"), r("0.99")), mjrle(null, null, null));
        BundledPaymentResult g = BundledPaymentCalculator.compute(own, eps, null).orElseThrow();
        assertThat(g.totalWinsorized()).isEqualTo($("269000"));
        assertThat(g.reconciliation()).isEqualTo($("-50750"));
    }

    @Test
    void nationalWinsorizationWithoutTheEpisodesBoundsIsRefused() {
        BundledPayment t = terms(Winsorization.national(), mjrle(null, null, null));
        assertThat(BundledPaymentCalculator.compute(t, List.of(ep("e1", "MJRLE", "6000", "24250")), null))
                .isInstanceOfSatisfying(SettlementOutcome.Refused.class,
                        r -> assertThat(r.reason()).contains("nationalBounds.lower and nationalBounds.upper are needed"));
        BundledPayment silent = terms(new Winsorization(r("0.01"), r("0.99"), null, null), mjrle(null, null, null));
        assertThat(BundledPaymentCalculator.compute(silent, List.of(ep("e1", "MJRLE", "6000", "24250")), null))
                .isInstanceOfSatisfying(SettlementOutcome.Refused.class,
                        r -> assertThat(r.reason()).contains("winsorization.bounds must be 'national'"));
    }

    @Test
    void excludedServicesAreLeftOutOfEpisodeSpend() {
        // Anchor: DRG 470 stay 2024-03-01..03-05, $20,000; the episode ends 2024-03-05 + 89 days = 2024-06-02.
        // In the window: readmission DRG 871 ($9,000, excluded MS-DRG), an outpatient J9035 ($3,000, excluded HCPCS),
        // a professional claim ($1,200) and physical therapy 97110 ($400).
        // Spend = 20,000 + 1,200 + 400 = $21,600.00 (without the exclusions it would be $33,600.00).
        List<Claim> claims = List.of(
                inpatient("a1", "m1", "2024-03-01", "2024-03-05", "470", "20000"),
                inpatient("r1", "m1", "2024-04-10", "2024-04-14", "871", "9000"),
                outpatient("o1", "m1", "2024-04-20", "J9035", "3000"),
                other("p1", "m1", Claim.ClaimType.PROFESSIONAL, "2024-03-20", "2024-03-20", "1200"),
                outpatient("o2", "m1", "2024-05-01", "97110", "400"));
        BundledPayment t = terms(null, mjrle(null, List.of("871"), List.of("J9035")));
        List<EpisodeOutcome> eps = episodes(t, claims);
        assertThat(eps).hasSize(1);
        assertThat(eps.get(0).end()).isEqualTo(d("2024-06-02"));
        assertThat(eps.get(0).spend()).isEqualTo($("21600"));
        assertThat(episodes(terms(null, mjrle(null, null, null)), claims).get(0).spend()).isEqualTo($("33600"));
    }

    @Test
    void claimsStraddlingTheEpisodeEndAreProratedByDays() {
        // Episode 2024-03-01 .. 2024-06-02 (as above).
        // SNF 2024-05-25..06-11, $9,000: 18 days (May 25–31 = 7, June 1–11 = 11), 9 inside (May 25–June 2):
        //   9,000 × 9 / 18 = $4,500.00.
        // Home health 2024-05-04..07-02, $2,999.99: 60 days (28 + 30 + 2), 30 inside (May 4–June 2 = 28 + 2):
        //   299,999 ¢ × 30 / 60 = 149,999.5 ¢ → nearest cent, half away from zero → $1,500.00.
        // Readmission DRG 291 2024-05-30..06-06, $8,000: paid per stay by MS-DRG, counts whole.
        // Professional claim 2024-06-03 ($500) starts after the end: not in the episode.
        // Spend = 20,000 + 4,500 + 1,500 + 8,000 = $34,000.00.
        List<Claim> claims = List.of(
                inpatient("a1", "m1", "2024-03-01", "2024-03-05", "470", "20000"),
                other("s1", "m1", Claim.ClaimType.SNF, "2024-05-25", "2024-06-11", "9000"),
                other("h1", "m1", Claim.ClaimType.HOME_HEALTH, "2024-05-04", "2024-07-02", "2999.99"),
                inpatient("i2", "m1", "2024-05-30", "2024-06-06", "291", "8000"),
                other("p2", "m1", Claim.ClaimType.PROFESSIONAL, "2024-06-03", "2024-06-03", "500"));
        List<EpisodeOutcome> eps = episodes(terms(null, mjrle(null, null, null)), claims);
        assertThat(eps).hasSize(1);
        assertThat(eps.get(0).spend()).isEqualTo($("34000"));
        assertThat(EpisodeConstruction.inWindow(claims.get(2), d("2024-06-02"), false)).isEqualTo($("1500.00"));

        // With prorateDrgStays the readmission is prorated too: 8 days (May 30–June 6), 4 inside (May 30–June 2):
        //   8,000 × 4 / 8 = $4,000.00 → spend 20,000 + 4,500 + 1,500 + 4,000 = $30,000.00.
        BundledPayment prorating = new BundledPayment("bundle", List.of(mjrle(null, null, null)), null, null, null, null,
                null, true);
        assertThat(episodes(prorating, claims).get(0).spend()).isEqualTo($("30000"));
    }

    @Test
    void targetPriceIsBenchmarkTimesCaseMixLessTheDiscount() {
        // Benchmark $28,500 × PCMA 1.0412 × (1 − 0.03) = 2,850,000 ¢ × 1.009964 = 2,878,397.4 ¢ → $28,783.97.
        EpisodeDefinition def = new EpisodeDefinition("MJRLE", null, List.of("470"), null, 90, $("28500"), r("0.03"),
                r("1.0412"), null, null, null);
        BundledPayment t = terms(null, def);
        assertThat(BundledPaymentCalculator.episodeTarget(t, def)).isEqualTo($("28783.97"));
    }

    @Test
    void qualityThenLimitsOnTheTotalReconciliationAmountNettedAcrossEpisodes() {
        // MJRLE target $24,250: spends 14,250 (+10,000) and 34,250 (−10,000); CHF target $20,000: spend 5,000 (+15,000).
        // Netted Total Reconciliation Amount = 10,000 − 10,000 + 15,000 = +$15,000.00; total target = 68,500.
        // CQS 0.5, maximum 10%: 15,000 × 0.10 × (1 − 0.5) = $750.00 off → $14,250.00.
        // Stop-gain 20% × 68,500 = $13,700.00 → amount $13,700.00.
        // (Limits first would give min(15,000, 13,700) − 13,700 × 0.05 = $13,015.00: the order matters.)
        EpisodeDefinition chf = new EpisodeDefinition("CHF", null, List.of("291"), null, 90, $("20000"), null);
        BundledPayment t = new BundledPayment("bundle", List.of(mjrle(null, null, null), chf), null,
                new QualityAdjustment(r("0.10"), null), r("0.20"), r("0.20"));
        List<EpisodeOutcome> eps = List.of(ep("e1", "MJRLE", "14250", "24250"), ep("e2", "MJRLE", "34250", "24250"),
                ep("e3", "CHF", "5000", "20000"));
        ArrangementResult res = BundledPaymentCalculator.computeWithLineItems(t, eps, r("0.5")).orElseThrow();
        BundledPaymentResult f = res.figuresAs(BundledPaymentResult.class);
        assertThat(f.reconciliation()).isEqualTo($("15000"));
        assertThat(f.qualityAdjustmentAmount()).isEqualTo($("-750"));
        assertThat(f.adjustedReconciliation()).isEqualTo($("14250"));
        assertThat(f.stopGain().limit()).isEqualTo($("13700"));
        assertThat(res.amount()).isEqualTo($("13700"));
        List<String> labels = res.lineItems().stream().map(LineItem::label).toList();
        assertThat(labels.indexOf("Composite quality score adjustment")).isLessThan(labels.indexOf("Stop-gain limit"));
        assertThat(labels.indexOf("Total reconciliation amount")).isLessThan(labels.indexOf("Composite quality score adjustment"));
        // The statement shows how each target was built: $25,000.00 × 1 × (1 − 3%) = $24,250.00.
        LineItem target = res.lineItems().stream().filter(li -> li.label().equals("Target price MJRLE")).findFirst().orElseThrow();
        assertThat(target.inputs().get("benchmark price")).isEqualTo("$25,000.00");
        assertThat(target.inputs().get("CMS discount")).isEqualTo("3%");
        assertThat(target.amountCents()).isEqualTo(2_425_000L);
    }

    @Test
    void limitsBeforeQualityIsAnExplicitAlternative() {
        // Same episodes with qualityBeforeLimits: false. Stop-gain first: min(15,000, 13,700) = $13,700.00;
        // then the CQS: 13,700 × 0.10 × 0.5 = $685.00 off → $13,015.00.
        EpisodeDefinition chf = new EpisodeDefinition("CHF", null, List.of("291"), null, 90, $("20000"), null);
        BundledPayment t = new BundledPayment("bundle", List.of(mjrle(null, null, null), chf), null,
                new QualityAdjustment(r("0.10"), null), r("0.20"), r("0.20"), false, null);
        List<EpisodeOutcome> eps = List.of(ep("e1", "MJRLE", "14250", "24250"), ep("e2", "MJRLE", "34250", "24250"),
                ep("e3", "CHF", "5000", "20000"));
        ArrangementResult res = BundledPaymentCalculator.computeWithLineItems(t, eps, r("0.5")).orElseThrow();
        BundledPaymentResult f = res.figuresAs(BundledPaymentResult.class);
        assertThat(f.qualityAdjustment().base()).isEqualTo($("13700"));
        assertThat(f.qualityAdjustmentAmount()).isEqualTo($("-685"));
        assertThat(res.amount()).isEqualTo($("13015"));
        List<String> labels = res.lineItems().stream().map(LineItem::label).toList();
        assertThat(labels.indexOf("Stop-gain limit")).isLessThan(labels.indexOf("Composite quality score adjustment"));
    }
}
