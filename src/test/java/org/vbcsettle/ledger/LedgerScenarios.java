package org.vbcsettle.ledger;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole-node scenarios run on H2 (LedgerNodeTest) and on PostgreSQL (LedgerPgIT). */
final class LedgerScenarios {

    private LedgerScenarios() {
    }

    static final int BATCHES = 120;

    static <T> T await(CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** 120 batches of 250 claims over 4 contracts; every 10th claim replaces the one before it. */
    static List<List<Claim>> batches() {
        List<List<Claim>> out = new ArrayList<>();
        int n = 0;
        for (int b = 0; b < BATCHES; b++) {
            List<Claim> batch = new ArrayList<>();
            for (int i = 0; i < 250; i++, n++) {
                LocalDate d = LocalDate.of(2024, 1 + n % 12, 1 + n % 28);
                batch.add(n % 10 == 9
                        ? Fixtures.replacement("c" + n, "c" + (n - 1), "m" + (n % 50), d, 50_00)
                        : Fixtures.claim("c" + n, "m" + (n % 50), d, 100_00));
            }
            out.add(batch);
        }
        return out;
    }

    /**
     * Crash a node while batches are in flight (no coordinated shutdown), start a new one on the same
     * database, resend everything: nothing lost, nothing doubled; then again with nothing resent.
     */
    static void restartMidStream(Config config, String prefix) throws Exception {
        List<List<Claim>> batches = batches();
        LedgerNode node = LedgerNode.start(ConfigFactory.parseString("akka.coordinated-shutdown.run-by-actor-system-terminate = off")
                .withFallback(config));
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        try {
            for (int c = 0; c < 4; c++) {
                await(node.client().registerContract(Fixtures.sharedSavings(prefix + c, 1)));
            }
            for (int b = 0; b < batches.size(); b++) {
                inFlight.add(node.client().recordClaims(prefix + (b % 4), batches.get(b)).toCompletableFuture());
            }
            Thread.sleep(100); // some batches are in, most are not
        } finally {
            node.close();
        }
        long answered = inFlight.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
        System.out.println("restart: " + answered + " of " + inFlight.size() + " batches answered before the crash");

        try (LedgerNode again = LedgerNode.start(config)) {
            int accepted = 0;
            int duplicate = 0;
            for (int b = 0; b < batches.size(); b++) { // the sender resends every batch it is not sure of
                LedgerReplies.BatchResult r = await(again.client().recordClaims(prefix + (b % 4), batches.get(b)));
                assertThat(r.rejected()).as("batch %d: %s", b, r.errors()).isZero();
                accepted += r.accepted();
                duplicate += r.duplicate();
            }
            assertThat(accepted + duplicate).isEqualTo(BATCHES * 250);
            assertThat(duplicate).isGreaterThanOrEqualTo((int) answered * 250);
            // per contract: 7,500 records, 750 of them replacements of the claim before (100.00 → 50.00)
            for (int c = 0; c < 4; c++) {
                RunningTotals t = await(again.client().totals(prefix + c, "2024"));
                assertThat(t.claimCount()).isEqualTo(6_750);
                assertThat(t.paidClaims()).isEqualTo(Money.ofCents(6_000L * 100_00 + 750L * 50_00));
            }
        }
        try (LedgerNode third = LedgerNode.start(config)) {
            RunningTotals t = await(third.client().totals(prefix + "1", null));
            assertThat(t.paidClaims()).isEqualTo(Money.ofCents(6_000L * 100_00 + 750L * 50_00));
            assertThat(t.asOfSequence()).isEqualTo(1 + BATCHES / 4); // registration + its batches
        }
    }

    /**
     * Payouts reach the read side exactly once, with their status, across a restart; the final settlement
     * nets out the advance (quality pool: see LedgerSettlementTest for the arithmetic).
     */
    static void payoutsReachTheReadSide(Config config, String contractId) throws Exception {
        String key = contractId + "|quality.qi.CBP.met|2024";
        try (LedgerNode node = LedgerNode.start(config)) {
            LedgerClient client = node.client();
            await(client.registerContract(Fixtures.qualityPool(contractId)));
            LedgerReplies.BatchResult r = await(client.recordQualityEvents(contractId, List.of(
                    Fixtures.quality("d1", "m1", QualityEvent.Kind.DENOMINATOR), Fixtures.quality("d2", "m2", QualityEvent.Kind.DENOMINATOR),
                    Fixtures.quality("n1", "m1", QualityEvent.Kind.NUMERATOR), Fixtures.quality("n2", "m2", QualityEvent.Kind.NUMERATOR))));
            assertThat(r.payouts()).extracting(Payout::key).containsExactly(key);
            Payout row = eventually(() -> find(node, Payout.Status.TRIGGERED, key));
            assertThat(row.amount()).isEqualTo(Money.ofDollars(8_000));
            await(client.approvePayout(contractId, key));
            eventually(() -> find(node, Payout.Status.APPROVED, key));
        }
        try (LedgerNode node = LedgerNode.start(config)) {
            LedgerClient client = node.client();
            await(client.markPayoutDisbursed(contractId, key));
            await(client.acknowledgePayout(contractId, key));
            // no second trigger after the restart, even when the measure is met again
            LedgerReplies.BatchResult r = await(client.recordQualityEvents(contractId, List.of(
                    Fixtures.quality("d3", "m3", QualityEvent.Kind.DENOMINATOR), Fixtures.quality("n3", "m3", QualityEvent.Kind.NUMERATOR))));
            assertThat(r.payouts()).isEmpty();
            LedgerReplies.SettlementReply fin = await(client.settleFinal(contractId, "2024", LocalDate.of(2025, 4, 1), null));
            assertThat(fin.statement().total()).isEqualTo(Money.ofDollars(10_000));
            assertThat(fin.payout().amount()).isEqualTo(Money.ofDollars(2_000)); // 10,000 − 8,000 advanced
            String finalKey = contractId + "|settlement.final|2024";
            eventually(() -> find(node, Payout.Status.TRIGGERED, finalKey));
            eventually(() -> find(node, Payout.Status.ACKNOWLEDGED, key));
            List<Payout> rows = node.payouts().byStatus(null).stream().filter(p -> p.contractId().equals(contractId)).toList();
            assertThat(rows).extracting(Payout::key).containsExactlyInAnyOrder(key, finalKey);
            assertThat(rows.stream().mapToLong(p -> p.amount().cents()).sum()).isEqualTo(fin.statement().total().cents());
            assertThat(await(client.payouts(contractId))).hasSize(2);
        }
    }

    static Payout find(LedgerNode node, Payout.Status status, String key) {
        return node.payouts().byStatus(status).stream().filter(p -> p.key().equals(key)).findFirst().orElse(null);
    }

    static <T> T eventually(Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            T t = probe.get();
            if (t != null) {
                return t;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not on the read side within 20 s");
    }
}
