package org.vbcsettle.ledger;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.Statement;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands no intake would let through, sent straight to the entity (as other code could): each is refused
 * with a reply, no event is persisted, and the entity answers the next command. Serialization of events,
 * replies and state is checked (CBOR, as in production), so a string the journal cannot hold would fail here.
 */
class LedgerHostileCommandsTest {

    static ActorTestKit testKit;
    EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> kit;

    @BeforeAll
    static void startKit() {
        testKit = ActorTestKit.create("LedgerHostileCommandsTest", ContractEntityTest.CONFIG);
    }

    @AfterAll
    static void stopKit() {
        testKit.shutdownTestKit();
    }

    @BeforeEach
    void registered() {
        kit = EventSourcedBehaviorTestKit.create(testKit.system(), ContractEntity.create("C1"),
                // the commands themselves cannot be serialized (between nodes the sender's ask fails); events,
                // replies and state must be
                EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyCommands(false));
        var r = kit.<LedgerReplies.ContractReply>runCommand(ref -> new ContractCommand.RegisterContract(Fixtures.sharedSavings("C1", 1), ref));
        assertThat(r.reply().error()).isNull();
        assertThat(claims(Fixtures.claim("K-1", "M-1", LocalDate.of(2024, 3, 1), 10_000)).accepted()).isEqualTo(1);
    }

    private LedgerReplies.BatchResult claims(Claim... claims) {
        return kit.<LedgerReplies.BatchResult>runCommand(ref -> new ContractCommand.RecordClaims(List.of(claims), ref)).reply();
    }

    private LedgerReplies.TotalsReply totals(String period) {
        return kit.<LedgerReplies.TotalsReply>runCommand(ref -> new ContractCommand.GetTotals(period, ref)).reply();
    }

    private void stillAnswers() {
        LedgerReplies.TotalsReply t = totals(null);
        assertThat(t.error()).isNull();
        assertThat(t.totals().paidClaims()).isEqualTo(Money.ofCents(10_000));
        assertThat(t.totals().claimCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13", "2024-00", "2024-Q0", "2024-Q5", "24", "2024-7", "\ud800", "2024\u0000"})
    void totals_of_a_period_that_is_none_is_a_refusal(String period) {
        var r = kit.<LedgerReplies.TotalsReply>runCommand(ref -> new ContractCommand.GetTotals(period, ref));
        assertThat(r.hasNoEvents()).isTrue();
        assertThat(r.reply().totals()).isNull();
        assertThat(r.reply().refusal().reason()).isEqualTo(LedgerRejection.Reason.INVALID);
        assertThat(r.reply().error()).startsWith("period: period must be YYYY, YYYY-Qn or YYYY-MM, was '");
        stillAnswers();
    }

    @Test
    void records_with_strings_the_journal_cannot_hold_are_rejected_naming_the_field() {
        LocalDate march = LocalDate.of(2024, 3, 1);
        LedgerReplies.BatchResult r = claims(Fixtures.claim("K-\ud800", "M-1", march, 500),
                Fixtures.claim("K-2", "M-\udc00", march, 500), Fixtures.claim("K-3", "M\u0001X", march, 500));
        assertThat(r.accepted()).isZero();
        assertThat(r.errors()).extracting(RecordError::field).containsExactly("id", "memberId", "memberId");
        assertThat(r.errors().get(0).message()).isEqualTo("contains a lone UTF-16 surrogate (U+D800) at position 3");
        assertThat(r.errors().get(0).recordId()).as("the reply itself can be serialized").isEqualTo("K-U+D800");
        assertThat(r.errors().get(2).message()).isEqualTo("contains a control character (U+0001) at position 2");
        var q = kit.<LedgerReplies.BatchResult>runCommand(ref -> new ContractCommand.RecordQualityEvents(List.of(
                new QualityEvent("Q-\udbff", "M-1", "CBP", "2024", QualityEvent.Kind.NUMERATOR),
                new QualityEvent("Q-2", "M-1", "CBP", "2024-13", QualityEvent.Kind.NUMERATOR)), ref));
        assertThat(q.hasNoEvents()).isTrue();
        assertThat(q.reply().errors()).extracting(RecordError::field).containsExactly("id", "period");
        assertThat(q.reply().errors().get(1).message()).isEqualTo("period must be YYYY, YYYY-Qn or YYYY-MM, was '2024-13'");
        stillAnswers();
    }

    @Test
    void terms_with_a_name_the_journal_cannot_hold_are_refused() {
        Contract c = Fixtures.sharedSavings("C1", 2);
        Contract bad = new Contract(c.id(), 2, "Test \ud800 ACO", c.payer(), c.provider(), c.performanceStart(), c.performanceEnd(),
                c.arrangements(), c.settlement());
        var r = kit.<LedgerReplies.ContractReply>runCommand(ref -> new ContractCommand.AmendContract(bad, ref));
        assertThat(r.hasNoEvents()).isTrue();
        assertThat(r.reply().error()).contains("name: contains a lone UTF-16 surrogate (U+D800) at position 6");
        stillAnswers();
    }

    @Test
    void a_settlement_with_reported_facts_it_cannot_use_is_refused() {
        ReportedFacts zeroBenchmark = new ReportedFacts(null, null, null, null, null, null, null, null, Money.ZERO);
        var r = kit.<LedgerReplies.SettlementReply>runCommand(ref -> new ContractCommand.Settle("2024-Q1", Statement.Kind.INTERIM,
                LocalDate.of(2024, 6, 30), zeroBenchmark, ref));
        assertThat(r.hasNoEvents()).isTrue();
        assertThat(r.reply().error()).isEqualTo("reported.benchmarkOverride: must be above $0.00, was $0.00");
        stillAnswers();
    }
}
