package org.vbcsettle.ledger;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.Statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded random sequence of commands (claims, replacements, voids, duplicates, bad references,
 * attribution changes, quality events, interim and final settlements, payout status changes, restarts)
 * against one contract. After every step: the ledger's invariants ({@link LedgerInvariants}), the reply
 * against a simple model of which claims are in effect, and no payout key ever issued twice.
 * A failure names its seed and step; replay one seed with {@code -Dvbc.seed=N}.
 */
class LedgerRandomSequenceTest {

    static ActorTestKit testKit;

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create("LedgerRandomSequenceTest", ContractEntityTest.CONFIG);
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    @Test
    void invariantsHoldAfterEveryStep() {
        String only = System.getProperty("vbc.seed");
        List<Long> seeds = only != null ? List.of(Long.parseLong(only)) : List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        for (long seed : seeds) {
            new Run(seed).run(Integer.getInteger("vbc.steps", 220));
        }
    }

    final class Run {
        final long seed;
        final Random rnd;
        final String contractId;
        final EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> kit;

        // the model: which claim ids exist, which are heads, what is in effect
        final Map<String, Claim> sent = new LinkedHashMap<>();
        final Map<String, String> replacedBy = new HashMap<>();
        final Map<String, Claim> effective = new HashMap<>();
        final Set<String> attributionIds = new HashSet<>();
        final List<List<Claim>> history = new ArrayList<>();
        final Set<String> payoutKeys = new HashSet<>();
        final Map<String, Statement> finals = new HashMap<>();
        int settled;
        int next;
        int step;

        Run(long seed) {
            this.seed = seed;
            this.rnd = new Random(seed);
            this.contractId = "R" + seed;
            this.kit = EventSourcedBehaviorTestKit.create(testKit.system(), ContractEntity.create(contractId),
                    EventSourcedBehaviorTestKit.enabledSerializationSettings());
        }

        void run(int steps) {
            try {
                var reg = kit.<LedgerReplies.ContractReply>runCommand(r -> new ContractCommand.RegisterContract(
                        seed % 2 == 0 ? Fixtures.qualityAndBundled(contractId) : Fixtures.combined(contractId), r));
                assertThat(reg.reply().error()).isNull();
                for (step = 1; step <= steps; step++) {
                    int pick = rnd.nextInt(100);
                    if (pick < 45) {
                        claimsBatch();
                    } else if (pick < 52) {
                        resend();
                    } else if (pick < 64) {
                        attributionBatch();
                    } else if (pick < 72) {
                        qualityBatch();
                    } else if (pick < 80) {
                        interim();
                    } else if (pick < 84) {
                        finalSettlement();
                    } else if (pick < 92) {
                        payoutStatus();
                    } else {
                        kit.restart();
                    }
                    LedgerInvariants.check(kit.getState());
                    checkTotals();
                }
                System.out.println("seed " + seed + ": " + steps + " steps, " + sent.size() + " claims, " + settled
                        + " settlements, " + payoutKeys.size() + " payouts: " + new java.util.TreeSet<>(payoutKeys.stream()
                        .map(k -> k.split("\\|")[1].replaceAll("\\..*", "")).toList()));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + " failed at step " + step + " (replay: -Dvbc.seed=" + seed + "): " + e.getMessage(), e);
            }
        }

        LocalDate date() {
            return LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(366));
        }

        String member() {
            return "m" + rnd.nextInt(25);
        }

        Claim newClaim() {
            String id = "c" + (next++);
            LocalDate d = date();
            if (rnd.nextInt(10) == 0) {
                return Fixtures.anchor(id, member(), d, d.plusDays(rnd.nextInt(5)), 5_000_00 + rnd.nextInt(1_000_000));
            }
            Claim.ClaimType t = Claim.ClaimType.values()[rnd.nextInt(Claim.ClaimType.values().length)];
            return Fixtures.claim(id, member(), t, d, rnd.nextInt(200_000));
        }

        void claimsBatch() {
            List<Claim> batch = new ArrayList<>();
            int n = 1 + rnd.nextInt(15);
            List<String> ids = new ArrayList<>(sent.keySet());
            for (int i = 0; i < n; i++) {
                int kind = rnd.nextInt(20);
                if (kind < 11 || ids.isEmpty()) {
                    batch.add(newClaim());
                } else if (kind < 15) { // replacement of some earlier claim (head or not: the ledger decides)
                    String target = ids.get(rnd.nextInt(ids.size()));
                    batch.add(Fixtures.replacement("c" + (next++), target, member(), date(), rnd.nextInt(150_000)));
                } else if (kind < 17) {
                    String target = ids.get(rnd.nextInt(ids.size()));
                    batch.add(Fixtures.voiding("c" + (next++), target, member(), date()));
                } else if (kind < 19) { // duplicate of an earlier claim
                    batch.add(sent.get(ids.get(rnd.nextInt(ids.size()))));
                } else { // names a claim that does not exist
                    batch.add(Fixtures.replacement("c" + (next++), "ghost" + rnd.nextInt(5), member(), date(), 1));
                }
            }
            send(batch);
        }

        void resend() {
            if (!history.isEmpty()) {
                send(history.get(rnd.nextInt(history.size())));
            }
        }

        void send(List<Claim> batch) {
            // predict with the model
            int accepted = 0;
            int duplicate = 0;
            int rejected = 0;
            Map<String, Claim> seen = new HashMap<>();
            for (Claim c : batch) {
                if (sent.containsKey(c.id()) || seen.containsKey(c.id())) {
                    duplicate++;
                    continue;
                }
                if (c.frequency() != Claim.Frequency.ORIGINAL) {
                    String t = c.replacesClaimId();
                    Claim target = seen.containsKey(t) ? seen.get(t) : sent.get(t);
                    if (target == null || target.frequency() == Claim.Frequency.VOID || replacedBy.containsKey(t)) {
                        rejected++;
                        continue;
                    }
                    replacedBy.put(t, c.id());
                    effective.remove(t);
                }
                seen.put(c.id(), c);
                if (c.frequency() != Claim.Frequency.VOID) {
                    effective.put(c.id(), c);
                }
                accepted++;
            }
            sent.putAll(seen);
            var result = kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordClaims(batch, r));
            LedgerReplies.BatchResult reply = result.reply();
            assertThat(reply.accepted()).as("accepted").isEqualTo(accepted);
            assertThat(reply.duplicate()).as("duplicate").isEqualTo(duplicate);
            assertThat(reply.rejected()).as("rejected: %s", reply.errors()).isEqualTo(rejected);
            assertThat(result.events().stream().filter(e -> e instanceof ContractEvent.ClaimsRecorded).count())
                    .isEqualTo(accepted > 0 ? 1 : 0);
            collectPayouts(result.events());
            history.add(batch);
        }

        void attributionBatch() {
            List<Attribution> batch = new ArrayList<>();
            List<String> ids = new ArrayList<>(attributionIds);
            for (int i = 0, n = 1 + rnd.nextInt(20); i < n; i++) {
                String id = "a" + (next++);
                YearMonth month = YearMonth.of(2024, 1 + rnd.nextInt(12));
                String replaces = !ids.isEmpty() && rnd.nextInt(4) == 0 ? ids.get(rnd.nextInt(ids.size())) : null;
                BigDecimal risk = new BigDecimal("1.0" + rnd.nextInt(10));
                // the record rules: only a record naming the one it replaces may retract it
                boolean active = rnd.nextInt(6) != 0 || replaces == null;
                batch.add(new Attribution(id, member(), month, risk, null, replaces, active));
                attributionIds.add(id);
            }
            var result = kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.AttributeMembers(batch, r));
            assertThat(result.reply().accepted()).as("attribution accepted: %s", result.reply().errors()).isEqualTo(batch.size());
            collectPayouts(result.events());
        }

        void qualityBatch() {
            List<QualityEvent> batch = new ArrayList<>();
            for (int i = 0, n = 1 + rnd.nextInt(10); i < n; i++) {
                QualityEvent.Kind k = QualityEvent.Kind.values()[rnd.nextInt(3)];
                batch.add(new QualityEvent("q" + (next++), member(), "CBP", "2024", k));
            }
            var result = kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordQualityEvents(batch, r));
            assertThat(result.reply().accepted()).isEqualTo(batch.size());
            collectPayouts(result.events());
        }

        void interim() {
            int q = 1 + rnd.nextInt(4);
            LocalDate asOf = LocalDate.of(2024, 3 * q, 1).plusMonths(1).plusDays(rnd.nextInt(150));
            var result = kit.<LedgerReplies.SettlementReply>runCommand(r ->
                    new ContractCommand.Settle("2024-Q" + q, Statement.Kind.INTERIM, asOf, null, r));
            LedgerReplies.SettlementReply reply = result.reply();
            if (finals.containsKey("2024")) {
                // refused, or the quarter's statement issued before the final, repeated
                assertThat(reply.error() != null || reply.repeated()).as("interim after the final").isTrue();
                assertThat(result.hasNoEvents()).isTrue();
            } else if (reply.error() == null) {
                settled++;
                assertThat(reply.payout().amount().isNegative()).as("interim payouts never recoup").isFalse();
            }
            collectPayouts(result.events());
        }

        void finalSettlement() {
            LocalDate asOf = LocalDate.of(2025, 4, 1).plusDays(rnd.nextInt(60));
            var result = kit.<LedgerReplies.SettlementReply>runCommand(r ->
                    new ContractCommand.Settle("2024", Statement.Kind.FINAL, asOf, null, r));
            LedgerReplies.SettlementReply reply = result.reply();
            if (reply.error() != null) {
                assertThat(result.hasNoEvents()).isTrue();
                return;
            }
            settled++;
            Statement before = finals.putIfAbsent("2024", reply.statement());
            if (before != null) {
                assertThat(reply.repeated()).isTrue();
                assertThat(reply.statement()).isEqualTo(before);
                assertThat(result.hasNoEvents()).as("a repeated final pays nothing more").isTrue();
            }
            collectPayouts(result.events());
        }

        void payoutStatus() {
            List<Payout> payouts = kit.getState().payouts();
            if (payouts.isEmpty()) {
                return;
            }
            Payout p = payouts.get(rnd.nextInt(payouts.size()));
            Payout.Status to = Payout.Status.values()[1 + rnd.nextInt(3)];
            var result = kit.<LedgerReplies.PayoutReply>runCommand(r -> new ContractCommand.ChangePayoutStatus(p.key(), to, r));
            boolean valid = to == p.status() || to.previous() == p.status();
            assertThat(result.reply().error() == null).as("%s → %s", p.status(), to).isEqualTo(valid);
            assertThat(kit.getState().payout(p.key()).status()).isEqualTo(valid ? to : p.status());
        }

        void collectPayouts(List<ContractEvent> events) {
            for (ContractEvent e : events) {
                if (e instanceof ContractEvent.PayoutTriggered t) {
                    assertThat(payoutKeys.add(t.payout().key())).as("payout key issued twice: %s", t.payout().key()).isTrue();
                }
            }
        }

        void checkTotals() {
            var reply = kit.<LedgerReplies.TotalsReply>runCommand(r -> new ContractCommand.GetTotals("2024", r)).reply();
            long expected = 0;
            for (Claim c : effective.values()) {
                if (c.serviceFrom().getYear() == 2024) {
                    expected += c.paidAmount().cents();
                }
            }
            assertThat(reply.totals().paidClaims()).as("paid claims of 2024 vs the model").isEqualTo(Money.ofCents(expected));
            assertThat(reply.totals().claimCount()).isEqualTo(effective.values().stream().filter(c -> c.serviceFrom().getYear() == 2024).count());
        }
    }
}
