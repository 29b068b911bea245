package org.vbcsettle.ledger;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.Statement;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payout of $0 is recorded in the terminal status NOTHING_DUE: its trigger has fired (it never pays
 * again) and the period's payouts still sum to its final settlement, but there is nothing to approve.
 */
class LedgerNothingDueTest {

    static ActorTestKit testKit;

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create("LedgerNothingDueTest", ContractEntityTest.CONFIG);
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    private static LedgerReplies.BatchResult claims(EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> kit,
                                                    Claim... claims) {
        return kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordClaims(List.of(claims), r)).reply();
    }

    @Test
    void anEpisodeUnderTargetWhoseAdvanceIsZeroIsNothingDueAndNeverFiresAgain() {
        var kit = EventSourcedBehaviorTestKit.<ContractCommand, ContractEvent, ContractState>create(testKit.system(),
                ContractEntity.create("Z"), EventSourcedBehaviorTestKit.enabledSerializationSettings());
        kit.<LedgerReplies.ContractReply>runCommand(r -> new ContractCommand.RegisterContract(Fixtures.bundled("Z"), r));
        // bundled: target $20,000, stop-gain/loss 50% ($10,000), withhold 20%.
        // m1: anchor 2024-01-10..01-14, $12,000 → under target by $8,000
        // m2: anchor 2024-01-10..01-14, $29,000 → over target by $9,000 (within the $10,000 stop-loss)
        // both episodes end 01-14 + 89 = 2024-04-13; data paid through 01-29: still open
        // m3 (no episode) has a claim in February: with January's anchors and May's claim below, three months of
        // claims experience, the advance policy's default minimum
        assertThat(claims(kit, Fixtures.anchor("a1", "m1", LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 14), 12_000_00),
                Fixtures.anchor("a2", "m2", LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 14), 29_000_00),
                Fixtures.claim("e1", "m3", LocalDate.of(2024, 2, 1), 100_00)).payouts()).isEmpty();
        // m3's claim paid 05-21 closes both: a1 is under target (the trigger), projected 8,000 − 9,000 = −$1,000;
        // advance = max(0, −1,000 × 0.80 − 0) = $0
        LedgerReplies.BatchResult r = claims(kit, Fixtures.claim("o1", "m3", LocalDate.of(2024, 5, 1), 300_00));
        assertThat(r.payouts()).hasSize(1);
        Payout p = r.payouts().get(0);
        assertThat(p.key()).isEqualTo("Z|episode.bp:a1.under-target|2024");
        assertThat(p.amount()).isEqualTo(Money.ZERO);
        assertThat(p.status()).isEqualTo(Payout.Status.NOTHING_DUE);
        assertThat(kit.getState().payout(p.key()).status()).isEqualTo(Payout.Status.NOTHING_DUE);

        // nothing to approve, disburse or acknowledge
        var approve = kit.<LedgerReplies.PayoutReply>runCommand(rr -> new ContractCommand.ChangePayoutStatus(p.key(), Payout.Status.APPROVED, rr));
        assertThat(approve.hasNoEvents()).isTrue();
        assertThat(approve.reply().refusal().reason()).isEqualTo(LedgerRejection.Reason.FORBIDDEN_TRANSITION);
        assertThat(approve.reply().error()).isEqualTo("payout Z|episode.bp:a1.under-target|2024 is NOTHING_DUE (amount $0.00): "
                + "there is nothing to approve, disburse or acknowledge");
        var toNothingDue = kit.<LedgerReplies.PayoutReply>runCommand(rr -> new ContractCommand.ChangePayoutStatus(p.key(), Payout.Status.NOTHING_DUE, rr));
        assertThat(toNothingDue.reply().refusal().reason()).isEqualTo(LedgerRejection.Reason.INVALID);

        // the paid-through date enters June: every episode is looked at again, the trigger does not fire twice
        assertThat(claims(kit, Fixtures.claim("o2", "m3", LocalDate.of(2024, 6, 1), 200_00)).payouts()).isEmpty();

        // interim Q2 (asOf 07-15, every claim paid by then): total −$1,000 → advance max(0, −800 − 0) = $0: nothing due
        var interim = kit.<LedgerReplies.SettlementReply>runCommand(rr -> new ContractCommand.Settle("2024-Q2", Statement.Kind.INTERIM,
                LocalDate.of(2024, 7, 15), null, rr)).reply();
        assertThat(interim.error()).isNull();
        assertThat(interim.statement().total()).isEqualTo(Money.ofDollars(-1_000));
        assertThat(interim.payout().amount()).isEqualTo(Money.ZERO);
        assertThat(interim.payout().status()).isEqualTo(Payout.Status.NOTHING_DUE);

        // final: −$1,000, paid so far $0 → true-up −$1,000 (a recoupment the payer collects: triggered)
        var fin = kit.<LedgerReplies.SettlementReply>runCommand(rr -> new ContractCommand.Settle("2024", Statement.Kind.FINAL,
                LocalDate.of(2025, 4, 1), null, rr)).reply();
        assertThat(fin.statement().total()).isEqualTo(Money.ofDollars(-1_000));
        assertThat(fin.payout().amount()).isEqualTo(Money.ofDollars(-1_000));
        assertThat(fin.payout().status()).isEqualTo(Payout.Status.TRIGGERED);
        // three payouts, 0 + 0 − 1,000 = the final settlement; only the true-up is for the payer to act on
        List<Payout> all = kit.getState().payouts();
        assertThat(all).extracting(Payout::status).containsExactly(Payout.Status.NOTHING_DUE, Payout.Status.NOTHING_DUE,
                Payout.Status.TRIGGERED);
        assertThat(all.stream().mapToLong(x -> x.amount().cents()).sum()).isEqualTo(-1_000_00);
        LedgerInvariants.check(kit.getState());
    }

    @Test
    void statusesParseAndStepInOrder() {
        assertThat(Payout.Status.parse("nothing_due")).isEqualTo(Payout.Status.NOTHING_DUE);
        assertThat(Payout.Status.parse(" Nothing-Due ")).isEqualTo(Payout.Status.NOTHING_DUE);
        assertThat(Payout.Status.NOTHING_DUE.previous()).isNull();
        assertThat(Payout.Status.TRIGGERED.previous()).isNull();
        assertThat(Payout.Status.APPROVED.previous()).isEqualTo(Payout.Status.TRIGGERED);
        assertThat(Payout.Status.DISBURSED.previous()).isEqualTo(Payout.Status.APPROVED);
        assertThat(Payout.Status.ACKNOWLEDGED.previous()).isEqualTo(Payout.Status.DISBURSED);
        assertThat(Payout.Status.initial(Money.ZERO)).isEqualTo(Payout.Status.NOTHING_DUE);
        assertThat(Payout.Status.initial(Money.ofCents(-1))).isEqualTo(Payout.Status.TRIGGERED);
        assertThat(Payout.Status.initial(Money.ofCents(1))).isEqualTo(Payout.Status.TRIGGERED);
    }
}
