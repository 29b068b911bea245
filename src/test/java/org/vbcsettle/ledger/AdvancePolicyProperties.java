package org.vbcsettle.ledger;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Example;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.SettlementTerms;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rounding;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.ContractSettlement;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.SettlementInputs;
import org.vbcsettle.settlement.Statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Advances paid before the final settlement, over seeded random histories (a year of attribution, claims
 * arriving by paid date, bundled episodes with post-acute care paid later, quality events at random times,
 * four interim settlements, the final) on contracts with random advance policies.
 *
 * <p><b>What the policy allows</b> (contracts/README.md, "Advance policy"): at any moment, the payouts issued
 * before the final sum to at most {@code max over the advances t so far of max(0, B_t × releasedShare ×
 * (1 − withholdRate) − withholdAmount)}, where {@code B_t} is the final settlement recomputed here with the
 * calculators alone, on the records the ledger had when advance t was paid (claims serviced by the interim's
 * quarter end for an interim), leaving out the members whose bundled episode was still open then (it ends after
 * the paid-through date of those claims, or after the quarter's end). And no positive advance is paid with
 * fewer months of claims experience, or less run-out, than the policy requires. So the final claws back only
 * what records arriving after the advances changed, scaled by the released share; with nothing new after the
 * last advance, the advances never exceed the final.
 * Replay one history with its seed (jqwik prints it).
 */
class AdvancePolicyProperties {

    private static ActorTestKit testKit;

    private static synchronized ActorTestKit kit() {
        if (testKit == null) {
            testKit = ActorTestKit.create("AdvancePolicyProperties", ContractEntityTest.CONFIG);
        }
        return testKit;
    }

    @AfterContainer
    static synchronized void stop() {
        if (testKit != null) {
            testKit.shutdownTestKit();
            testKit = null;
        }
    }

    private static final LocalDate[] INTERIM_AS_OF = {LocalDate.of(2024, 5, 15), LocalDate.of(2024, 8, 15),
            LocalDate.of(2024, 11, 15), LocalDate.of(2025, 2, 15)};
    private static final LocalDate[] QUARTER_END = {LocalDate.of(2024, 3, 31), LocalDate.of(2024, 6, 30),
            LocalDate.of(2024, 9, 30), LocalDate.of(2024, 12, 31)};

    @Property(tries = 20)
    void advancesNeverExceedWhatThePolicyAllows(@ForAll long seed) {
        new History(seed).run();
    }

    /** The property is not vacuous: over a few fixed seeds, advances are paid (and checked). */
    @Example
    void theHistoriesDoPayAdvances() {
        int paid = 0;
        for (long seed = 1; seed <= 6; seed++) {
            History h = new History(seed);
            h.run();
            paid += h.positiveAdvances;
        }
        assertThat(paid).isPositive();
    }

    static final class History {
        final Random rnd;
        final Contract contract;
        final SettlementTerms.AdvancePolicy policy;
        final List<Attribution> attribution = new ArrayList<>();
        final List<Claim> claims = new ArrayList<>();
        final Map<QualityEvent, LocalDate> quality = new HashMap<>();
        final Map<String, LocalDate> episodeEnd = new HashMap<>();
        final List<Claim> sent = new ArrayList<>();
        final List<QualityEvent> sentQuality = new ArrayList<>();
        final EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> ledger;
        Money bound = Money.ZERO;
        int positiveAdvances;

        History(long seed) {
            rnd = new Random(seed);
            String id = "P" + Long.toHexString(seed).replace('-', 'n');
            Contract base = switch (rnd.nextInt(4)) {
                case 0 -> Fixtures.bundled(id);
                case 1 -> Fixtures.combined(id);
                case 2 -> Fixtures.qualityAndBundled(id);
                default -> LedgerAdvancePolicyTest.poolAndSavings(id);
            };
            policy = new SettlementTerms.AdvancePolicy(1 + rnd.nextInt(4), rnd.nextInt(2),
                    List.of(BigDecimal.ONE, new BigDecimal("0.8"), new BigDecimal("0.5")).get(rnd.nextInt(3)),
                    rnd.nextBoolean() ? Money.ZERO : Money.ofDollars(500));
            SettlementTerms s = base.settlementOrDefault();
            contract = new Contract(base.id(), base.version(), base.name(), base.payer(), base.provider(), base.performanceStart(),
                    base.performanceEnd(), base.arrangements(),
                    new SettlementTerms(s.runOutMonths(), s.completionFactors(), s.withholdRate(), s.interimSettlements(), policy));
            generate();
            ledger = EventSourcedBehaviorTestKit.create(kit().system(), ContractEntity.create(id),
                    EventSourcedBehaviorTestKit.disabledSerializationSettings());
        }

        private void generate() {
            int members = 3 + rnd.nextInt(6);
            int n = 0;
            for (int m = 0; m < members; m++) {
                String member = "m" + m;
                for (int month = 1; month <= 12; month++) {
                    attribution.add(Fixtures.attribution("at-" + m + "-" + month, member, month));
                }
                if (rnd.nextDouble() < 0.6) {
                    LocalDate from = Fixtures.START.plusDays(rnd.nextInt(300));
                    LocalDate through = from.plusDays(1 + rnd.nextInt(5));
                    claims.add(Fixtures.anchor("c" + n++, member, from, through, 8_000_00 + rnd.nextInt(17_000_00)));
                    episodeEnd.put(member, through.plusDays(89));
                    int followUps = rnd.nextInt(3);
                    for (int f = 0; f < followUps; f++) {
                        claims.add(Fixtures.claim("c" + n++, member, Claim.ClaimType.SNF, through.plusDays(5 + rnd.nextInt(76)),
                                1_000_00 + rnd.nextInt(7_000_00)));
                    }
                }
                int visits = rnd.nextInt(7);
                for (int v = 0; v < visits; v++) {
                    claims.add(Fixtures.claim("c" + n++, member, Fixtures.START.plusDays(rnd.nextInt(366)), 50_00 + rnd.nextInt(2_950_00)));
                }
                if (rnd.nextDouble() < 0.8) {
                    quality.put(Fixtures.quality("d" + m, member, QualityEvent.Kind.DENOMINATOR), Fixtures.START.plusDays(rnd.nextInt(366)));
                    if (rnd.nextDouble() < 0.75) {
                        quality.put(Fixtures.quality("n" + m, member, QualityEvent.Kind.NUMERATOR), Fixtures.START.plusDays(rnd.nextInt(366)));
                    }
                }
            }
        }

        void run() {
            assertThat(ledger.<LedgerReplies.ContractReply>runCommand(r -> new ContractCommand.RegisterContract(contract, r))
                    .reply().refusal()).isNull();
            ledger.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.AttributeMembers(attribution, r));
            TreeSet<LocalDate> checkpoints = new TreeSet<>(List.of(INTERIM_AS_OF));
            for (LocalDate d = LocalDate.of(2024, 1, 15); d.isBefore(LocalDate.of(2025, 4, 1)); d = d.plusDays(14)) {
                checkpoints.add(d);
            }
            for (LocalDate d : checkpoints) {
                send(d);
                for (int q = 0; q < 4; q++) {
                    if (INTERIM_AS_OF[q].equals(d)) {
                        interim(q);
                    }
                }
            }
            send(LocalDate.of(2025, 4, 1));
            Money before = paidSoFar();
            var fin = ledger.<LedgerReplies.SettlementReply>runCommand(r -> new ContractCommand.Settle("2024", Statement.Kind.FINAL,
                    LocalDate.of(2025, 4, 1), null, r)).reply();
            assertThat(fin.error()).isNull();
            assertThat(paidSoFar()).isEqualTo(fin.statement().total());
            assertThat(before.cents()).as("advances before the final vs the policy's bound").isLessThanOrEqualTo(bound.cents());
            Statistics.label("positive advances").collect(positiveAdvances > 0);
            Statistics.label("contract").collect(contract.arrangements().stream().map(a -> a.id()).toList().toString());
            LedgerInvariants.check(ledger.getState());
        }

        private void send(LocalDate by) {
            List<Claim> batch = new ArrayList<>();
            for (Claim c : claims) {
                if (!c.paidDate().isAfter(by) && !sent.contains(c)) {
                    batch.add(c);
                }
            }
            if (!batch.isEmpty()) {
                sent.addAll(batch);
                var r = ledger.<LedgerReplies.BatchResult>runCommand(rr -> new ContractCommand.RecordClaims(batch, rr)).reply();
                check(r.payouts(), null);
            }
            List<QualityEvent> events = new ArrayList<>();
            quality.forEach((e, at) -> {
                if (!at.isAfter(by) && !sentQuality.contains(e)) {
                    events.add(e);
                }
            });
            if (!events.isEmpty()) {
                sentQuality.addAll(events);
                var r = ledger.<LedgerReplies.BatchResult>runCommand(rr -> new ContractCommand.RecordQualityEvents(events, rr)).reply();
                check(r.payouts(), null);
            }
        }

        private void interim(int q) {
            String period = "2024-Q" + (q + 1);
            var r = ledger.<LedgerReplies.SettlementReply>runCommand(rr -> new ContractCommand.Settle(period, Statement.Kind.INTERIM,
                    INTERIM_AS_OF[q], null, rr)).reply();
            assertThat(r.error()).isNull();
            check(r.triggerPayouts(), null);
            check(List.of(r.payout()), q);
        }

        /** Checks the payouts just issued; {@code quarter} is the interim's index, null for a benchmark advance. */
        private void check(List<Payout> payouts, Integer quarter) {
            if (payouts.isEmpty()) {
                return;
            }
            LocalDate windowEnd = quarter == null ? Fixtures.END : QUARTER_END[quarter];
            for (Payout p : payouts) {
                assertThat(p.amount().isNegative()).as("an advance never recoups: " + p).isFalse();
                if (p.amount().isPositive()) {
                    positiveAdvances++;
                    assertThat(experienceMonths(windowEnd)).as("claims experience behind " + p)
                            .isGreaterThanOrEqualTo(policy.minimumExperienceMonthsOrDefault());
                    if (quarter != null) {
                        assertThat(PayoutRules.monthsOfRunOut(windowEnd, INTERIM_AS_OF[quarter])).as("run-out behind " + p)
                                .isGreaterThanOrEqualTo(policy.minimumRunOutMonthsOrDefault());
                    }
                }
            }
            Money allowed = credibleFinal(windowEnd).times(policy.releasedShareOrDefault()
                            .multiply(BigDecimal.ONE.subtract(contract.settlementOrDefault().withholdRateOrDefault())), Rounding.TOWARD_ZERO_CENT)
                    .minus(policy.withholdAmountOrDefault());
            bound = Money.max(bound, Money.max(Money.ZERO, allowed));
            assertThat(paidSoFar().cents()).as("paid so far after " + payouts + " vs the policy's bound").isLessThanOrEqualTo(bound.cents());
        }

        /** The final settlement on the records sent so far, serviced by {@code windowEnd}, without open episodes. */
        private Money credibleFinal(LocalDate windowEnd) {
            LocalDate paidThrough = sent.stream().map(Claim::paidDate).max(LocalDate::compareTo).orElse(null);
            LocalDate cut = paidThrough == null || paidThrough.isAfter(windowEnd) ? windowEnd : paidThrough;
            Set<String> open = new HashSet<>();
            episodeEnd.forEach((member, end) -> {
                if (end.isAfter(cut)) {
                    open.add(member);
                }
            });
            List<Claim> credible = sent.stream().filter(c -> !c.serviceFrom().isAfter(windowEnd) && !open.contains(c.memberId())).toList();
            return ContractSettlement.settle(contract, SettlementInputs.of(contract.performancePeriod(), attribution, credible, sentQuality),
                    Statement.Kind.FINAL, 0L).orElseThrow().total();
        }

        private int experienceMonths(LocalDate windowEnd) {
            Set<YearMonth> months = new HashSet<>();
            for (Claim c : sent) {
                if (!c.serviceFrom().isAfter(windowEnd)) {
                    months.add(YearMonth.from(c.serviceFrom()));
                }
            }
            return months.size();
        }

        private Money paidSoFar() {
            return ledger.getState().paidSoFar("2024");
        }
    }
}
