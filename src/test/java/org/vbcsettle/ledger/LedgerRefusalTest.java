package org.vbcsettle.ledger;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.Statement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vbcsettle.ledger.Fixtures.quality;

/** Every kind of refusal carries its reason code (what the API maps to 404/409/422). */
class LedgerRefusalTest {

    static ActorTestKit testKit;

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create("LedgerRefusalTest", ContractEntityTest.CONFIG);
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    static LedgerRejection.Reason reason(LedgerReplies.Reply r) {
        assertThat(r.refusal()).as("refused").isNotNull();
        assertThat(r.error()).isEqualTo(r.refusal().message());
        return r.refusal().reason();
    }

    @Test
    void eachRefusalHasItsReason() {
        var kit = EventSourcedBehaviorTestKit.<ContractCommand, ContractEvent, ContractState>create(testKit.system(),
                ContractEntity.create("R"), EventSourcedBehaviorTestKit.enabledSerializationSettings());
        // not registered yet
        assertThat(reason(kit.<LedgerReplies.TotalsReply>runCommand(r -> new ContractCommand.GetTotals(null, r)).reply()))
                .isEqualTo(LedgerRejection.Reason.UNKNOWN_CONTRACT);
        assertThat(reason(kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordClaims(List.of(), r)).reply()))
                .isEqualTo(LedgerRejection.Reason.UNKNOWN_CONTRACT);
        assertThat(reason(kit.<LedgerReplies.SettlementReply>runCommand(r -> new ContractCommand.Settle("2024", Statement.Kind.FINAL,
                LocalDate.of(2025, 4, 1), null, r)).reply())).isEqualTo(LedgerRejection.Reason.UNKNOWN_CONTRACT);
        Contract c = Fixtures.qualityPool("R");
        assertThat(reason(kit.<LedgerReplies.ContractReply>runCommand(r -> new ContractCommand.AmendContract(c, r)).reply()))
                .isEqualTo(LedgerRejection.Reason.UNKNOWN_CONTRACT);

        assertThat(kit.<LedgerReplies.ContractReply>runCommand(r -> new ContractCommand.RegisterContract(c, r)).reply().refusal()).isNull();
        Contract other = new Contract("R", 1, "other name", c.payer(), c.provider(), c.performanceStart(), c.performanceEnd(),
                c.arrangements(), c.settlement());
        assertThat(reason(kit.<LedgerReplies.ContractReply>runCommand(r -> new ContractCommand.RegisterContract(other, r)).reply()))
                .isEqualTo(LedgerRejection.Reason.CONFLICT);
        assertThat(reason(kit.<LedgerReplies.ContractReply>runCommand(r -> new ContractCommand.AmendContract(other, r)).reply()))
                .as("version 1 is not higher than 1").isEqualTo(LedgerRejection.Reason.CONFLICT);
        Contract wrongId = new Contract("X", 2, c.name(), c.payer(), c.provider(), c.performanceStart(), c.performanceEnd(),
                c.arrangements(), c.settlement());
        assertThat(reason(kit.<LedgerReplies.ContractReply>runCommand(r -> new ContractCommand.AmendContract(wrongId, r)).reply()))
                .isEqualTo(LedgerRejection.Reason.INVALID);
        List<org.vbcsettle.settlement.Claim> tooMany = new ArrayList<>();
        for (int i = 0; i <= ContractDecider.MAX_BATCH; i++) {
            tooMany.add(null);
        }
        assertThat(reason(kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordClaims(tooMany, r)).reply()))
                .isEqualTo(LedgerRejection.Reason.INVALID);
        assertThat(reason(kit.<LedgerReplies.TotalsReply>runCommand(r -> new ContractCommand.GetTotals("not-a-period", r)).reply()))
                .isEqualTo(LedgerRejection.Reason.INVALID);
        // final before the run-out ends: invalid now (422), not a conflict
        assertThat(reason(kit.<LedgerReplies.SettlementReply>runCommand(r -> new ContractCommand.Settle("2024", Statement.Kind.FINAL,
                LocalDate.of(2025, 1, 15), null, r)).reply())).isEqualTo(LedgerRejection.Reason.INVALID);

        // a payout (quality measure met: 2 of 2 eligible) and its status changes
        kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordQualityEvents(List.of(
                quality("d1", "m1", QualityEvent.Kind.DENOMINATOR), quality("d2", "m2", QualityEvent.Kind.DENOMINATOR),
                quality("n1", "m1", QualityEvent.Kind.NUMERATOR), quality("n2", "m2", QualityEvent.Kind.NUMERATOR)), r));
        String key = "R|quality.qi.CBP.met|2024";
        assertThat(kit.getState().payout(key)).isNotNull();
        assertThat(reason(kit.<LedgerReplies.PayoutReply>runCommand(r -> new ContractCommand.ChangePayoutStatus("nope", Payout.Status.APPROVED, r)).reply()))
                .isEqualTo(LedgerRejection.Reason.UNKNOWN_PAYOUT);
        assertThat(reason(kit.<LedgerReplies.PayoutReply>runCommand(r -> new ContractCommand.ChangePayoutStatus(key, Payout.Status.DISBURSED, r)).reply()))
                .isEqualTo(LedgerRejection.Reason.FORBIDDEN_TRANSITION);
        assertThat(reason(kit.<LedgerReplies.PayoutReply>runCommand(r -> new ContractCommand.ChangePayoutStatus(key, Payout.Status.TRIGGERED, r)).reply()))
                .isEqualTo(LedgerRejection.Reason.INVALID);

        // closed by the final settlement: a later interim is a conflict
        assertThat(kit.<LedgerReplies.SettlementReply>runCommand(r -> new ContractCommand.Settle("2024", Statement.Kind.FINAL,
                LocalDate.of(2025, 4, 1), null, r)).reply().refusal()).isNull();
        assertThat(reason(kit.<LedgerReplies.SettlementReply>runCommand(r -> new ContractCommand.Settle("2024-Q2", Statement.Kind.INTERIM,
                LocalDate.of(2025, 4, 2), null, r)).reply())).isEqualTo(LedgerRejection.Reason.CONFLICT);
    }

    /** The ledger checks terms as contract files are checked: a period that ends the day it starts is refused. */
    @Test
    void termsAreCheckedAsContractFilesAreNamingTheField() {
        var kit = EventSourcedBehaviorTestKit.<ContractCommand, ContractEvent, ContractState>create(testKit.system(),
                ContractEntity.create("T"), EventSourcedBehaviorTestKit.enabledSerializationSettings());
        Contract c = Fixtures.qualityPool("T");
        Contract oneDay = new Contract("T", 1, c.name(), c.payer(), c.provider(), c.performanceStart(), c.performanceStart(),
                c.arrangements(), c.settlement());
        var refused = kit.<LedgerReplies.ContractReply>runCommand(r -> new ContractCommand.RegisterContract(oneDay, r));
        assertThat(refused.hasNoEvents()).isTrue();
        assertThat(reason(refused.reply())).isEqualTo(LedgerRejection.Reason.INVALID);
        assertThat(refused.reply().error()).isEqualTo("contract T: performanceEnd: must be after performanceStart (2024-01-01), was 2024-01-01");

        assertThat(kit.<LedgerReplies.ContractReply>runCommand(r -> new ContractCommand.RegisterContract(c, r)).reply().refusal()).isNull();
        Contract noPayer = new Contract("T", 2, c.name(), " ", c.provider(), c.performanceStart(), c.performanceEnd(),
                c.arrangements(), c.settlement());
        var amend = kit.<LedgerReplies.ContractReply>runCommand(r -> new ContractCommand.AmendContract(noPayer, r));
        assertThat(amend.hasNoEvents()).isTrue();
        assertThat(reason(amend.reply())).isEqualTo(LedgerRejection.Reason.INVALID);
        assertThat(amend.reply().error()).startsWith("contract T: payer: ");
        assertThat(kit.getState().currentContract()).isEqualTo(c);
    }
}
