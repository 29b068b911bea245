package org.vbcsettle.ledger;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
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
 * Recovery after a failed journal write (the database going away mid-ingest): the entity restarts with
 * backoff and recovers from the journal. The state it recovers into must be empty, not the state the failed
 * incarnation left behind.
 */
class ContractRecoveryTest {

    static ActorTestKit testKit;

    @BeforeAll
    static void startKit() {
        testKit = ActorTestKit.create("ContractRecoveryTest", ContractEntityTest.CONFIG);
    }

    @AfterAll
    static void stopKit() {
        testKit.shutdownTestKit();
    }

    private static List<Claim> batch(String prefix, int n) {
        List<Claim> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(claim(prefix + i, "M" + (i % 7), LocalDate.of(2024, 1 + i % 12, 10), 100_00));
        }
        return out;
    }

    @Test
    void aFailedWriteBeforeTheFirstSnapshotRecoversEveryEventOnce() {
        PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());
        ActorRef<ContractCommand> entity = testKit.spawn(ContractEntity.create("R1"));
        TestProbe<Object> probe = testKit.createTestProbe();
        entity.tell(new ContractCommand.RegisterContract(Fixtures.sharedSavings("R1", 1), probe.ref().narrow()));
        probe.expectMessageClass(LedgerReplies.ContractReply.class);
        // two batches of 30 claims persisted (events 2 and 3), far below the first snapshot at 100
        entity.tell(new ContractCommand.RecordClaims(batch("A", 30), probe.ref().narrow()));
        probe.expectMessageClass(LedgerReplies.BatchResult.class);
        entity.tell(new ContractCommand.RecordClaims(batch("B", 30), probe.ref().narrow()));
        probe.expectMessageClass(LedgerReplies.BatchResult.class);

        // the next write fails: the batch was already applied to the state in memory, the journal refuses it,
        // the entity restarts (backoff 200 ms) and recovers events 1-3 from the journal
        journal.failNextPersisted();
        entity.tell(new ContractCommand.RecordClaims(batch("C", 30), probe.ref().narrow()));
        probe.expectNoMessage(Duration.ofMillis(300)); // a failed write is not answered

        // recovered: 60 claims, each once. Before the fix the restart replayed events 1-3 onto the state the
        // failed incarnation had mutated (Akka's empty state is one instance per entity): it already held
        // A, B and C, 90 records all in effect; replaying event 2 (batch A) re-put 30 known ids (still 90
        // records) and counted them again, and recovery failed with "claims in effect out of bounds: 120 of 90",
        // again on every further restart.
        TestProbe<LedgerReplies.TotalsReply> totals = testKit.createTestProbe();
        entity.tell(new ContractCommand.GetTotals("2024", totals.ref()));
        RunningTotals t = totals.receiveMessage(Duration.ofSeconds(5)).totals();
        // 60 claims of $100.00 each = $6,000.00
        assertThat(t.claimCount()).isEqualTo(60);
        assertThat(t.paidClaims().cents()).isEqualTo(6_000_00);

        // the refused batch can be sent again and is taken once: 90 claims, $9,000.00
        entity.tell(new ContractCommand.RecordClaims(batch("C", 30), probe.ref().narrow()));
        LedgerReplies.BatchResult again = probe.expectMessageClass(LedgerReplies.BatchResult.class, Duration.ofSeconds(5));
        assertThat(again.accepted()).isEqualTo(30);
        entity.tell(new ContractCommand.GetTotals("2024", totals.ref()));
        RunningTotals after = totals.receiveMessage(Duration.ofSeconds(3)).totals();
        assertThat(after.claimCount()).isEqualTo(90);
        assertThat(after.paidClaims().cents()).isEqualTo(9_000_00);
    }
}
