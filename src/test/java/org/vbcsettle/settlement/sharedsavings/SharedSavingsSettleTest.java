package org.vbcsettle.settlement.sharedsavings;

import org.vbcsettle.settlement.ArrangementResult;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.SettlementContext;
import org.vbcsettle.settlement.SettlementInputs;
import org.vbcsettle.settlement.Benchmark;
import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.Period;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** settle(): figures derived from claims and attribution, computed by hand. */
class SharedSavingsSettleTest {

    static Claim claim(String id, String member, String from, long dollars, Claim.Frequency freq, String replaces) {
        LocalDate d = LocalDate.parse(from);
        return new Claim(id, member, Claim.ClaimType.PROFESSIONAL, d, d, d.plusDays(20), Money.ofDollars(dollars), null, null,
                null, null, "1234567890", freq, replaces);
    }

    static ArrangementResult settled(SharedSavings terms, SettlementContext ctx, Map<String, BigDecimal> composites) {
        return SharedSavingsCalculator.settle(terms, ctx, composites).orElseThrow();
    }

    static SettlementContext context(BigDecimal completion, ReportedFacts reported) {
        Period py = Period.parse("2024");
        List<Attribution> attribution = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            attribution.add(Attribution.of("a1-" + m, "m1", YearMonth.of(2024, m), new BigDecimal("1.2")));
        }
        for (int m = 1; m <= 6; m++) {
            attribution.add(Attribution.of("a2-" + m, "m2", YearMonth.of(2024, m), new BigDecimal("0.9")));
        }
        List<Claim> claims = List.of(
                claim("c1", "m1", "2024-03-01", 5_000, Claim.Frequency.ORIGINAL, null),
                claim("c2", "m2", "2024-02-10", 3_500, Claim.Frequency.ORIGINAL, null),
                claim("c2r", "m2", "2024-02-10", 3_000, Claim.Frequency.REPLACEMENT, "c2"), // replaces 3,500
                claim("c3", "m2", "2024-08-01", 2_000, Claim.Frequency.ORIGINAL, null),     // m2 not attributed in August
                claim("c4", "m1", "2023-12-31", 9_000, Claim.Frequency.ORIGINAL, null),     // before the period
                claim("c5", "m1", "2024-05-01", 700, Claim.Frequency.ORIGINAL, null),
                claim("c5v", "m1", "2024-05-01", 0, Claim.Frequency.VOID, "c5"));           // voided
        SettlementInputs in = new SettlementInputs(py, attribution, claims, List.of(), reported, completion);
        return SettlementContext.of(null, in);
    }

    static SharedSavings terms(Money truncation) {
        // baseline $800 PMPM, no trend, no risk adjustment; MSR 2%; 50% sharing; quality from arrangement q1
        // (standard 0.80, alternative 0.60); cap 20%; sequestration 2%
        return new SharedSavings("ss", new SharedSavings.Benchmark.Pmpm(Money.ofDollars(800), BigDecimal.ZERO, 0, null),
                new MinimumRate.Fixed(new BigDecimal("0.02")), new BigDecimal("0.50"),
                new SharedSavings.QualityRule("q1", new BigDecimal("0.80"), new BigDecimal("0.60")),
                new BigDecimal("0.20"), new BigDecimal("0.02"), truncation, null, null);
    }

    @Test
    void derivesFiguresFromClaimsAndAttribution() {
        // member-months: m1 12 + m2 6 = 18 → benchmark 800 × 18 = 14,400
        // expenditure: m1 5,000 (c1) ; m2 3,000 (c2 replaced by c2r); c3 not attributed; c4 outside; c5 voided
        //   truncation 4,000 per member-year: m1 5,000 → 4,000; total 7,000; completion 0.8 → 8,750
        // savings 14,400 − 8,750 = 5,650 (39.2% ≥ 2%); composite 0.70 → alternative: 50% × 0.70 = 35%
        // 5,650 × 35% = 1,977.50 × 0.98 = 1,937.95; cap 20% × 14,400 = 2,880 not reached → $1,938
        ArrangementResult r = settled(terms(Money.ofDollars(4_000)),
                context(new BigDecimal("0.8"), ReportedFacts.NONE), Map.of("q1", new BigDecimal("0.70")));
        SharedSavingsResult f = r.figuresAs(SharedSavingsResult.class);
        assertThat(f.benchmark()).isEqualTo(Money.ofCents(1_440_000));
        assertThat(f.expenditure()).isEqualTo(Money.ofCents(875_000));
        assertThat(f.savings()).isEqualTo(Money.ofCents(565_000));
        assertThat(f.assignedBeneficiaries()).isEqualTo(2);
        assertThat(f.memberMonths()).isEqualTo(18);
        assertThat(f.quality().alternativeMet()).isTrue();
        assertThat(f.earned()).isEqualTo(Money.ofCents(193_800));
        assertThat(r.amount()).isEqualTo(Money.ofDollars(1_938));
        assertThat(r.type()).isEqualTo("shared-savings");
        assertThat(r.lineItems().get(0).label()).isEqualTo("Benchmark");
        assertThat(r.lineItems().get(1).label()).isEqualTo("Expenditure");
    }

    @Test
    void reportedFactsOverrideTheDerivedFigures() {
        // reported benchmark 20,000, quality score 0.9 (standard met → 50%), no truncation, final (factor 1):
        // expenditure 5,000 + 3,000 = 8,000; savings 12,000 × 50% = 6,000 × 0.98 = 5,880; cap 20% × 20,000 = 4,000 → $4,000
        ReportedFacts facts = new ReportedFacts(7_000, new BigDecimal("0.9"), null, null, null, null, null, null,
                Money.ofDollars(20_000));
        ArrangementResult r = settled(terms(null), context(BigDecimal.ONE, facts),
                Map.of("q1", new BigDecimal("0.10")));
        SharedSavingsResult f = r.figuresAs(SharedSavingsResult.class);
        assertThat(f.benchmark()).isEqualTo(Money.ofCents(2_000_000));
        assertThat(f.expenditure()).isEqualTo(Money.ofCents(800_000));
        assertThat(f.assignedBeneficiaries()).isEqualTo(7_000);
        assertThat(f.quality().standardMet()).isTrue();
        assertThat(f.savingsCapApplied()).isTrue();
        assertThat(r.amount()).isEqualTo(Money.ofDollars(4_000));
    }

    @Test
    void riskAdjustedPmpmBenchmarkUsesTheAttributedAverageRisk() {
        // average risk = (12 × 1.2 + 6 × 0.9) / 18 = (14.4 + 5.4) / 18 = 1.1; ÷ baseline 1.0 = 1.1, capped at 1.03
        // benchmark = 800 × 1.03 × 18 = 14,832
        SharedSavings t = new SharedSavings("ss", new SharedSavings.Benchmark.Pmpm(Money.ofDollars(800), null, null,
                new SharedSavings.RiskAdjustment(null, BigDecimal.ONE, new BigDecimal("0.03"))),
                null, new BigDecimal("0.5"), null, null, null, null, null, null);
        ArrangementResult r = settled(t, context(BigDecimal.ONE, ReportedFacts.NONE), Map.of());
        assertThat(r.figuresAs(SharedSavingsResult.class).benchmark()).isEqualTo(Money.ofCents(1_483_200));
    }

    @Test
    void totalBenchmarkIsProRatedForAnInterimPeriod() {
        // annual total benchmark $48,000 for performance year 2024; Q1 settlement covers 3 of 12 months:
        //   benchmark 48,000 × 3 / 12 = 12,000
        // Q1 expenditure: c1 5,000 (m1, March) + c2r 3,000 (m2, February, replaces c2) = 8,000
        // savings 4,000 = 33.3% ≥ 2%; composite 0.90 ≥ 0.80 → full 50% → 2,000 × 0.98 = 1,960; cap 20% × 12,000 = 2,400
        SharedSavings total = new SharedSavings("ss", new SharedSavings.Benchmark.Total(Money.ofDollars(48_000)),
                new MinimumRate.Fixed(new BigDecimal("0.02")), new BigDecimal("0.50"),
                new SharedSavings.QualityRule("q1", new BigDecimal("0.80"), new BigDecimal("0.60")),
                new BigDecimal("0.20"), new BigDecimal("0.02"), null, null, null);
        org.vbcsettle.contract.Contract contract = new org.vbcsettle.contract.Contract("c", 1, "c", "payer", "provider",
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), List.of(total), null);
        SettlementContext whole = context(BigDecimal.ONE, ReportedFacts.NONE);
        SettlementInputs q1 = new SettlementInputs(Period.parse("2024-Q1"),
                attributionOf(whole), claimsOf(), List.of(), ReportedFacts.NONE, BigDecimal.ONE);
        ArrangementResult r = settled(total, SettlementContext.of(contract, q1), Map.of("q1", new BigDecimal("0.90")));
        assertThat(r.figuresAs(SharedSavingsResult.class).benchmark()).isEqualTo(Money.ofCents(1_200_000));
        assertThat(r.figuresAs(SharedSavingsResult.class).expenditure()).isEqualTo(Money.ofCents(800_000));
        assertThat(r.amount()).isEqualTo(Money.ofDollars(1_960));

        // the same contract settled for the whole year uses the annual total unchanged
        SettlementInputs year = new SettlementInputs(Period.parse("2024"), attributionOf(whole), claimsOf(), List.of(),
                ReportedFacts.NONE, BigDecimal.ONE);
        ArrangementResult y = settled(total, SettlementContext.of(contract, year), Map.of("q1", new BigDecimal("0.90")));
        assertThat(y.figuresAs(SharedSavingsResult.class).benchmark()).isEqualTo(Money.ofCents(4_800_000));
    }

    private static List<Attribution> attributionOf(SettlementContext ctx) {
        return new ArrayList<>(ctx.attribution().memberMonths().values());
    }

    private static List<Claim> claimsOf() {
        return List.of(
                claim("c1", "m1", "2024-03-01", 5_000, Claim.Frequency.ORIGINAL, null),
                claim("c2", "m2", "2024-02-10", 3_500, Claim.Frequency.ORIGINAL, null),
                claim("c2r", "m2", "2024-02-10", 3_000, Claim.Frequency.REPLACEMENT, "c2"));
    }
}
