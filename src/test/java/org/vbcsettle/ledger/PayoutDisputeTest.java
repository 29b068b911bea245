package org.vbcsettle.ledger;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializer;
import akka.serialization.Serializers;
import akka.serialization.jackson.JacksonObjectMapperProvider;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.QualityEvent;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vbcsettle.ledger.Fixtures.quality;

/**
 * The provider's dispute of a short-paid disbursement ({@link PayoutStatusDecider#dispute}), through the entity with
 * serialization checks on: refused before the payout is disbursed and when the remittance is not short; opened once
 * (the same remittance again is a no-op, another one is refused); kept across recovery; a payout journaled before
 * disputes existed reads with none.
 */
class PayoutDisputeTest {
    static ActorTestKit testKit;
    static final String KEY = "P|quality.qi.CBP.met|2024";

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create("PayoutDisputeTest", ContractEntityTest.CONFIG);
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    static EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> entityWithPayout() {
        var c = Fixtures.qualityPool("P");
        var kit = EventSourcedBehaviorTestKit.<ContractCommand, ContractEvent, ContractState>create(testKit.system(),
                ContractEntity.create(c.id()), EventSourcedBehaviorTestKit.enabledSerializationSettings());
        assertThat(kit.<LedgerReplies.ContractReply>runCommand(r -> new ContractCommand.RegisterContract(c, r)).reply().error()).isNull();
        kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordQualityEvents(List.of(
                quality("d1", "m1", QualityEvent.Kind.DENOMINATOR), quality("d2", "m2", QualityEvent.Kind.DENOMINATOR),
                quality("n1", "m1", QualityEvent.Kind.NUMERATOR), quality("n2", "m2", QualityEvent.Kind.NUMERATOR)), r));
        assertThat(kit.getState().payout(KEY)).as("the CBP bonus was triggered").isNotNull();
        return kit;
    }

    static EventSourcedBehaviorTestKit.CommandResultWithReply<ContractCommand, ContractEvent, ContractState, LedgerReplies.PayoutReply>
    dispute(EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> kit, long remitted, String trace) {
        return kit.runCommand(r -> new ContractCommand.DisputePayout(KEY, remitted, "short-paid", trace, r, "req-7"));
    }

    static void move(EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> kit, Payout.Status s) {
        assertThat(kit.<LedgerReplies.PayoutReply>runCommand(r -> new ContractCommand.ChangePayoutStatus(KEY, s, r)).reply().error()).isNull();
    }

    @Test
    void aShortDisbursementIsDisputedOnceAndTheDisputeSurvivesRecovery() {
        var kit = entityWithPayout();
        long amount = kit.getState().payout(KEY).amount().cents();
        assertThat(amount).isGreaterThan(10_000);
        long remitted = amount - 10_000; // $100.00 short

        var early = dispute(kit, remitted, "EFT-1");
        assertThat(early.hasNoEvents()).isTrue();
        assertThat(early.reply().error()).isEqualTo("payout " + KEY + " is TRIGGERED; only a DISBURSED payout can be disputed as short-paid");
        move(kit, Payout.Status.APPROVED);
        assertThat(dispute(kit, remitted, "EFT-1").reply().refusal().reason()).isEqualTo(LedgerRejection.Reason.FORBIDDEN_TRANSITION);
        move(kit, Payout.Status.DISBURSED);

        var exact = dispute(kit, amount, "EFT-1");
        assertThat(exact.hasNoEvents()).isTrue();
        assertThat(exact.reply().error()).isEqualTo("payout " + KEY + " is not short: remitted " + amount + " cents of " + amount
                + " (a dispute needs 0 <= remitted < amount)");
        assertThat(dispute(kit, remitted, " ").reply().refusal().reason()).isEqualTo(LedgerRejection.Reason.INVALID);

        var opened = dispute(kit, remitted, "EFT-1");
        assertThat(opened.reply().error()).isNull();
        assertThat(opened.events()).containsExactly(new ContractEvent.PayoutDisputed(KEY, remitted, 10_000, "short-paid", "EFT-1", "req-7"));
        Payout.Dispute d = new Payout.Dispute(remitted, 10_000, "short-paid", "EFT-1");
        assertThat(opened.reply().payout().dispute()).isEqualTo(d);
        assertThat(opened.reply().payout().status()).as("a flag next to the status").isEqualTo(Payout.Status.DISBURSED);
        assertThat(kit.getState().payout(KEY).dispute()).isEqualTo(d);

        var again = dispute(kit, remitted, "EFT-1");
        assertThat(again.hasNoEvents()).isTrue();
        assertThat(again.reply().error()).isNull();
        assertThat(again.reply().payout().dispute()).isEqualTo(d);

        var other = dispute(kit, remitted - 1, "EFT-2");
        assertThat(other.hasNoEvents()).isTrue();
        assertThat(other.reply().refusal().reason()).isEqualTo(LedgerRejection.Reason.CONFLICT);
        assertThat(other.reply().error()).contains("already disputed (remittance trace EFT-1, short 10000 cents)");

        kit.restart();
        assertThat(kit.getState().payout(KEY).dispute()).isEqualTo(d);
        assertThat(kit.getState().toSnapshot().payouts()).extracting(Payout::dispute).contains(d);
    }

    @Test
    void anUnknownPayoutOrARecoupmentIsNotDisputed() {
        var kit = entityWithPayout();
        var unknown = kit.<LedgerReplies.PayoutReply>runCommand(r -> new ContractCommand.DisputePayout("P|nope|2024", 0, "short", "T", r, null));
        assertThat(unknown.reply().refusal().reason()).isEqualTo(LedgerRejection.Reason.UNKNOWN_PAYOUT);

        Payout recoupment = new Payout("R|settlement.final|2024", "R", "settlement.final", "2024", "2024", Money.ofCents(-5_000),
                "repayment", Payout.Status.TRIGGERED, 1);
        ContractState state = new ContractState("R").evolve(new ContractEvent.PayoutTriggered(recoupment))
                .evolve(new ContractEvent.PayoutStatusChanged(recoupment.key(), Payout.Status.APPROVED))
                .evolve(new ContractEvent.PayoutStatusChanged(recoupment.key(), Payout.Status.DISBURSED));
        var d = PayoutStatusDecider.dispute(state, new ContractCommand.DisputePayout(recoupment.key(), -6_000, "short", "T", null, null));
        assertThat(d.events()).isEmpty();
        assertThat(((LedgerReplies.PayoutReply) d.reply()).error()).contains("is a recoupment of -5000 cents");
    }

    @Test
    void aPayoutJournaledBeforeDisputesExistedReadsWithNone() throws Exception {
        Payout p = new Payout("P|settlement.final|2024", "P", "settlement.final", "2024", "2024", Money.ofCents(12_345), "final",
                Payout.Status.TRIGGERED, 3);
        ContractEvent event = new ContractEvent.PayoutTriggered(p);
        Serialization serialization = SerializationExtension.get(testKit.system().classicSystem());
        Serializer serializer = serialization.findSerializerFor(event);
        ObjectMapper cbor = JacksonObjectMapperProvider.get(testKit.system().classicSystem())
                .getOrCreate("jackson-cbor", Optional.of(new CBORFactory()));
        ObjectNode tree = (ObjectNode) cbor.readTree(serialization.serialize(event).get());
        assertThat(((ObjectNode) tree.get("payout")).remove("dispute")).as("the field is written").isNotNull();
        Object read = serialization.deserialize(cbor.writeValueAsBytes(tree), serializer.identifier(), Serializers.manifestFor(serializer, event)).get();
        assertThat(read).isEqualTo(event);
        assertThat(((ContractEvent.PayoutTriggered) read).payout().dispute()).isNull();
    }
}
