package org.vbcsettle.settlement;

import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.Period;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.bundled.BundledPaymentCalculatorTest;
import org.vbcsettle.settlement.bundled.BundledPaymentResult;
import org.vbcsettle.settlement.quality.QualityIncentiveResult;
import org.vbcsettle.settlement.sharedsavings.SharedSavingsResult;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one dispatch over the arrangement kinds: typed figures per kind, refusals with their reason. */
public class ContractSettlementTest {

    static final Period Y2024 = Period.parse("2024");

    static Contract contract(List<org.vbcsettle.contract.Arrangement> arrangements) {
        return new Contract("c", 1, null, "payer", "provider", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), arrangements, null);
    }

    /** A quality arrangement (one measure, met by 1 of 1: composite 1), the MJRLE bundle and total-benchmark shared savings. */
    public static Contract allKinds() {
        QualityIncentive q = new QualityIncentive("quality", List.of(new QualityIncentive.Measure("CBP", null, null, 0,
                new BigDecimal("0.5"), null, null)), new QualityIncentive.Bonus.Pool(Money.ofDollars(1_000)), null, false);
        BundledPayment b = BundledPaymentCalculatorTest.mjrleTerms(new BundledPayment.QualityAdjustment(new BigDecimal("0.10"), "quality"));
        SharedSavings ss = new SharedSavings("ss", new SharedSavings.Benchmark.Total(Money.ofDollars(200_000)),
                new MinimumRate.Fixed(new BigDecimal("0.02")), new BigDecimal("0.50"),
                new SharedSavings.QualityRule("quality", new BigDecimal("0.80"), null), null, null, null, null, null);
        return contract(List.of(ss, b, q));
    }

    public static SettlementInputs inputs() {
        List<Attribution> attribution = new ArrayList<>();
        for (String member : List.of("m1", "m2", "m3")) {
            for (int m = 1; m <= 12; m++) {
                attribution.add(Attribution.of(member + "-" + m, member, YearMonth.of(2024, m), BigDecimal.ONE));
            }
        }
        List<QualityEvent> quality = List.of(new QualityEvent("d1", "m1", "CBP", "2024", QualityEvent.Kind.DENOMINATOR),
                new QualityEvent("n1", "m1", "CBP", "2024", QualityEvent.Kind.NUMERATOR));
        return SettlementInputs.of(Y2024, attribution, BundledPaymentCalculatorTest.mjrleClaims(), quality);
    }

    @Test
    void everyKindSettlesToItsTypedFiguresAndTheCompositeFeedsTheOthers() {
        Statement s = ContractSettlement.settle(allKinds(), inputs()).orElseThrow();
        assertThat(s.arrangements()).extracting(ArrangementResult::arrangementId).containsExactly("ss", "mjrle-bundle", "quality");
        QualityIncentiveResult q = s.arrangements().get(2).figuresAs(QualityIncentiveResult.class);
        assertThat(q.composite()).isEqualByComparingTo("1");
        assertThat(s.arrangements().get(1).figuresAs(BundledPaymentResult.class).qualityAdjustment().score()).isEqualByComparingTo("1");
        assertThat(s.arrangements().get(0).figuresAs(SharedSavingsResult.class).qualityScore()).isEqualByComparingTo("1");
        assertThat(s.arrangements().get(2).benchmarksMet()).extracting(Benchmark::trigger).containsExactly("quality.quality.CBP.met");
        Money sum = Money.sum(s.arrangements().stream().map(ArrangementResult::amount).toList());
        assertThat(s.total()).isEqualTo(sum);
        for (ArrangementResult r : s.arrangements()) {
            assertThat(r.amount()).isEqualTo(r.figures().amount());
        }
    }

    @Test
    void statementsWithTypedFiguresRoundTripThroughJson() {
        Statement s = ContractSettlement.settle(allKinds(), inputs()).orElseThrow();
        String json = StatementRenderer.json(s);
        assertThat(json).contains("\"kind\" : \"shared-savings\"").contains("\"kind\" : \"bundled-payment\"")
                .contains("\"kind\" : \"quality-incentive\"").doesNotContain("metrics");
        assertThat(StatementRenderer.fromJson(json)).isEqualTo(s);
    }

    @Test
    void aRefusedArrangementRefusesTheStatementWithItsReason() {
        BundledPayment noScore = BundledPaymentCalculatorTest.mjrleTerms(new BundledPayment.QualityAdjustment(new BigDecimal("0.10"), null));
        SettlementOutcome<Statement> outcome = ContractSettlement.settle(contract(List.of(noScore)), inputs());
        assertThat(outcome).isInstanceOfSatisfying(SettlementOutcome.Refused.class,
                r -> assertThat(r.reason()).contains("mjrle-bundle").contains("compositeQualityScore"));
        // the same claim id twice with different content: the inputs cannot be resolved
        List<Claim> claims = new ArrayList<>(BundledPaymentCalculatorTest.mjrleClaims());
        Claim first = claims.get(0);
        claims.add(new Claim(first.id(), first.memberId(), first.type(), first.serviceFrom(), first.serviceThrough(), first.paidDate(),
                first.paidAmount().plus(Money.ofCents(1)), first.allowedAmount(), first.drg(), first.hcpcs(), first.diagnoses(),
                first.billingProvider(), first.frequency(), first.replacesClaimId()));
        SettlementOutcome<Statement> duplicate = ContractSettlement.settle(contract(List.of(noScore)),
                SettlementInputs.of(Y2024, List.of(), claims, List.of()));
        assertThat(duplicate).isInstanceOfSatisfying(SettlementOutcome.Refused.class,
                r -> assertThat(r.reason()).contains(first.id()).contains("appears twice"));
    }
}
