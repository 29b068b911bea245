package org.vbcsettle.ledger;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.Statement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vbcsettle.ledger.Fixtures.attribution;
import static org.vbcsettle.ledger.Fixtures.claim;
import static org.vbcsettle.ledger.Fixtures.quality;
import static org.vbcsettle.ledger.Fixtures.replacement;
import static org.vbcsettle.ledger.Fixtures.voiding;

/**
 * Every command of the contract entity through {@link EventSourcedBehaviorTestKit}, with serialization of
 * commands, events, replies and state checked (CBOR, as in production).
 */
class ContractEntityTest {

    static final Config CONFIG = EventSourcedBehaviorTestKit.config()
            .withFallback(ConfigFactory.parseString("akka.actor.provider = local"))
            .withFallback(ConfigFactory.load());

    static ActorTestKit testKit;

    EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> kit;

    @BeforeAll
    static void startKit() {
        testKit = ActorTestKit.create("ContractEntityTest", CONFIG);
    }

    @AfterAll
    static void stopKit() {
        testKit.shutdownTestKit();
    }

    @BeforeEach
    void newEntity() {
        kit = EventSourcedBehaviorTestKit.create(testKit.system(), ContractEntity.create("C1"),
                EventSourcedBehaviorTestKit.enabledSerializationSettings());
    }

    private void register(Contract c) {
        var r = kit.<LedgerReplies.ContractReply>runCommand(ref -> new ContractCommand.RegisterContract(c, ref));
        assertThat(r.reply().error()).isNull();
    }

    private LedgerReplies.BatchResult claims(Claim... claims) {
        return kit.<LedgerReplies.BatchResult>runCommand(ref -> new ContractCommand.RecordClaims(List.of(claims), ref)).reply();
    }

    private RunningTotals totals(String period) {
        var r = kit.<LedgerReplies.TotalsReply>runCommand(ref -> new ContractCommand.GetTotals(period, ref)).reply();
        assertThat(r.error()).isNull();
        return r.totals();
    }

    @Test
    void registersOnceAndRefusesAConflictingRegistration() {
        Contract c = Fixtures.sharedSavings("C1", 1);
        var first = kit.<LedgerReplies.ContractReply>runCommand(ref -> new ContractCommand.RegisterContract(c, ref));
        assertThat(first.events()).containsExactly(new ContractEvent.ContractRegistered(c));
        assertThat(first.reply().contract()).isEqualTo(c);

        var resent = kit.<LedgerReplies.ContractReply>runCommand(ref -> new ContractCommand.RegisterContract(c, ref));
        assertThat(resent.hasNoEvents()).isTrue();
        assertThat(resent.reply().error()).isNull();

        Contract other = Fixtures.qualityPool("C1");
        var conflicting = kit.<LedgerReplies.ContractReply>runCommand(ref -> new ContractCommand.RegisterContract(other, ref));
        assertThat(conflicting.hasNoEvents()).isTrue();
        assertThat(conflicting.reply().error()).contains("already registered (version 1)").contains("amend");

        var wrongId = kit.<LedgerReplies.ContractReply>runCommand(ref ->
                new ContractCommand.RegisterContract(Fixtures.sharedSavings("C2", 1), ref));
        assertThat(wrongId.reply().error()).contains("'C2' does not match the ledger's contract 'C1'");

        var get = kit.<LedgerReplies.ContractReply>runCommand(ContractCommand.GetContract::new);
        assertThat(get.reply().contract()).isEqualTo(c);
    }

    @Test
    void amendsWithAHigherVersionOnly() {
        var unknown = kit.<LedgerReplies.ContractReply>runCommand(ref ->
                new ContractCommand.AmendContract(Fixtures.sharedSavings("C1", 2), ref));
        assertThat(unknown.reply().error()).isEqualTo("contract C1 is not registered");

        register(Fixtures.sharedSavings("C1", 2));
        var lower = kit.<LedgerReplies.ContractReply>runCommand(ref ->
                new ContractCommand.AmendContract(Fixtures.sharedSavings("C1", 1), ref));
        assertThat(lower.hasNoEvents()).isTrue();
        assertThat(lower.reply().error()).contains("amendment version 1 must be higher than the current version 2");

        Contract v3 = Fixtures.sharedSavings("C1", 3);
        var ok = kit.<LedgerReplies.ContractReply>runCommand(ref -> new ContractCommand.AmendContract(v3, ref));
        assertThat(ok.events()).containsExactly(new ContractEvent.ContractAmended(v3));
        assertThat(ok.state().currentContract().versionOrDefault()).isEqualTo(3);
        assertThat(ok.state().contractVersion(2)).isNotNull();
    }

    @Test
    void refusesRecordsBeforeTheContractIsRegistered() {
        var r = claims(claim("a", "m1", LocalDate.of(2024, 1, 5), 100));
        assertThat(r.error()).isEqualTo("contract C1 is not registered: claims refused");
        assertThat(r.rejected()).isEqualTo(1);
    }

    @Test
    void recordsAClaimsBatchAsOneEventAndCountsDuplicatesAndRejections() {
        register(Fixtures.sharedSavings("C1", 1));
        Claim a = claim("a", "m1", Claim.ClaimType.INPATIENT, LocalDate.of(2024, 1, 5), 1_000_00);
        Claim b = claim("b", "m2", LocalDate.of(2024, 2, 10), 250_00);
        Claim noMember = claim("c", " ", LocalDate.of(2024, 2, 10), 1);
        var first = kit.<LedgerReplies.BatchResult>runCommand(ref ->
                new ContractCommand.RecordClaims(List.of(a, b, noMember, a), ref));
        assertThat(first.events()).hasSize(1);
        assertThat(((ContractEvent.ClaimsRecorded) first.event()).claims()).extracting(LedgerClaim::id).containsExactly("a", "b");
        LedgerReplies.BatchResult r = first.reply();
        assertThat(r.accepted()).isEqualTo(2);
        assertThat(r.duplicate()).isEqualTo(1); // "a" twice in one batch
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.errors()).containsExactly(new RecordError(2, "c", "memberId", "is required"));

        var again = kit.<LedgerReplies.BatchResult>runCommand(ref -> new ContractCommand.RecordClaims(List.of(a, b), ref));
        assertThat(again.hasNoEvents()).isTrue();
        assertThat(again.reply().duplicate()).isEqualTo(2);

        RunningTotals year = totals("2024");
        assertThat(year.paidClaims()).isEqualTo(Money.ofCents(1_250_00));
        assertThat(year.claimCount()).isEqualTo(2);
        assertThat(year.paidByType()).isEqualTo(Map.of("inpatient", Money.ofCents(1_000_00), "professional", Money.ofCents(250_00)));
        assertThat(totals("2024-01").paidClaims()).isEqualTo(Money.ofCents(1_000_00));
        assertThat(totals("2024-Q1").paidClaims()).isEqualTo(Money.ofCents(1_250_00));
        assertThat(totals("2024-Q2").paidClaims()).isEqualTo(Money.ZERO);
    }

    @Test
    void replacementsAndVoidsMoveTheTotalsAndMustNameTheHeadOfAKnownChain() {
        register(Fixtures.sharedSavings("C1", 1));
        claims(claim("a", "m1", LocalDate.of(2024, 1, 5), 100_00), claim("b", "m1", LocalDate.of(2024, 3, 1), 40_00));
        // a (100.00, Jan) is replaced by a7 (130.00, Feb); b is voided: totals 130.00 in Feb only
        var r = claims(replacement("a7", "a", "m1", LocalDate.of(2024, 2, 1), 130_00), voiding("b8", "b", "m1", LocalDate.of(2024, 3, 1)));
        assertThat(r.accepted()).isEqualTo(2);
        assertThat(totals("2024-01").paidClaims()).isEqualTo(Money.ZERO);
        assertThat(totals("2024-02").paidClaims()).isEqualTo(Money.ofCents(130_00));
        assertThat(totals("2024").paidClaims()).isEqualTo(Money.ofCents(130_00));
        assertThat(totals("2024").claimCount()).isEqualTo(1);

        var bad = claims(
                replacement("x7", "nope", "m1", LocalDate.of(2024, 2, 1), 1),      // unknown claim
                replacement("a77", "a", "m1", LocalDate.of(2024, 2, 1), 1),        // a was already replaced by a7
                replacement("b7", "b8", "m1", LocalDate.of(2024, 2, 1), 1),        // b8 is a void
                new Claim("z8", "m1", Claim.ClaimType.PROFESSIONAL, LocalDate.of(2024, 2, 1), null, LocalDate.of(2024, 3, 1), Money.ZERO, null,
                        null, null, null, null, Claim.Frequency.VOID, null));      // names nothing
        assertThat(bad.accepted()).isZero();
        assertThat(bad.errors()).extracting(RecordError::recordId).containsExactly("x7", "a77", "b7", "z8");
        assertThat(bad.errors().get(0).message()).isEqualTo("replacement names unknown claim 'nope'");
        assertThat(bad.errors().get(1).message()).contains("already replaced by 'a7'");
        assertThat(bad.errors().get(2).message()).contains("is a void");
        assertThat(bad.errors().get(3).field()).isEqualTo("replacesClaimId");

        // a chain continues from its head, within one batch too
        var chain = claims(replacement("a8", "a7", "m1", LocalDate.of(2024, 2, 1), 90_00), voiding("a9", "a8", "m1", LocalDate.of(2024, 2, 1)));
        assertThat(chain.accepted()).isEqualTo(2);
        assertThat(totals("2024").paidClaims()).isEqualTo(Money.ZERO);
    }

    @Test
    void truncatesEachMembersYearlySpendAtTheCap() {
        register(Fixtures.sharedSavings("C1", 1)); // cap $500 per member per year
        claims(claim("a", "m1", LocalDate.of(2024, 1, 5), 400_00), claim("b", "m1", LocalDate.of(2024, 6, 5), 300_00),
                claim("c", "m2", LocalDate.of(2024, 6, 5), 200_00));
        // m1: 700 → 500; m2: 200 → total 700.00 truncated of 900.00 paid
        RunningTotals t = totals("2024");
        assertThat(t.paidClaims()).isEqualTo(Money.ofCents(900_00));
        assertThat(t.truncatedSpend()).isEqualTo(Money.ofCents(700_00));
        claims(voiding("b8", "b", "m1", LocalDate.of(2024, 6, 5)));
        assertThat(totals("2024").truncatedSpend()).isEqualTo(Money.ofCents(600_00));
        assertThat(totals("2024-Q1").truncatedSpend()).isNull(); // truncation is annual
    }

    @Test
    void attributesMemberMonthsWithRetroactiveChanges() {
        register(Fixtures.sharedSavings("C1", 1));
        var r = kit.<LedgerReplies.BatchResult>runCommand(ref -> new ContractCommand.AttributeMembers(List.of(
                attribution("t1", "m1", 1), attribution("t2", "m1", 2), attribution("t3", "m2", 1),
                attribution("t4", "m2", 1), // same member-month twice counts once
                new Attribution("t5", "m3", YearMonth.of(2024, 1), java.math.BigDecimal.ONE, null, "missing", true),
                new Attribution("t6", "m3", null, java.math.BigDecimal.ONE, null, null, true)), ref));
        assertThat(r.reply().accepted()).isEqualTo(4);
        assertThat(r.reply().errors()).extracting(RecordError::recordId, RecordError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t5", "replacesId"), org.assertj.core.groups.Tuple.tuple("t6", "month"));
        assertThat(totals("2024").memberMonths()).isEqualTo(3);
        claims(claim("a", "m1", LocalDate.of(2024, 1, 5), 300_00));
        assertThat(totals("2024").paidPmpm()).isEqualTo(Money.ofCents(100_00));

        // retroactive: t2 (m1, Feb) withdrawn; t1 moved to m4
        kit.<LedgerReplies.BatchResult>runCommand(ref -> new ContractCommand.AttributeMembers(List.of(
                new Attribution("t2x", "m1", YearMonth.of(2024, 2), java.math.BigDecimal.ONE, null, "t2", false),
                new Attribution("t1x", "m4", YearMonth.of(2024, 1), java.math.BigDecimal.ONE, null, "t1", true)), ref));
        assertThat(totals("2024").memberMonths()).isEqualTo(2); // m2 Jan, m4 Jan
        assertThat(totals("2024-02").memberMonths()).isZero();
    }

    @Test
    void recordsQualityEventsOfTheContractsMeasuresOnly() {
        register(Fixtures.qualityPool("C1"));
        var r = kit.<LedgerReplies.BatchResult>runCommand(ref -> new ContractCommand.RecordQualityEvents(List.of(
                quality("q1", "m1", QualityEvent.Kind.DENOMINATOR),
                new QualityEvent("q2", "m1", "XYZ", "2024", QualityEvent.Kind.NUMERATOR),
                new QualityEvent("q3", "m1", "CBP", "24", QualityEvent.Kind.NUMERATOR),
                quality("q1", "m1", QualityEvent.Kind.DENOMINATOR)), ref));
        assertThat(r.reply().accepted()).isEqualTo(1);
        assertThat(r.reply().duplicate()).isEqualTo(1);
        assertThat(r.reply().errors()).extracting(RecordError::field).containsExactly("measureId", "period");
        assertThat(r.reply().errors().get(0).message()).contains("'XYZ' is not a measure of contract C1");
        assertThat(r.state().qualityEventRecords()).hasSize(1);
    }

    @Test
    void refusesSettlementsThatAreNotDue() {
        register(Fixtures.sharedSavings("C1", 1));
        var early = settle("2024", Statement.Kind.FINAL, LocalDate.of(2025, 3, 31));
        assertThat(early.error()).contains("needs 3 months of claims run-out after 2024-12-31: possible from 2025-04-01");
        var quarterNotOver = settle("2024-Q2", Statement.Kind.INTERIM, LocalDate.of(2024, 6, 30));
        assertThat(quarterNotOver.error()).contains("quarter 2024-Q2 ends 2024-06-30");
        var notAQuarter = settle("2024", Statement.Kind.INTERIM, LocalDate.of(2025, 6, 30));
        assertThat(notAQuarter.error()).contains("an interim settlement is for a quarter");
        var wrongYear = settle("2023", Statement.Kind.FINAL, LocalDate.of(2025, 6, 30));
        assertThat(wrongYear.error()).contains("final settlement is for the performance period '2024'");
        var projected = settle("2024", Statement.Kind.PROJECTED, LocalDate.of(2025, 6, 30));
        assertThat(projected.error()).contains("INTERIM").contains("FINAL");
    }

    @Test
    void payoutStatusChangesOfUnknownPayoutsAreRefused() {
        register(Fixtures.sharedSavings("C1", 1));
        var r = kit.<LedgerReplies.PayoutReply>runCommand(ref -> new ContractCommand.ChangePayoutStatus("C1|x|2024", Payout.Status.APPROVED, ref));
        assertThat(r.reply().error()).isEqualTo("contract C1 has no payout 'C1|x|2024'");
        var list = kit.<LedgerReplies.PayoutsReply>runCommand(ContractCommand.ListPayouts::new);
        assertThat(list.reply().payouts()).isEmpty();
        var statements = kit.<LedgerReplies.StatementsReply>runCommand(ContractCommand.ListStatements::new);
        assertThat(statements.reply().statements()).isEmpty();
    }

    @Test
    void recoversTheSameTotalsFromSnapshotAndEvents() {
        register(Fixtures.sharedSavings("C1", 1));
        for (int i = 0; i < 230; i++) { // > 2 snapshots (every 100 events)
            int day = 1 + i % 28;
            if (i % 10 == 9) {
                claims(replacement("r" + i, "c" + (i - 1), "m" + (i % 7), LocalDate.of(2024, 1 + i % 12, day), 10_00 + i));
            } else {
                claims(claim("c" + i, "m" + (i % 7), LocalDate.of(2024, 1 + i % 12, day), 100_00 + i));
            }
        }
        RunningTotals before = totals("2024");
        kit.restart();
        RunningTotals after = totals("2024");
        assertThat(after).usingRecursiveComparison().ignoringFields("notes").isEqualTo(before);
        assertThat(after.asOfSequence()).isEqualTo(231);
        LedgerInvariants.check(kit.getState());
    }

    private LedgerReplies.SettlementReply settle(String period, Statement.Kind kind, LocalDate asOf) {
        return kit.<LedgerReplies.SettlementReply>runCommand(ref -> new ContractCommand.Settle(period, kind, asOf, null, ref)).reply();
    }
}
