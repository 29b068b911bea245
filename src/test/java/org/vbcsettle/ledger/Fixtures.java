package org.vbcsettle.ledger;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.contract.SettlementTerms;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Contracts and records used by the ledger tests. */
final class Fixtures {

    private Fixtures() {
    }

    static final LocalDate START = LocalDate.of(2024, 1, 1);
    static final LocalDate END = LocalDate.of(2024, 12, 31);

    /** Shared savings against a $1,000,000 total benchmark with a $500 per-member truncation cap. */
    static Contract sharedSavings(String id, int version) {
        SharedSavings ss = new SharedSavings("ss", new SharedSavings.Benchmark.Total(Money.ofDollars(1_000_000)),
                new MinimumRate.Fixed(new BigDecimal("0.02")), new BigDecimal("0.50"), null, new BigDecimal("0.10"),
                BigDecimal.ZERO, Money.ofDollars(500), null, null);
        return new Contract(id, version, "Test ACO " + id, "Payer", "Provider", START, END, List.of(ss),
                new SettlementTerms(3, List.of(new SettlementTerms.CompletionFactor(0, new BigDecimal("0.80")),
                        new SettlementTerms.CompletionFactor(3, new BigDecimal("0.95"))), new BigDecimal("0.25"), true));
    }

    /**
     * Quality pool: $10,000 paid in full (not scaled) when the composite reaches 0.5; one measure CBP with
     * target 60% and minimum denominator 2.
     */
    static Contract qualityPool(String id) {
        QualityIncentive qi = new QualityIncentive("qi",
                List.of(new QualityIncentive.Measure("CBP", "Controlling high blood pressure", BigDecimal.ONE, 2,
                        new BigDecimal("0.60"), null, false)),
                new QualityIncentive.Bonus.Pool(Money.ofDollars(10_000)), new BigDecimal("0.5"), false);
        return new Contract(id, 1, "Quality " + id, "Payer", "Provider", START, END, List.of(qi),
                new SettlementTerms(3, List.of(), new BigDecimal("0.20"), true));
    }

    /**
     * All three arrangements: quality pool (CBP), bundled payment (DRG 470 anchors a 90-day episode with a
     * $20,000 target) and shared savings against $1,000,000 whose quality score is the pool's composite.
     */
    static Contract combined(String id) {
        QualityIncentive qi = (QualityIncentive) qualityPool(id).arrangements().get(0);
        org.vbcsettle.contract.BundledPayment bp = new org.vbcsettle.contract.BundledPayment("bp",
                List.of(new org.vbcsettle.contract.BundledPayment.EpisodeDefinition("MJRLE", "Major joint replacement",
                        List.of("470"), List.of(), 90, Money.ofDollars(20_000), null)),
                null, null, new BigDecimal("0.20"), new BigDecimal("0.20"));
        SharedSavings ss = new SharedSavings("ss", new SharedSavings.Benchmark.Total(Money.ofDollars(1_000_000)),
                new MinimumRate.Fixed(new BigDecimal("0.02")), new BigDecimal("0.50"),
                new SharedSavings.QualityRule("qi", new BigDecimal("0.30"), null), new BigDecimal("0.10"),
                BigDecimal.ZERO, Money.ofDollars(500), null, null);
        return new Contract(id, 1, "Combined " + id, "Payer", "Provider", START, END, List.of(qi, bp, ss),
                new SettlementTerms(3, List.of(new SettlementTerms.CompletionFactor(0, new BigDecimal("0.80")),
                        new SettlementTerms.CompletionFactor(3, new BigDecimal("0.95"))), new BigDecimal("0.25"), true));
    }

    /** Bundled payment only: DRG 470 anchors a 90-day episode, target $20,000; stop-gain/loss 50%; withhold 20%. */
    static Contract bundled(String id) {
        org.vbcsettle.contract.BundledPayment bp = new org.vbcsettle.contract.BundledPayment("bp",
                List.of(new org.vbcsettle.contract.BundledPayment.EpisodeDefinition("MJRLE", "Major joint replacement",
                        List.of("470"), List.of(), 90, Money.ofDollars(20_000), null)),
                null, null, new BigDecimal("0.50"), new BigDecimal("0.50"));
        return new Contract(id, 1, "Bundled " + id, "Payer", "Provider", START, END, List.of(bp),
                new SettlementTerms(3, List.of(), new BigDecimal("0.20"), true));
    }

    /** Quality pool and a bundled payment whose quality adjustment (up to 10%) takes the pool's composite. */
    static Contract qualityAndBundled(String id) {
        QualityIncentive qi = (QualityIncentive) qualityPool(id).arrangements().get(0);
        org.vbcsettle.contract.BundledPayment bp = new org.vbcsettle.contract.BundledPayment("bp",
                List.of(new org.vbcsettle.contract.BundledPayment.EpisodeDefinition("MJRLE", "Major joint replacement",
                        List.of("470"), List.of(), 90, Money.ofDollars(20_000), new BigDecimal("0.03"))),
                null, new org.vbcsettle.contract.BundledPayment.QualityAdjustment(new BigDecimal("0.10"), "qi"),
                new BigDecimal("0.20"), new BigDecimal("0.20"));
        return new Contract(id, 1, "Quality and bundled " + id, "Payer", "Provider", START, END, List.of(qi, bp),
                new SettlementTerms(3, List.of(new SettlementTerms.CompletionFactor(1, new BigDecimal("0.70")),
                        new SettlementTerms.CompletionFactor(4, new BigDecimal("0.97"))), new BigDecimal("0.10"), true));
    }

    static Claim anchor(String id, String member, LocalDate from, LocalDate through, long paidCents) {
        return new Claim(id, member, Claim.ClaimType.INPATIENT, from, through, through.plusDays(15), Money.ofCents(paidCents), null,
                "470", null, null, "1234567890", Claim.Frequency.ORIGINAL, null);
    }

    static Claim claim(String id, String member, Claim.ClaimType type, LocalDate from, long paidCents) {
        return new Claim(id, member, type, from, from, from.plusDays(20), Money.ofCents(paidCents), null, null, null, null,
                "1234567890", Claim.Frequency.ORIGINAL, null);
    }

    static Claim claim(String id, String member, LocalDate from, long paidCents) {
        return claim(id, member, Claim.ClaimType.PROFESSIONAL, from, paidCents);
    }

    static Claim replacement(String id, String replaces, String member, LocalDate from, long paidCents) {
        return new Claim(id, member, Claim.ClaimType.PROFESSIONAL, from, from, from.plusDays(40), Money.ofCents(paidCents), null,
                null, null, null, "1234567890", Claim.Frequency.REPLACEMENT, replaces);
    }

    static Claim voiding(String id, String replaces, String member, LocalDate from) {
        return new Claim(id, member, Claim.ClaimType.PROFESSIONAL, from, from, from.plusDays(40), Money.ZERO, null,
                null, null, null, "1234567890", Claim.Frequency.VOID, replaces);
    }

    static Attribution attribution(String id, String member, int month) {
        return Attribution.of(id, member, YearMonth.of(2024, month), BigDecimal.ONE);
    }

    static QualityEvent quality(String id, String member, QualityEvent.Kind kind) {
        return new QualityEvent(id, member, "CBP", "2024", kind);
    }
}
