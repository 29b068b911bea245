package org.vbcsettle.ledger;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.contract.SettlementTerms;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.Statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two over-advances of issue 16, rebuilt on the test fixtures, and what the advance policy pays now:
 * quality events that arrive before any claim (an advance was paid on a projection with no spend at all), and
 * bundled-payment episodes still open counted as if reconciled (target − partial spend).
 */
class LedgerAdvancePolicyTest {

    static ActorTestKit testKit;

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create("LedgerAdvancePolicyTest", ContractEntityTest.CONFIG);
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    private static EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> entity(Contract c) {
        var kit = EventSourcedBehaviorTestKit.<ContractCommand, ContractEvent, ContractState>create(testKit.system(),
                ContractEntity.create(c.id()), EventSourcedBehaviorTestKit.enabledSerializationSettings());
        assertThat(kit.<LedgerReplies.ContractReply>runCommand(r -> new ContractCommand.RegisterContract(c, r)).reply().refusal()).isNull();
        return kit;
    }

    private static LedgerReplies.BatchResult claims(EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> kit,
                                                    List<Claim> claims) {
        return kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordClaims(claims, r)).reply();
    }

    private static Money projected(EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> kit) {
        return kit.<LedgerReplies.TotalsReply>runCommand(r -> new ContractCommand.GetTotals(null, r)).reply().totals().projectedSettlement();
    }

    static Contract poolAndSavings(String id) {
        QualityIncentive qi = (QualityIncentive) Fixtures.qualityPool(id).arrangements().get(0);
        SharedSavings ss = new SharedSavings("ss", new SharedSavings.Benchmark.Total(Money.ofDollars(1_000_000)),
                new MinimumRate.Fixed(new BigDecimal("0.02")), new BigDecimal("0.50"),
                new SharedSavings.QualityRule("qi", new BigDecimal("0.30"), null), new BigDecimal("0.10"),
                BigDecimal.ZERO, null, null, null);
        return new Contract(id, 1, "Pool and savings " + id, "Payer", "Provider", Fixtures.START, Fixtures.END, List.of(qi, ss),
                new SettlementTerms(3, List.of(), new BigDecimal("0.25"), true));
    }

    @Test
    void qualityEventsBeforeAnyClaimPayNoAdvance() {
        // quality pool $10,000 (CBP) and shared savings vs $1,000,000 (MSR 2%, sharing 50%, cap 10% of benchmark,
        // no truncation) whose quality score is the pool's composite; withhold 25%
        var kit = entity(poolAndSavings("Q0"));
        List<Attribution> members = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            members.add(Fixtures.attribution("a1-" + m, "m1", m));
            members.add(Fixtures.attribution("a2-" + m, "m2", m));
        }
        kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.AttributeMembers(members, r));
        var met = kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordQualityEvents(List.of(
                Fixtures.quality("d1", "m1", QualityEvent.Kind.DENOMINATOR), Fixtures.quality("d2", "m2", QualityEvent.Kind.DENOMINATOR),
                Fixtures.quality("n1", "m1", QualityEvent.Kind.NUMERATOR), Fixtures.quality("n2", "m2", QualityEvent.Kind.NUMERATOR)), r)).reply();
        // before the policy: with no spend the projection is the pool $10,000 + savings capped at $100,000 = $110,000,
        // and CBP met advanced 110,000 × 0.75 = $82,500. Now: nothing, and the reply says why.
        assertThat(projected(kit)).isEqualTo(Money.ofDollars(110_000));
        assertThat(met.payouts()).isEmpty();
        assertThat(met.notes()).singleElement().asString().contains("quality measure CBP")
                .contains("advance held: the period has no claims yet");
        assertThat(kit.getState().payouts()).isEmpty();

        // two months of claims: still held, 2 of the 3 months the default policy requires
        claims(kit, List.of(Fixtures.claim("c1", "m1", LocalDate.of(2024, 1, 5), 40_000_00),
                Fixtures.claim("c2", "m2", LocalDate.of(2024, 2, 5), 40_000_00)));
        var q1 = kit.<LedgerReplies.SettlementReply>runCommand(r -> new ContractCommand.Settle("2024-Q1", Statement.Kind.INTERIM,
                LocalDate.of(2024, 4, 15), null, r)).reply();
        // the interim statement is issued; its payout is $0 and says why
        assertThat(q1.statement()).isNotNull();
        assertThat(q1.payout().amount()).isEqualTo(Money.ZERO);
        assertThat(q1.payout().reason()).contains("advance held: 2 months of claims experience, policy requires 3");
        assertThat(q1.notes()).anySatisfy(n -> assertThat(n).contains("advance held: 2 months of claims experience"));
        assertThat(kit.getState().payouts()).allSatisfy(p -> assertThat(p.amount()).isEqualTo(Money.ZERO));

        // the year's spend arrives: $990,000 (savings 1% < MSR 2%: no shared savings); final = the pool, $10,000
        List<Claim> year = new ArrayList<>();
        for (int m = 3; m <= 12; m++) {
            year.add(Fixtures.claim("y1-" + m, "m1", LocalDate.of(2024, m, 3), 45_500_00));
            year.add(Fixtures.claim("y2-" + m, "m2", LocalDate.of(2024, m, 4), 45_500_00));
        }
        claims(kit, year);
        var fin = kit.<LedgerReplies.SettlementReply>runCommand(r -> new ContractCommand.Settle("2024", Statement.Kind.FINAL,
                LocalDate.of(2025, 4, 1), null, r)).reply();
        assertThat(fin.statement().total()).isEqualTo(Money.ofDollars(10_000));
        // nothing was advanced before the final (the Q1 payout was $0): the final pays the $10,000, nothing to claw back
        assertThat(fin.payout().amount()).isEqualTo(Money.ofDollars(10_000));
        LedgerInvariants.check(kit.getState());
    }

    @Test
    void openEpisodesAreNotAdvancedAsIfReconciled() {
        // bundled: target $20,000 per episode, stop-gain / stop-loss 50%, withhold 20%
        var kit = entity(Fixtures.bundled("B0"));
        // m0's episode: 01-02..01-05, $12,000, nothing after: closes 04-03, $8,000 under target (the trigger)
        // m1..m9: anchors in February and March, $10,000 each; each has $15,000 of post-acute care 40 days
        // later, paid 20 days after that (so still unpaid when m0's episode closes)
        List<Claim> anchors = new ArrayList<>();
        List<Claim> postAcute = new ArrayList<>();
        anchors.add(Fixtures.anchor("a0", "m0", LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 5), 12_000_00));
        for (int i = 1; i <= 9; i++) {
            LocalDate from = LocalDate.of(2024, i <= 4 ? 2 : 3, 1 + i);
            anchors.add(Fixtures.anchor("a" + i, "m" + i, from, from.plusDays(3), 10_000_00));
            postAcute.add(Fixtures.claim("p" + i, "m" + i, Claim.ClaimType.SNF, from.plusDays(40), 15_000_00));
        }
        assertThat(claims(kit, anchors).payouts()).isEmpty();
        // a claim paid 04-10 puts the paid-through date past m0's episode end: the trigger fires
        var closed = claims(kit, List.of(Fixtures.claim("o1", "x1", LocalDate.of(2024, 3, 21), 100_00)));
        assertThat(kit.getState().paidThrough()).isEqualTo(LocalDate.of(2024, 4, 10));
        // before the policy: the projection counts the nine open episodes at their anchors' spend,
        // 8,000 + 9 × (20,000 − 10,000) = $98,000 (under the $100,000 stop-gain), advanced × 0.80 = $78,400
        assertThat(projected(kit)).isEqualTo(Money.ofDollars(98_000));
        // now: closed episodes only, m0's $8,000 × 0.80 = $6,400
        assertThat(closed.payouts()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("B0|episode.bp:a0.under-target|2024");
            assertThat(p.amount()).isEqualTo(Money.ofDollars(6_400));
        });
        claims(kit, postAcute);
        var fin = kit.<LedgerReplies.SettlementReply>runCommand(r -> new ContractCommand.Settle("2024", Statement.Kind.FINAL,
                LocalDate.of(2025, 4, 1), null, r)).reply();
        // final: 8,000 + 9 × (20,000 − 25,000) = −$37,000. The old advance would be clawed back by $115,400; the
        // policy's $6,400 is bounded by what the data at the time could support (m0's reconciliation × 0.80),
        // the rest of the difference comes from claims paid after it
        assertThat(fin.statement().total()).isEqualTo(Money.ofDollars(-37_000));
        assertThat(fin.payout().amount()).isEqualTo(Money.ofDollars(-43_400));
        LedgerInvariants.check(kit.getState());
    }
}
