package org.vbcsettle.ledger;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.Statement;
import org.vbcsettle.settlement.sharedsavings.SharedSavingsResult;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vbcsettle.ledger.Fixtures.quality;

/**
 * Benchmark payouts, interim and final settlements through the entity, with every amount worked out by
 * hand in the comments (the calculators' own rules: see the settlement package).
 */
class LedgerSettlementTest {

    static ActorTestKit testKit;

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create("LedgerSettlementTest", ContractEntityTest.CONFIG);
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> entity(Contract c) {
        var kit = EventSourcedBehaviorTestKit.<ContractCommand, ContractEvent, ContractState>create(testKit.system(),
                ContractEntity.create(c.id()), EventSourcedBehaviorTestKit.enabledSerializationSettings());
        assertThat(kit.<LedgerReplies.ContractReply>runCommand(r -> new ContractCommand.RegisterContract(c, r)).reply().error()).isNull();
        return kit;
    }

    static LedgerReplies.BatchResult record(EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> kit,
                                             QualityEvent... events) {
        return kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordQualityEvents(List.of(events), r)).reply();
    }

    static EventSourcedBehaviorTestKit.CommandResultWithReply<ContractCommand, ContractEvent, ContractState, LedgerReplies.SettlementReply>
    settle(EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> kit, String period, Statement.Kind kind, LocalDate asOf) {
        return kit.runCommand(r -> new ContractCommand.Settle(period, kind, asOf, null, r));
    }

    @Test
    void aQualityMeasureMetAdvancesTheBonusAndTheFinalTrueUpNetsItOut() {
        var kit = entity(Fixtures.qualityPool("Q")); // pool $10,000, CBP target 60%, min denominator 2, gate 0.5, withhold 20%
        // CBP: 3 eligible, 1 in the numerator: 33.3% < 60% → not met, nothing paid
        var r1 = record(kit, quality("d1", "m1", QualityEvent.Kind.DENOMINATOR), quality("d2", "m2", QualityEvent.Kind.DENOMINATOR),
                quality("d3", "m3", QualityEvent.Kind.DENOMINATOR), quality("n1", "m1", QualityEvent.Kind.NUMERATOR));
        assertThat(r1.payouts()).isEmpty();
        // 2 of 3 = 66.7% ≥ 60% with 3 ≥ 2 eligible → met. Composite 1.0 ≥ 0.5 → projected bonus $10,000;
        // advance = $10,000 × (1 − 0.20) − $0 paid = $8,000.00
        var r2 = record(kit, quality("n2", "m2", QualityEvent.Kind.NUMERATOR));
        assertThat(r2.payouts()).hasSize(1);
        Payout advance = r2.payouts().get(0);
        assertThat(advance.key()).isEqualTo("Q|quality.qi.CBP.met|2024");
        assertThat(advance.amount()).isEqualTo(Money.ofDollars(8_000));
        assertThat(advance.status()).isEqualTo(Payout.Status.TRIGGERED);
        // the totals show the measure against its target and the composite against the gate:
        // CBP rate 2 ÷ 3 = 0.6666666667 (10 decimals half-even) ≥ target 0.60; eligible 3 ≥ minimum 2 → met;
        // composite 1 × 1 point ÷ weight 1 = 1.000000 (6 decimals) ≥ minimum 0.5; bonus the whole pool $10,000
        RunningTotals qt = kit.<LedgerReplies.TotalsReply>runCommand(r -> new ContractCommand.GetTotals(null, r)).reply().totals();
        assertThat(qt.arrangements()).hasSize(1);
        ArrangementTotals qa = qt.arrangements().get(0);
        assertThat(qa.arrangementId()).isEqualTo("qi");
        assertThat(qa.projectedEarned()).isEqualTo(Money.ofDollars(10_000));
        assertThat(qa.sharedSavings()).isNull();
        assertThat(qa.bundle()).isNull();
        assertThat(qa.quality().measures()).containsExactly(new ArrangementTotals.Measure("CBP", new BigDecimal("0.6666666667"),
                new BigDecimal("0.60"), List.of(), false, 2, 3, 2, true, true));
        assertThat(qa.quality().composite().toPlainString()).isEqualTo("1.000000");
        assertThat(qa.quality().minimumComposite()).isEqualTo("0.5");
        assertThat(qa.quality().compositeMet()).isTrue();
        assertThat(qa.quality().bonus()).isEqualTo(Money.ofDollars(10_000));
        assertThat(qt.payoutsSoFar()).isEqualTo(Money.ofDollars(8_000));
        // met again by more numerators: the trigger never pays twice
        assertThat(record(kit, quality("n3", "m3", QualityEvent.Kind.NUMERATOR)).payouts()).isEmpty();

        // interim Q1 (year to date), events so far: register, 3 batches, 1 payout = sequence 5.
        // interim amount $10,000 × 0.80 = $8,000 − $8,000 paid = $0 due
        var q1 = settle(kit, "2024-Q1", Statement.Kind.INTERIM, LocalDate.of(2024, 4, 15));
        assertThat(q1.reply().error()).isNull();
        assertThat(q1.reply().statement().total()).isEqualTo(Money.ofDollars(10_000));
        assertThat(q1.reply().statement().computedAtSequence()).isEqualTo(5);
        assertThat(q1.reply().statement().periodStart()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(q1.reply().statement().periodEnd()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(q1.reply().payout().amount()).isEqualTo(Money.ZERO);
        var again = settle(kit, "2024-Q1", Statement.Kind.INTERIM, LocalDate.of(2024, 5, 1));
        assertThat(again.hasNoEvents()).isTrue();
        assertThat(again.reply().repeated()).isTrue();
        assertThat(again.reply().statement()).isEqualTo(q1.reply().statement());

        // m2 and m3 excluded: eligible 1 < minimum denominator 2 → not scored → composite 0 → no bonus
        record(kit, quality("x2", "m2", QualityEvent.Kind.EXCLUSION), quality("x3", "m3", QualityEvent.Kind.EXCLUSION));
        // final: $0 − $8,000 paid = −$8,000.00 recoupment; payouts of 2024 sum to 8,000 + 0 − 8,000 = 0 = final
        var fin = settle(kit, "2024", Statement.Kind.FINAL, LocalDate.of(2025, 4, 1));
        assertThat(fin.reply().error()).isNull();
        assertThat(fin.reply().statement().total()).isEqualTo(Money.ZERO);
        assertThat(fin.reply().payout().amount()).isEqualTo(Money.ofDollars(-8_000));
        assertThat(fin.reply().payout().reason()).contains("recoupment");
        assertThat(kit.getState().isClosed("2024")).isTrue();
        LedgerInvariants.check(kit.getState());

        var finAgain = settle(kit, "2024", Statement.Kind.FINAL, LocalDate.of(2025, 6, 1));
        assertThat(finAgain.hasNoEvents()).isTrue();
        assertThat(finAgain.reply().statement()).isEqualTo(fin.reply().statement());
        assertThat(finAgain.reply().payout()).isEqualTo(fin.reply().payout());
        assertThat(settle(kit, "2024-Q2", Statement.Kind.INTERIM, LocalDate.of(2025, 6, 1)).reply().error()).contains("closed");
        // new terms (version 2: a $20,000 pool) do not change the settled period: same statement, version 1
        Contract v2 = Fixtures.qualityPool("Q");
        v2 = new Contract("Q", 2, v2.name(), v2.payer(), v2.provider(), v2.performanceStart(), v2.performanceEnd(),
                List.of(new org.vbcsettle.contract.QualityIncentive("qi", ((org.vbcsettle.contract.QualityIncentive) v2.arrangements().get(0)).measures(),
                        new org.vbcsettle.contract.QualityIncentive.Bonus.Pool(Money.ofDollars(20_000)), new java.math.BigDecimal("0.5"), false)),
                v2.settlement());
        Contract amended = v2;
        assertThat(kit.<LedgerReplies.ContractReply>runCommand(r -> new ContractCommand.AmendContract(amended, r)).reply().error()).isNull();
        var afterAmend = settle(kit, "2024", Statement.Kind.FINAL, LocalDate.of(2025, 7, 1));
        assertThat(afterAmend.hasNoEvents()).isTrue();
        assertThat(afterAmend.reply().statement().contractVersion()).isEqualTo(1);
        assertThat(afterAmend.reply().statement()).isEqualTo(fin.reply().statement());
        // a closed period pays no more benchmarks
        record(kit, quality("n4", "m4", QualityEvent.Kind.NUMERATOR), quality("d4", "m4", QualityEvent.Kind.DENOMINATOR));
        assertThat(kit.getState().payouts()).hasSize(3);
    }

    @Test
    void payoutsMoveThroughApprovalDisbursementAndAcknowledgementInOrder() {
        var kit = entity(Fixtures.qualityPool("P"));
        record(kit, quality("d1", "m1", QualityEvent.Kind.DENOMINATOR), quality("d2", "m2", QualityEvent.Kind.DENOMINATOR),
                quality("n1", "m1", QualityEvent.Kind.NUMERATOR), quality("n2", "m2", QualityEvent.Kind.NUMERATOR));
        String key = "P|quality.qi.CBP.met|2024";
        assertThat(kit.getState().payout(key)).isNotNull();
        var early = kit.<LedgerReplies.PayoutReply>runCommand(r -> new ContractCommand.ChangePayoutStatus(key, Payout.Status.ACKNOWLEDGED, r));
        assertThat(early.reply().error()).isEqualTo("payout " + key + " is TRIGGERED; it must be DISBURSED before it can be ACKNOWLEDGED");
        for (Payout.Status s : List.of(Payout.Status.APPROVED, Payout.Status.DISBURSED, Payout.Status.ACKNOWLEDGED)) {
            var r = kit.<LedgerReplies.PayoutReply>runCommand(ref -> new ContractCommand.ChangePayoutStatus(key, s, ref));
            assertThat(r.reply().payout().status()).isEqualTo(s);
            assertThat(r.events()).containsExactly(new ContractEvent.PayoutStatusChanged(key, s));
        }
        var repeat = kit.<LedgerReplies.PayoutReply>runCommand(r -> new ContractCommand.ChangePayoutStatus(key, Payout.Status.ACKNOWLEDGED, r));
        assertThat(repeat.hasNoEvents()).isTrue();
        assertThat(repeat.reply().error()).isNull();
    }

    @Test
    void anEpisodeClosedUnderTargetTriggersAnAdvanceOnceThePaidThroughDatePassesItsEnd() {
        var kit = entity(Fixtures.bundled("B"));
        // anchor: DRG 470, 2024-01-10 to 01-14, $12,000 paid 01-29; episode ends 01-14 + 90 − 1 = 2024-04-13
        Claim anchor = Fixtures.anchor("a1", "m1", LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 14), 12_000_00);
        Claim follow = Fixtures.claim("f1", "m1", LocalDate.of(2024, 2, 1), 1_000_00); // paid 02-21
        var r1 = kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordClaims(List.of(anchor, follow), r)).reply();
        assertThat(r1.payouts()).as("episode still open: data paid through 02-21").isEmpty();
        // another member's claim moves the paid-through date to 05-21 (a later month): m1's episode has closed
        // with spend $13,000 under the $20,000 target. Projected reconciliation 20,000 − 13,000 = $7,000
        // (within the 50% stop-gain of $10,000); advance = $7,000 × 0.80 = $5,600.00
        var r2 = kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordClaims(
                List.of(Fixtures.claim("o1", "m2", LocalDate.of(2024, 5, 1), 300_00)), r)).reply();
        assertThat(r2.payouts()).hasSize(1);
        assertThat(r2.payouts().get(0).key()).isEqualTo("B|episode.bp:a1.under-target|2024");
        assertThat(r2.payouts().get(0).amount()).isEqualTo(Money.ofCents(5_600_00));

        RunningTotals t = kit.<LedgerReplies.TotalsReply>runCommand(r -> new ContractCommand.GetTotals(null, r)).reply().totals();
        assertThat(t.episodes().closed()).isEqualTo(1);
        assertThat(t.episodes().closedSpend()).isEqualTo(Money.ofDollars(13_000));
        assertThat(t.episodes().closedTarget()).isEqualTo(Money.ofDollars(20_000));
        assertThat(t.projectedSettlement()).isEqualTo(Money.ofDollars(7_000));
        assertThat(t.payoutsSoFar()).isEqualTo(Money.ofCents(5_600_00));
        // per arrangement: 1 episode, closed, under target; target $20,000, spend $13,000 (no winsorization
        // bounds: winsorized = spend), reconciliation 20,000 − 13,000 = $7,000, no quality adjustment
        assertThat(t.arrangements()).hasSize(1);
        ArrangementTotals bt = t.arrangements().get(0);
        assertThat(bt.arrangementId()).isEqualTo("bp");
        assertThat(bt.projectedEarned()).isEqualTo(Money.ofDollars(7_000));
        assertThat(bt.bundle()).isEqualTo(new ArrangementTotals.Bundle(1, 1, 0, 1, Money.ofDollars(20_000),
                Money.ofDollars(13_000), Money.ofDollars(13_000), Money.ofDollars(7_000), Money.ZERO));

        // a late claim in the window raises spend to $25,000: final = 20,000 − 25,000 = −$5,000
        // (within the 50% stop-loss); true-up = −5,000 − 5,600 = −$10,600.00
        kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordClaims(
                List.of(Fixtures.claim("f2", "m1", LocalDate.of(2024, 3, 1), 12_000_00)), r));
        var fin = settle(kit, "2024", Statement.Kind.FINAL, LocalDate.of(2025, 4, 1));
        assertThat(fin.reply().error()).isNull();
        assertThat(fin.reply().statement().total()).isEqualTo(Money.ofDollars(-5_000));
        assertThat(fin.reply().payout().amount()).isEqualTo(Money.ofCents(-10_600_00));
        LedgerInvariants.check(kit.getState());
    }

    @Test
    void anInterimSettlementCompletesPaidClaimsByTheMonthsOfRunOutAndNeverRecoups() {
        var kit = entity(Fixtures.qualityAndBundled("I")); // factors: 1 month → 0.70, 4 months → 0.97; withhold 10%
        // one episode: anchor 2024-01-10..01-14, $16,000 paid 01-29; target $20,000 less 3% discount = $19,400
        // m2 (no episode) has claims in February and March: three months of claims experience in Q1, the advance
        // policy's default minimum; and one in May, paid 05-21, after the episode's end
        kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordClaims(List.of(
                Fixtures.anchor("a1", "m1", LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 14), 16_000_00),
                Fixtures.claim("f1", "m2", LocalDate.of(2024, 2, 1), 100_00), Fixtures.claim("f2", "m2", LocalDate.of(2024, 3, 1), 100_00),
                Fixtures.claim("f3", "m2", LocalDate.of(2024, 5, 1), 100_00)), r));
        // Q1 settled 2024-05-15: 1 whole month of run-out after 03-31 → completion factor 0.70.
        // completed spend 16,000 / 0.70 = 22,857.142857 → $22,857.14 (nearest cent);
        // reconciliation 19,400 − 22,857.14 = −3,457.14; no quality events → CQS 0, a repayment is reduced
        // by 10% × 0 = nothing; within the 20% stop-loss (3,880). Quality pool: composite 0 → $0.
        // (Without completion it would be +3,400 before the quality adjustment: the factor flips the sign.)
        var q1 = settle(kit, "2024-Q1", Statement.Kind.INTERIM, LocalDate.of(2024, 5, 15));
        assertThat(q1.reply().error()).isNull();
        assertThat(q1.reply().statement().total()).isEqualTo(Money.ofCents(-3_457_14));
        // the episode (to 04-13) is still open for the payout: claims paid by 05-15 reach 03-21 only; the advance
        // counts closed episodes only, so its basis is $0 and $0 is paid
        assertThat(q1.reply().payout().amount()).isEqualTo(Money.ZERO);
        assertThat(q1.reply().payout().reason()).contains("completion factor 0.70").contains("earned $0.00");
        // Q2 settled 2024-07-15: claims paid through 05-21 close the episode; 0 months of run-out after 06-30 →
        // the smallest factor, 0.70: the same −3,457.14, and interim payouts never recoup: $0, the final settles up
        var q2 = settle(kit, "2024-Q2", Statement.Kind.INTERIM, LocalDate.of(2024, 7, 15));
        assertThat(q2.reply().error()).isNull();
        assertThat(q2.reply().statement().total()).isEqualTo(Money.ofCents(-3_457_14));
        assertThat(q2.reply().payout().amount()).isEqualTo(Money.ZERO);
        assertThat(q2.reply().payout().reason()).contains("earned -$3,457.14").contains("never recoup");
        LedgerInvariants.check(kit.getState());
    }

    @Test
    void sharedSavingsInterimAndFinalFromTheLedgersClaimsAndAttribution() {
        // PMPM benchmark $1,000 (no trend, no risk adjustment), MSR 2%, sharing 50%, cap 50% of benchmark,
        // no sequestration, truncation $5,000 per member-year, one-sided; withhold 25%; factors 0 → 0.80, 3 → 0.95
        var kit = sharedSavingsWithTenMembersAllYear("S"); // 120 member-months
        kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordClaims(List.of(
                Fixtures.claim("c1", "m1", LocalDate.of(2024, 1, 5), 4_000_00),
                Fixtures.claim("c2", "m1", LocalDate.of(2024, 6, 5), 3_000_00),
                Fixtures.claim("c3", "m2", LocalDate.of(2024, 3, 5), 2_000_00),
                Fixtures.claim("c4", "m3", LocalDate.of(2024, 2, 5), 5_000_00),
                Fixtures.claim("c5", "m11", LocalDate.of(2024, 4, 5), 9_999_00), // not attributed
                Fixtures.voiding("c4v", "c4", "m3", LocalDate.of(2024, 2, 5))), r));

        // Q2 on 2024-07-15: 0 months of run-out → factor 0.80. Year to date: 60 member-months → benchmark
        // $60,000; expenditure: m1 min(7,000, 5,000) + m2 2,000 = 7,000 / 0.80 = 8,750 (c4 void, m11 not
        // attributed). Savings 51,250 = 85.4% ≥ 2%; earned 51,250 × 50% = 25,625 (cap 30,000).
        // Payout 25,625 × (1 − 0.25) = $19,218.75.
        var q2 = settle(kit, "2024-Q2", Statement.Kind.INTERIM, LocalDate.of(2024, 7, 15));
        assertThat(q2.reply().error()).isNull();
        assertThat(q2.reply().statement().total()).isEqualTo(Money.ofDollars(25_625));
        assertThat(q2.reply().payout().amount()).isEqualTo(Money.ofCents(19_218_75));

        kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordClaims(List.of(
                Fixtures.claim("c6", "m2", LocalDate.of(2024, 9, 1), 10_000_00)), r)); // paid 09-21
        // totals: paid (every claim in effect) 4,000 + 3,000 + 2,000 + 9,999 + 10,000 = 28,999;
        // truncated at $5,000 each: m1 min(7,000) + m2 min(12,000) + m11 min(9,999) = 15,000. Projected:
        // run-out from the end of September (last service) to 09-21 paid → 0 months → 0.80; expenditure
        // (5,000 + 5,000) / 0.80 = 12,500; benchmark 120 × 1,000 = 120,000; earned 107,500 × 50% = $53,750
        RunningTotals t = kit.<LedgerReplies.TotalsReply>runCommand(r -> new ContractCommand.GetTotals("2024", r)).reply().totals();
        assertThat(t.memberMonths()).isEqualTo(120);
        assertThat(t.paidClaims()).isEqualTo(Money.ofCents(28_999_00));
        assertThat(t.truncatedSpend()).isEqualTo(Money.ofCents(15_000_00));
        assertThat(t.paidPmpm()).isEqualTo(Money.ofCents(241_66)); // 28,999 / 120 = 241.658… → 241.66
        assertThat(t.projectedSettlement()).isEqualTo(Money.ofDollars(53_750));
        assertThat(t.payoutsSoFar()).isEqualTo(Money.ofCents(19_218_75));
        assertThat(t.notes()).isEmpty();
        // spend against benchmark, as the projection computed it: benchmark $120,000.00, expenditure $12,500.00,
        // savings $107,500.00, rate 107,500 ÷ 120,000 = 0.89583333… → 0.8958333333 (10 decimals half-even)
        // ≥ MSR 0.02 → met; no quality rule → final sharing rate 0.50; earned $53,750; 120 member-months
        // of 10 members
        assertThat(t.arrangements()).hasSize(1);
        ArrangementTotals.Savings sv = t.arrangements().get(0).sharedSavings();
        assertThat(t.arrangements().get(0).projectedEarned()).isEqualTo(Money.ofDollars(53_750));
        assertThat(sv.benchmark()).isEqualTo(Money.ofDollars(120_000));
        assertThat(sv.expenditure()).isEqualTo(Money.ofDollars(12_500));
        assertThat(sv.savings()).isEqualTo(Money.ofDollars(107_500));
        assertThat(sv.savingsRate()).isEqualTo("0.8958333333");
        assertThat(sv.minimumSavingsRate()).isEqualTo("0.02");
        assertThat(sv.minimumSavingsRateMet()).isTrue();
        assertThat(sv.finalSharingRate()).isEqualTo("0.50");
        assertThat(sv.earned()).isEqualTo(Money.ofDollars(53_750));
        assertThat(sv.minimumLossRate()).isNull();
        assertThat(sv.memberMonths()).isEqualTo(120);
        assertThat(sv.assignedBeneficiaries()).isEqualTo(10);

        // final: expenditure 5,000 + 5,000 = 10,000, benchmark 120,000, earned 110,000 × 50% = $55,000;
        // true-up 55,000 − 19,218.75 = $35,781.25; payouts of 2024 sum to 55,000
        var fin = settle(kit, "2024", Statement.Kind.FINAL, LocalDate.of(2025, 4, 1));
        assertThat(fin.reply().error()).isNull();
        assertThat(fin.reply().statement().total()).isEqualTo(Money.ofDollars(55_000));
        assertThat(fin.reply().payout().amount()).isEqualTo(Money.ofCents(35_781_25));
        LedgerInvariants.check(kit.getState());
    }

    private static Claim paid(String id, String member, LocalDate from, LocalDate paidDate, long cents,
                              Claim.Frequency frequency, String replaces) {
        return new Claim(id, member, Claim.ClaimType.PROFESSIONAL, from, from, paidDate, Money.ofCents(cents), null, null, null,
                null, "1234567890", frequency, replaces);
    }

    @Test
    void anInterimSettlementCountsOnlyTheClaimsPaidByItsDateAndTheFinalCountsThemAll() {
        // PMPM benchmark $1,000, MSR 2%, sharing 50%, cap 50% of benchmark, truncation $5,000, no
        // sequestration; withhold 25%; completion factors 0 months → 0.80, 3 → 0.95
        var kit = sharedSavingsWithTenMembersAllYear("D"); // 120 member-months
        LocalDate asOf = LocalDate.of(2024, 7, 15);
        var batch = kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordClaims(List.of(
                paid("c1", "m1", LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 25), 4_000_00, Claim.Frequency.ORIGINAL, null),
                paid("c2", "m2", LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 25), 2_000_00, Claim.Frequency.ORIGINAL, null),
                paid("c5", "m4", LocalDate.of(2024, 5, 10), LocalDate.of(2024, 7, 15), 2_000_00, Claim.Frequency.ORIGINAL, null), // paid on the date: counts
                paid("c3", "m3", LocalDate.of(2024, 6, 20), LocalDate.of(2024, 7, 18), 4_000_00, Claim.Frequency.ORIGINAL, null),
                paid("c1r", "m1", LocalDate.of(2024, 1, 5), LocalDate.of(2024, 7, 20), 1_000_00, Claim.Frequency.REPLACEMENT, "c1"),
                paid("c6", "m5", LocalDate.of(2024, 4, 2), LocalDate.of(2024, 7, 15), 0, Claim.Frequency.ORIGINAL, null),
                paid("c6v", "m5", LocalDate.of(2024, 4, 2), LocalDate.of(2024, 7, 16), 0, Claim.Frequency.VOID, "c6")), r)).reply();
        assertThat(batch.accepted()).isEqualTo(7);

        // Q2 as of 2024-07-15, 0 months of run-out → factor 0.80. Year to date: 60 member-months → benchmark
        // $60,000. Claims paid by 07-15: c1 $4,000 (its replacement c1r is paid 07-20, later: c1 is still in
        // effect), c2 $2,000, c5 $2,000 (paid 07-15 itself), c6 $0 (paid 07-15 itself; its void comes 07-16);
        // not c3 (paid 07-18). Expenditure (4,000 + 2,000 + 2,000) / 0.80 = $10,000; savings $50,000 =
        // 83.3% ≥ 2%; earned 50,000 × 50% = $25,000 (cap $30,000). Payout 25,000 × 0.75 = $18,750.00.
        // (Counting every claim in effect instead: 1,000 + 2,000 + 2,000 + 4,000 = 9,000 / 0.80 = 11,250,
        // earned $24,375: the late claims counted on top of the completion factor's estimate of them.)
        var q2 = settle(kit, "2024-Q2", Statement.Kind.INTERIM, asOf);
        assertThat(q2.reply().error()).isNull();
        assertThat(q2.reply().statement().arrangements().get(0).figuresAs(SharedSavingsResult.class).expenditure())
                .isEqualTo(Money.ofCents(1_000_000));
        assertThat(q2.reply().statement().total()).isEqualTo(Money.ofDollars(25_000));
        assertThat(q2.reply().payout().amount()).isEqualTo(Money.ofCents(18_750_00));

        // final (after run-out, factor 1): every claim in effect: c1r 1,000 + c2 2,000 + c5 2,000 + c3 4,000
        // (c6 voided) = $9,000; benchmark 120 × 1,000 = $120,000; savings 111,000; earned $55,500;
        // true-up 55,500 − 18,750 = $36,750.00; the payouts of 2024 sum to 18,750 + 36,750 = 55,500 = final
        var fin = settle(kit, "2024", Statement.Kind.FINAL, LocalDate.of(2025, 4, 1));
        assertThat(fin.reply().error()).isNull();
        assertThat(fin.reply().statement().arrangements().get(0).figuresAs(SharedSavingsResult.class).expenditure())
                .isEqualTo(Money.ofCents(900_000));
        assertThat(fin.reply().statement().total()).isEqualTo(Money.ofDollars(55_500));
        assertThat(fin.reply().payout().amount()).isEqualTo(Money.ofCents(36_750_00));
        long sum = 0;
        for (Payout p : kit.getState().payouts()) {
            sum += p.amount().cents();
        }
        assertThat(sum).isEqualTo(55_500_00);
        LedgerInvariants.check(kit.getState());
    }

    /**
     * A one-sided shared-savings contract: PMPM benchmark $1,000 (no trend, no risk adjustment), MSR 2%, sharing
     * 50%, cap 50% of benchmark, no sequestration, truncation $5,000 per member-year; withhold 25%; completion
     * factors 0 months → 0.80, 3 → 0.95; ten members attributed every month of 2024 (120 member-months).
     */
    private EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState>
            sharedSavingsWithTenMembersAllYear(String id) {
        org.vbcsettle.contract.SharedSavings ss = new org.vbcsettle.contract.SharedSavings("ss",
                new org.vbcsettle.contract.SharedSavings.Benchmark.Pmpm(Money.ofDollars(1_000), null, null, null),
                new org.vbcsettle.contract.MinimumRate.Fixed(new java.math.BigDecimal("0.02")), new java.math.BigDecimal("0.50"),
                null, new java.math.BigDecimal("0.50"), java.math.BigDecimal.ZERO, Money.ofDollars(5_000), null, null);
        Contract c = new Contract(id, 1, "ACO " + id, "Payer", "Provider", Fixtures.START, Fixtures.END, List.of(ss),
                Fixtures.sharedSavings(id, 1).settlement());
        var kit = entity(c);
        List<org.vbcsettle.settlement.Attribution> members = new java.util.ArrayList<>();
        for (int m = 1; m <= 10; m++) {
            for (int month = 1; month <= 12; month++) {
                members.add(Fixtures.attribution("t" + m + "-" + month, "m" + m, month));
            }
        }
        kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.AttributeMembers(members, r));
        return kit;
    }
}
