package org.vbcsettle.ledger;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.SettlementTerms;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.Statement;
import org.vbcsettle.settlement.sharedsavings.SharedSavingsResult;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reported facts recorded in the ledger ({@link ContractCommand.ReportFacts}): versioned by the event
 * sequence, used by the running totals' projection and by settlements, overridden field by field by facts
 * given with a settlement. Commands, events, replies and state go through CBOR (serialization settings on).
 */
class LedgerReportedFactsTest {

    static ActorTestKit testKit;

    @BeforeAll
    static void startKit() {
        testKit = ActorTestKit.create("LedgerReportedFactsTest", ContractEntityTest.CONFIG);
    }

    @AfterAll
    static void stopKit() {
        testKit.shutdownTestKit();
    }

    private static EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> entity(Contract c) {
        var kit = EventSourcedBehaviorTestKit.<ContractCommand, ContractEvent, ContractState>create(testKit.system(),
                ContractEntity.create(c.id()), EventSourcedBehaviorTestKit.enabledSerializationSettings());
        var r = kit.<LedgerReplies.ContractReply>runCommand(ref -> new ContractCommand.RegisterContract(c, ref));
        assertThat(r.reply().error()).isNull();
        return kit;
    }

    /**
     * MSSP-style: total benchmark $1,000,000, fixed MSR 2%, sharing 50%, quality score reported by the payer
     * (no source arrangement): standard 0.40 (full rate), alternative 0.30 (rate × score); cap 10%; no
     * completion factors (factor 1), run-out 3 months.
     */
    static Contract mssp(String id) {
        SharedSavings ss = new SharedSavings("ss", new SharedSavings.Benchmark.Total(Money.ofDollars(1_000_000)),
                new MinimumRate.Fixed(new BigDecimal("0.02")), new BigDecimal("0.50"),
                new SharedSavings.QualityRule(null, new BigDecimal("0.40"), new BigDecimal("0.30")), new BigDecimal("0.10"),
                BigDecimal.ZERO, null, null, null);
        return new Contract(id, 1, "MSSP " + id, "Payer", "Provider", Fixtures.START, Fixtures.END, List.of(ss),
                new SettlementTerms(3, List.of(), BigDecimal.ZERO, true));
    }

    /** BPCI-style: DRG 470, 90 days, target $20,000, quality adjustment up to 10% by a reported CQS, stop-gain/loss 50%. */
    static Contract bpci(String id) {
        BundledPayment bp = new BundledPayment("bp",
                List.of(new BundledPayment.EpisodeDefinition("MJRLE", "Major joint replacement", List.of("470"), List.of(), 90,
                        Money.ofDollars(20_000), null)),
                null, new BundledPayment.QualityAdjustment(new BigDecimal("0.10"), null),
                new BigDecimal("0.50"), new BigDecimal("0.50"));
        return new Contract(id, 1, "BPCI " + id, "Payer", "Provider", Fixtures.START, Fixtures.END, List.of(bp),
                new SettlementTerms(3, List.of(), BigDecimal.ZERO, true));
    }

    static ReportedFacts score(String qualityScore) {
        return new ReportedFacts(null, new BigDecimal(qualityScore), null, null, null, null, null, null, null);
    }

    static ReportedFacts cqs(String cqs) {
        return new ReportedFacts(null, null, null, null, null, null, null, new BigDecimal(cqs), null);
    }

    private static LedgerReplies.FactsReply report(EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> kit,
                                                   String period, ReportedFacts facts) {
        return kit.<LedgerReplies.FactsReply>runCommand(ref -> new ContractCommand.ReportFacts(period, facts, ref)).reply();
    }

    private static RunningTotals totals(EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> kit) {
        var r = kit.<LedgerReplies.TotalsReply>runCommand(ref -> new ContractCommand.GetTotals(null, ref)).reply();
        assertThat(r.error()).isNull();
        return r.totals();
    }

    /** One member attributed all year with $900,000 of paid claims: savings $100,000 against $1,000,000 (10% ≥ MSR 2%). */
    private static void msspYear(EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> kit) {
        List<org.vbcsettle.settlement.Attribution> members = new java.util.ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            members.add(Fixtures.attribution("A" + m, "M1", m));
        }
        var a = kit.<LedgerReplies.BatchResult>runCommand(ref -> new ContractCommand.AttributeMembers(members, ref)).reply();
        assertThat(a.rejected()).isZero();
        var c = kit.<LedgerReplies.BatchResult>runCommand(ref -> new ContractCommand.RecordClaims(List.of(
                Fixtures.claim("X1", "M1", LocalDate.of(2024, 3, 1), 45_000_000L),
                Fixtures.claim("X2", "M1", LocalDate.of(2024, 9, 1), 45_000_000L)), ref)).reply();
        assertThat(c.accepted()).isEqualTo(2);
    }

    @Test
    void msspProjectionUsesTheReportedQualityScoreAndALaterReportReplacesIt() {
        var kit = entity(mssp("MS1"));
        msspYear(kit);
        // no score: neither standard met, no shared savings
        assertThat(totals(kit).projectedSettlement()).isEqualTo(Money.ZERO);

        // score 0.35: only the alternative standard (≥ 0.30) → rate 50% × 0.35 = 17.5%; $100,000 × 17.5% = $17,500
        var first = report(kit, "2024", score("0.35"));
        assertThat(first.error()).isNull();
        assertThat(first.changed()).isTrue();
        assertThat(totals(kit).projectedSettlement()).isEqualTo(Money.ofDollars(17_500));

        // the same facts again (0.350 = 0.35): no new event, the stored report and its sequence
        var again = kit.<LedgerReplies.FactsReply>runCommand(ref -> new ContractCommand.ReportFacts("2024", score("0.350"), ref));
        assertThat(again.events()).isEmpty();
        assertThat(again.reply().changed()).isFalse();
        assertThat(again.reply().sequence()).isEqualTo(first.sequence());

        // score 0.45 ≥ standard 0.40: full 50% → $50,000 (cap 10% × $1,000,000 = $100,000 not reached)
        var second = kit.<LedgerReplies.FactsReply>runCommand(ref -> new ContractCommand.ReportFacts(null, score("0.45"), ref));
        assertThat(second.events()).containsExactly(new ContractEvent.FactsReported("2024", score("0.45")));
        assertThat(second.reply().sequence()).isGreaterThan(first.sequence());
        assertThat(totals(kit).projectedSettlement()).isEqualTo(Money.ofDollars(50_000));

        // the facts survive a restart (replayed from the CBOR journal)
        kit.restart();
        var got = kit.<LedgerReplies.FactsReply>runCommand(ref -> new ContractCommand.GetReportedFacts("2024", ref)).reply();
        assertThat(got.facts()).isEqualTo(score("0.45"));
        assertThat(got.sequence()).isEqualTo(second.reply().sequence());
        assertThat(totals(kit).projectedSettlement()).isEqualTo(Money.ofDollars(50_000));
    }

    @Test
    void explicitFactsOverrideStoredOnesFieldByFieldAndTheStatementRecordsThem() {
        var kit = entity(mssp("MS2"));
        msspYear(kit);
        // stored: score 0.45 (standard met) and 5,000 assigned beneficiaries
        assertThat(report(kit, "2024", new ReportedFacts(5_000, new BigDecimal("0.45"), null, null, null, null, null, null, null))
                .error()).isNull();
        // explicit: only qualityStandardMet = false → the stored score 0.45 still applies, alternative 0.45 ≥ 0.30:
        // rate 50% × 0.45 = 22.5%; $100,000 × 22.5% = $22,500
        ReportedFacts explicit = new ReportedFacts(null, null, false, null, null, null, null, null, null);
        var s = kit.<LedgerReplies.SettlementReply>runCommand(ref -> new ContractCommand.Settle("2024", Statement.Kind.FINAL,
                LocalDate.of(2025, 4, 1), explicit, ref)).reply();
        assertThat(s.error()).isNull();
        assertThat(s.statement().total()).isEqualTo(Money.ofDollars(22_500));
        assertThat(s.statement().arrangements().get(0).figuresAs(SharedSavingsResult.class).qualityScore()).isEqualByComparingTo("0.45");
        // the stored beneficiary count was used too (drives nothing here with a fixed MSR, but is recorded)
        assertThat(s.statement().arrangements().get(0).lineItems().toString()).contains("5000");

        // once the period is closed the facts can no longer change
        var late = report(kit, "2024", score("0.10"));
        assertThat(late.refusal().reason()).isEqualTo(LedgerRejection.Reason.CONFLICT);
    }

    @Test
    void anInterimSettlementTakesTheQuartersFactsElseThoseOfTheYear() {
        var kit = entity(mssp("MS3"));
        msspYear(kit);
        assertThat(report(kit, "2024", score("0.35")).error()).isNull();
        assertThat(report(kit, "2024-Q2", score("0.45")).error()).isNull();
        var q1 = kit.<LedgerReplies.SettlementReply>runCommand(ref -> new ContractCommand.Settle("2024-Q1", Statement.Kind.INTERIM,
                LocalDate.of(2024, 5, 1), null, ref)).reply();
        var q2 = kit.<LedgerReplies.SettlementReply>runCommand(ref -> new ContractCommand.Settle("2024-Q2", Statement.Kind.INTERIM,
                LocalDate.of(2024, 8, 1), null, ref)).reply();
        assertThat(q1.error()).isNull();
        assertThat(q2.error()).isNull();
        assertThat(q1.statement().arrangements().get(0).figuresAs(SharedSavingsResult.class).qualityScore()).isEqualByComparingTo("0.35");
        assertThat(q2.statement().arrangements().get(0).figuresAs(SharedSavingsResult.class).qualityScore()).isEqualByComparingTo("0.45");
    }

    @Test
    void bpciProjectionNeedsAndUsesTheReportedCompositeQualityScore() {
        var kit = entity(bpci("BP1"));
        // one episode: anchor 2024-03-01..03-05 paid $15,000, 90-day window, target $20,000
        var c = kit.<LedgerReplies.BatchResult>runCommand(ref -> new ContractCommand.RecordClaims(List.of(
                Fixtures.anchor("K1", "M1", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 5), 1_500_000L)), ref)).reply();
        assertThat(c.accepted()).isEqualTo(1);
        RunningTotals before = totals(kit);
        assertThat(before.projectedSettlement()).isNull();
        assertThat(before.notes().toString()).contains("compositeQualityScore");

        // reconciliation $20,000 − $15,000 = $5,000; CQS 0.8: adjustment −($5,000 × 10% × (1 − 0.8)) = −$100;
        // $4,900 (stop-gain 50% × $20,000 = $10,000 not reached)
        assertThat(report(kit, "2024", cqs("0.8")).error()).isNull();
        assertThat(totals(kit).projectedSettlement()).isEqualTo(Money.ofDollars(4_900));
    }

    @Test
    void invalidFactsAreRefusedNamingTheField() {
        var kit = entity(mssp("MS4"));
        var r = kit.<LedgerReplies.FactsReply>runCommand(ref -> new ContractCommand.ReportFacts("2024",
                new ReportedFacts(null, new BigDecimal("1.5"), null, null, Money.ofDollars(-1), new BigDecimal("-0.1"), null, null, null), ref));
        assertThat(r.events()).isEmpty();
        assertThat(r.reply().refusal().reason()).isEqualTo(LedgerRejection.Reason.INVALID);
        assertThat(r.reply().error()).contains("qualityScore must be between 0 and 1, was 1.5")
                .contains("participantRevenue must be 0 or more").contains("disasterShare must be between 0 and 1, was -0.1");
        assertThat(report(kit, "2025-Q1", score("0.5")).error()).contains("period").contains("outside the performance period");
        assertThat(report(kit, "2024-07", score("0.5")).error()).contains("period");
        var unknown = entity(mssp("MS5"));
        assertThat(unknown.<LedgerReplies.FactsReply>runCommand(ref -> new ContractCommand.GetReportedFacts(null, ref)).reply().facts())
                .isEqualTo(ReportedFacts.NONE);
    }
}
