package org.vbcsettle.settlement.quality;

import org.vbcsettle.settlement.ArrangementResult;
import org.vbcsettle.settlement.bundled.BundledPaymentCalculatorTest;
import org.vbcsettle.settlement.SettlementOutcome;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.ContractSettlement;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.SettlementContext;
import org.vbcsettle.settlement.SettlementInputs;
import org.vbcsettle.settlement.Statement;
import org.vbcsettle.settlement.TestClaims;
import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.contract.QualityIncentive.Bonus;
import org.vbcsettle.contract.QualityIncentive.Measure;
import org.vbcsettle.contract.QualityIncentive.Tier;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vbcsettle.settlement.TestClaims.d;
import static org.vbcsettle.settlement.TestClaims.other;

/** Worked examples; every expected figure is computed by hand in the comments. */
class QualityIncentiveCalculatorTest {

    private static BigDecimal r(String s) {
        return new BigDecimal(s);
    }

    private static Money $(String dollars) {
        return Money.parseDollars(dollars);
    }

    private static Measure target(String id, String weight, int minDen, String target, boolean inverse) {
        return new Measure(id, null, weight == null ? null : r(weight), minDen, r(target), null, inverse);
    }

    static List<Measure> hedisMeasures() {
        return List.of(
                // Controlling high blood pressure: tiers 60% → half points, 70% → full points; weight 2
                new Measure("CBP", "Controlling High Blood Pressure", r("2"), 10, null,
                        List.of(new Tier(r("0.60"), r("0.5")), new Tier(r("0.70"), r("1"))), false),
                target("BCS", "1", 10, "0.75", false),     // breast cancer screening ≥ 75%
                target("HBD9", "1", 10, "0.20", true),     // HbA1c poor control (> 9%): lower is better, ≤ 20%
                target("COL", "1", 30, "0.70", false));    // colorectal screening, needs 30 eligible
    }

    static QualityIncentiveResult computed(QualityIncentive t, Map<String, MeasureCounts> counts, long memberMonths, Money paid) {
        return QualityIncentiveCalculator.compute(t, counts, memberMonths, paid).orElseThrow();
    }

    static MeasureResult measure(QualityIncentiveResult r, String id) {
        return r.measures().stream().filter(m -> m.measureId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void compositeAndScaledPmpmBonus() {
        // CBP: 13 / (22 − 2) = 0.65 → 60% tier met, 70% not → 0.5 points; not "met" (top tier missed).
        // BCS: 24 / 30 = 0.80 ≥ 0.75 → 1 point, met.
        // HBD9: 5 / (26 − 1) = 0.20 ≤ 0.20 (exactly on target, inverse) → 1 point, met.
        // COL: 12 eligible < 30 → not scored; weights renormalised over CBP, BCS, HBD9 (2 + 1 + 1 = 4).
        // Composite = (2 × 0.5 + 1 × 1 + 1 × 1) / 4 = 3 / 4 = 0.75; gate 0.50 met.
        // Bonus = $2.50 PMPM × 1,200 member-months = $3,000.00, × composite 0.75 = $2,250.00.
        QualityIncentive t = new QualityIncentive("quality", hedisMeasures(), new Bonus.Pmpm($("2.50")), r("0.50"), true);
        Map<String, MeasureCounts> counts = Map.of(
                "CBP", new MeasureCounts("CBP", 13, 22, 2),
                "BCS", new MeasureCounts("BCS", 24, 30, 0),
                "HBD9", new MeasureCounts("HBD9", 5, 26, 1),
                "COL", new MeasureCounts("COL", 10, 12, 0));
        QualityIncentiveResult res = computed(t, counts, 1200, Money.ZERO);
        assertThat(res.composite().toPlainString()).isEqualTo("0.750000");
        assertThat(res.gateMet()).isTrue();
        assertThat(res.measuresScored()).isEqualTo(3);
        assertThat(res.amount()).isEqualTo($("2250.00"));
        assertThat(measure(res, "CBP").rate()).isEqualByComparingTo("0.65");
        assertThat(measure(res, "CBP").met()).isFalse();
        assertThat(measure(res, "CBP").points().toPlainString()).isEqualTo("0.5");
        assertThat(measure(res, "CBP").eligible()).isEqualTo(20);
        assertThat(measure(res, "BCS").met()).isTrue();
        assertThat(measure(res, "HBD9").met()).isTrue();
        assertThat(measure(res, "COL").met()).isFalse();
        assertThat(measure(res, "COL").scored()).isFalse();
        assertThat(measure(res, "COL").rate()).isEqualByComparingTo("0.8333333333");
    }

    @Test
    void inverseMeasureAboveItsTargetEarnsNothing() {
        // HBD9: 6 / 25 = 0.24 > 0.20 → 0 points. BCS 1 point. Composite (0 + 1) / 2 = 0.5.
        QualityIncentive t = new QualityIncentive("q", List.of(target("BCS", null, 0, "0.75", false),
                target("HBD9", null, 0, "0.20", true)), new Bonus.Pool($("1000")), null, false);
        QualityIncentiveResult res = computed(t, Map.of(
                "BCS", new MeasureCounts("BCS", 8, 10, 0), "HBD9", new MeasureCounts("HBD9", 6, 26, 1)), 0, Money.ZERO);
        assertThat(res.composite().toPlainString()).isEqualTo("0.500000");
        assertThat(measure(res, "HBD9").met()).isFalse();
        // No gate, not scaled: the full pool, $1,000.00.
        assertThat(res.amount()).isEqualTo($("1000.00"));
    }

    @Test
    void poolShareRoundsTowardZero() {
        // Three equal measures, two met: composite 2/3 → 0.666667 (6 decimals, half-even).
        // Pool $10,000.01 = 1,000,001 cents × 0.666667 = 666,667.666667 cents → toward zero 666,667 = $6,666.67
        // (to the nearest cent it would have been $6,666.68).
        QualityIncentive t = new QualityIncentive("q", List.of(target("A", null, 0, "0.5", false),
                target("B", null, 0, "0.5", false), target("C", null, 0, "0.5", false)),
                new Bonus.Pool($("10000.01")), r("0.5"), true);
        QualityIncentiveResult res = computed(t, Map.of(
                "A", new MeasureCounts("A", 5, 10, 0), "B", new MeasureCounts("B", 6, 10, 0),
                "C", new MeasureCounts("C", 4, 10, 0)), 0, Money.ZERO);
        assertThat(res.composite().toPlainString()).isEqualTo("0.666667");
        assertThat(res.amount()).isEqualTo(Money.ofCents(666_667));
    }

    @Test
    void percentOfPaidAndTheGate() {
        // Composite 1 (one measure met). 1.5% of $1,234,567.89 = 123,456,789 × 0.015 = 1,851,851.835 cents
        // → nearest cent 1,851,852 = $18,518.52 (not scaled by the composite).
        QualityIncentive t = new QualityIncentive("q", List.of(target("A", null, 0, "0.5", false)),
                new Bonus.PercentOfPaid(r("0.015")), r("0.5"), false);
        QualityIncentiveResult paid = computed(t, Map.of("A", new MeasureCounts("A", 5, 10, 0)),
                0, $("1234567.89"));
        assertThat(paid.amount()).isEqualTo($("18518.52"));
        // Rate 4 / 10 = 0.4 < 0.5 → composite 0 < gate 0.5 → no bonus.
        QualityIncentiveResult gated = computed(t, Map.of("A", new MeasureCounts("A", 4, 10, 0)),
                0, $("1234567.89"));
        assertThat(gated.gateMet()).isFalse();
        assertThat(gated.amount()).isEqualTo(Money.ZERO);
    }

    @Test
    void noScoredMeasureGivesCompositeZero() {
        QualityIncentive t = new QualityIncentive("q", List.of(target("A", null, 30, "0.5", false)),
                new Bonus.Pool($("1000")), r("0.1"), true);
        QualityIncentiveResult res = computed(t, Map.of("A", new MeasureCounts("A", 20, 20, 0)), 0, Money.ZERO);
        assertThat(res.composite().toPlainString()).isEqualTo("0.000000");
        assertThat(res.amount()).isEqualTo(Money.ZERO);
    }

    static QualityEvent ev(String id, String member, String measure, String period, QualityEvent.Kind kind) {
        return new QualityEvent(id, member, measure, period, kind);
    }

    static List<QualityEvent> cbpEvents() {
        List<QualityEvent> e = new ArrayList<>();
        for (String mb : List.of("A", "B", "C", "D", "E")) {
            e.add(ev("d-" + mb, mb, "CBP", "2024", QualityEvent.Kind.DENOMINATOR));
        }
        e.add(ev("d-A-again", "A", "CBP", "2024", QualityEvent.Kind.DENOMINATOR)); // repeated: counts once
        e.add(ev("n-A", "A", "CBP", "2024", QualityEvent.Kind.NUMERATOR));
        e.add(ev("n-B", "B", "CBP", "2024-Q1", QualityEvent.Kind.NUMERATOR));
        e.add(ev("n-E", "E", "CBP", "2024", QualityEvent.Kind.NUMERATOR));       // excluded below
        e.add(ev("n-F", "F", "CBP", "2024", QualityEvent.Kind.NUMERATOR));       // not in the denominator
        e.add(ev("x-E", "E", "CBP", "2024", QualityEvent.Kind.EXCLUSION));
        e.add(ev("x-G", "G", "CBP", "2024", QualityEvent.Kind.EXCLUSION));       // not in the denominator
        e.add(ev("n-C-2023", "C", "CBP", "2023", QualityEvent.Kind.NUMERATOR));  // another period
        e.add(ev("n-D-other", "D", "OTHER", "2024", QualityEvent.Kind.NUMERATOR)); // a measure not in the terms
        return e;
    }

    private static SettlementContext ctx(QualityIncentive t, Period p, List<Attribution> attribution, List<Claim> claims,
                                         List<QualityEvent> events) {
        Contract c = new Contract("c", 1, null, "payer", "aco", d("2024-01-01"), d("2024-12-31"), List.of(t), null);
        return SettlementContext.of(c, SettlementInputs.of(p, attribution, claims, events));
    }

    @Test
    void countsFromEvents() {
        // Year 2024: denominator {A..E} = 5 (A's repeat counts once); exclusions {E} = 1 (G is not in the
        // denominator); numerator {A} = 1: B's event names 2024-Q1 (neither the period's id nor its year),
        // E is excluded, F is not in the denominator, C's event is of 2023, D's names another measure.
        QualityIncentive t = new QualityIncentive("q", List.of(target("CBP", null, 0, "0.5", false)),
                new Bonus.Pool($("100")), null, false);
        Map<String, MeasureCounts> year = QualityIncentiveCalculator.counts(t, ctx(t, Period.parse("2024"), List.of(), List.of(), cbpEvents()));
        assertThat(year.get("CBP")).isEqualTo(new MeasureCounts("CBP", 1, 5, 1));
        // Quarter 2024-Q1: events of "2024-Q1" and of the year "2024" both count → numerator {A, B} = 2.
        Map<String, MeasureCounts> q1 = QualityIncentiveCalculator.counts(t, ctx(t, Period.parse("2024-Q1"), List.of(), List.of(), cbpEvents()));
        assertThat(q1.get("CBP")).isEqualTo(new MeasureCounts("CBP", 2, 5, 1));
        assertThat(q1).containsOnlyKeys("CBP");
        List<QualityEvent> shuffled = new ArrayList<>(cbpEvents());
        Collections.shuffle(shuffled, new Random(3));
        assertThat(QualityIncentiveCalculator.counts(t, ctx(t, Period.parse("2024-Q1"), List.of(), List.of(), shuffled))).isEqualTo(q1);
    }

    @Test
    void settleUsesAttributedMemberMonthsAndTheirPaidClaims() {
        // Member-months: A Jan, Feb, Mar + B Jan = 4. Paid claims of attributed members in 2024:
        // A Feb $100 (attributed) counts; B Feb $50 (not attributed in Feb) does not; A Dec 2023 $70 is outside.
        // Composite for CBP over the year: 1 / (5 − 1) = 0.25 < 0.5 → 0; add a met measure with target 0.2 → 1.
        // Composite = (0 + 1) / 2 = 0.5. Percent of paid 10% × $100 = $10.00, × 0.5 = $5.00.
        QualityIncentive t = new QualityIncentive("q", List.of(target("CBP", null, 0, "0.5", false),
                target("CBP2", null, 0, "0.2", false)), new Bonus.PercentOfPaid(r("0.10")), null, true);
        List<QualityEvent> events = new ArrayList<>(cbpEvents());
        events.add(ev("d2-A", "A", "CBP2", "2024", QualityEvent.Kind.DENOMINATOR));
        events.add(ev("n2-A", "A", "CBP2", "2024", QualityEvent.Kind.NUMERATOR));
        List<Attribution> attribution = List.of(
                Attribution.of("a1", "A", YearMonth.of(2024, 1), null), Attribution.of("a2", "A", YearMonth.of(2024, 2), null),
                Attribution.of("a3", "A", YearMonth.of(2024, 3), null), Attribution.of("b1", "B", YearMonth.of(2024, 1), null));
        List<Claim> claims = List.of(
                other("c1", "A", Claim.ClaimType.PROFESSIONAL, "2024-02-10", "2024-02-10", "100"),
                other("c2", "B", Claim.ClaimType.PROFESSIONAL, "2024-02-10", "2024-02-10", "50"),
                other("c3", "A", Claim.ClaimType.PROFESSIONAL, "2023-12-10", "2023-12-10", "70"));
        ArrangementResult res = QualityIncentiveCalculator.settle(t, ctx(t, Period.parse("2024"), attribution, claims, events)).orElseThrow();
        assertThat(res.figuresAs(QualityIncentiveResult.class).composite().toPlainString()).isEqualTo("0.500000");
        assertThat(res.amount()).isEqualTo($("5.00"));
        assertThat(res.lineItems().get(0).amountCents()).isEqualTo(10_000L);
    }

    @Test
    void contractSettlementFeedsTheCompositeToTheBundle() {
        // Quality arrangement: composite 0.5 (as in the previous example, but a $0 pool).
        // Bundle: the MJRLE example, reconciliation −$10,420; CQS 0.5 → repayment reduced by 10,420 × 0.10 × 0.5
        // = $521.00 → −$9,899.00. Statement total = 0 + (−9,899.00).
        QualityIncentive q = new QualityIncentive("quality", List.of(target("CBP", null, 0, "0.5", false),
                target("CBP2", null, 0, "0.2", false)), new Bonus.Pool(Money.ZERO), null, true);
        BundledPayment b = BundledPaymentCalculatorTest.mjrleTerms(new BundledPayment.QualityAdjustment(r("0.10"), "quality"));
        List<QualityEvent> events = new ArrayList<>(cbpEvents());
        events.add(ev("d2-A", "A", "CBP2", "2024", QualityEvent.Kind.DENOMINATOR));
        events.add(ev("n2-A", "A", "CBP2", "2024", QualityEvent.Kind.NUMERATOR));
        Contract c = new Contract("c", 1, null, "payer", "hospital", d("2024-01-01"), d("2024-12-31"), List.of(b, q), null);
        Statement s = ContractSettlement.settle(c, SettlementInputs.of(Period.parse("2024"), List.of(),
                BundledPaymentCalculatorTest.mjrleClaims(), events)).orElseThrow();
        assertThat(s.arrangements().get(0).amount()).isEqualTo($("-9899.00"));
        assertThat(s.total()).isEqualTo($("-9899.00"));
    }

    @Test
    void badTermsAreNamed() {
        QualityIncentive t = new QualityIncentive("q", List.of(new Measure("X", null, null, 0, null, null, null)),
                new Bonus.Pool($("1")), null, false);
        assertThat(QualityIncentiveCalculator.compute(t, Map.of(), 0, Money.ZERO)).isInstanceOfSatisfying(SettlementOutcome.Refused.class,
                r -> assertThat(r.reason()).contains("quality-incentive q, measure X").contains("target or tiers"));
        QualityIncentive badTier = new QualityIncentive("q", List.of(new Measure("X", null, null, 0, null,
                List.of(new Tier(r("0.5"), r("1.5"))), null)), new Bonus.Pool($("1")), null, false);
        assertThat(QualityIncentiveCalculator.compute(badTier, Map.of("X", new MeasureCounts("X", 1, 2, 0)), 0, Money.ZERO))
                .isInstanceOfSatisfying(SettlementOutcome.Refused.class,
                        r -> assertThat(r.reason()).contains("measure X").contains("points in [0, 1]"));
    }
}
