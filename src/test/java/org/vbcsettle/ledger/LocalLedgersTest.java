package org.vbcsettle.ledger;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vbcsettle.settlement.Claim;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vbcsettle.ledger.Fixtures.claim;

/**
 * The per-node slots readers keep views in ({@link LocalLedgers}): an entity moves its slot on before it
 * replies to a write, a view is kept only at the sequence number it was computed at, and a stopped entity
 * leaves no slot behind (so that a read on this node after a write's reply always reflects the write).
 */
class LocalLedgersTest {

    static ActorTestKit testKit;

    @BeforeAll
    static void startKit() {
        testKit = ActorTestKit.create("LocalLedgersTest", ContractEntityTest.CONFIG);
    }

    @AfterAll
    static void stopKit() {
        testKit.shutdownTestKit();
    }

    private static List<Claim> batch(String prefix, int n) {
        List<Claim> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(claim(prefix + i, "M" + (i % 5), LocalDate.of(2024, 1 + i % 12, 10), 250_00));
        }
        return out;
    }

    private static RunningTotals totals(ActorRef<ContractCommand> entity) {
        TestProbe<LedgerReplies.TotalsReply> p = testKit.createTestProbe();
        entity.tell(new ContractCommand.GetTotals(null, p.ref()));
        return p.receiveMessage(Duration.ofSeconds(10)).totals();
    }

    @Test
    void the_slot_follows_every_persisted_write_before_its_reply_and_goes_with_the_entity() {
        LocalLedgers local = new LocalLedgers();
        ActorRef<ContractCommand> entity = testKit.spawn(ContractEntity.create("L1", LedgerMetrics.NONE, local));
        TestProbe<Object> probe = testKit.createTestProbe();
        entity.tell(new ContractCommand.RegisterContract(Fixtures.sharedSavings("L1", 1), probe.ref().narrow()));
        probe.expectMessageClass(LedgerReplies.ContractReply.class);
        // the reply has arrived: the slot is already at the registration's number
        LocalLedgers.Slot first = local.slot("L1");
        assertThat(first).isNotNull();
        assertThat(first.sequence()).isEqualTo(1);

        RunningTotals t1 = totals(entity);
        assertThat(t1.asOfSequence()).isEqualTo(1);
        first.keep("totals", t1.asOfSequence(), t1);
        first.keep("stale", 0, "computed at another number");
        assertThat(first.view("totals")).isSameAs(t1);
        assertThat(first.view("stale")).isNull();

        entity.tell(new ContractCommand.RecordClaims(batch("A", 12), probe.ref().narrow()));
        probe.expectMessageClass(LedgerReplies.BatchResult.class);
        LocalLedgers.Slot second = local.slot("L1");
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.view("totals")).isNull(); // the old totals went with the old slot
        RunningTotals t2 = totals(entity);
        // 12 claims of $250.00 = $3,000.00
        assertThat(t2.claimCount()).isEqualTo(12);
        assertThat(t2.paidClaims().cents()).isEqualTo(3_000_00);
        assertThat(t2.asOfSequence()).isEqualTo(second.sequence());

        // a read that changes nothing keeps the slot
        assertThat(local.slot("L1")).isSameAs(second);

        testKit.stop(entity);
        assertThat(local.slot("L1")).isNull();
        assertThat(local.size()).isZero();

        // a new incarnation puts its slot once recovered, at the number it recovered to
        ActorRef<ContractCommand> again = testKit.spawn(ContractEntity.create("L1", LedgerMetrics.NONE, local));
        assertThat(totals(again).claimCount()).isEqualTo(12);
        assertThat(local.slot("L1").sequence()).isEqualTo(2);
        testKit.stop(again);
    }

    @Test
    void a_failed_write_does_not_move_the_slot_and_the_recovered_entity_puts_its_own() {
        PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());
        LocalLedgers local = new LocalLedgers();
        ActorRef<ContractCommand> entity = testKit.spawn(ContractEntity.create("L2", LedgerMetrics.NONE, local));
        TestProbe<Object> probe = testKit.createTestProbe();
        entity.tell(new ContractCommand.RegisterContract(Fixtures.sharedSavings("L2", 1), probe.ref().narrow()));
        probe.expectMessageClass(LedgerReplies.ContractReply.class);
        journal.failNextPersisted();
        entity.tell(new ContractCommand.RecordClaims(batch("B", 5), probe.ref().narrow()));
        probe.expectNoMessage(Duration.ofMillis(300)); // not acknowledged
        // after the restart (backoff 200 ms) the entity recovered the registration only
        RunningTotals t = totals(entity);
        assertThat(t.claimCount()).isZero();
        assertThat(local.slot("L2").sequence()).isEqualTo(t.asOfSequence());
        testKit.stop(entity);
        assertThat(local.slot("L2")).isNull();
    }
}
