package org.vbcsettle.ledger;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Claim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The node on an embedded H2 file database: start-up, façade, restart mid-stream, failing databases. */
class LedgerNodeTest {

    @TempDir
    Path dir;

    static Config config(String url) {
        return ConfigFactory.parseString("vbc.ledger.db.url = \"" + url + "\"").withFallback(ConfigFactory.load());
    }

    static <T> T await(CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static final int BATCHES = 120;

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

    @Test
    void restartsOnTheSameDatabaseWithNothingLostAndNothingDoubled() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("ledger");
        List<List<Claim>> batches = batches();
        // a crash, not a graceful leave: no coordinated shutdown (which would drain the entities' mailboxes)
        LedgerNode node = LedgerNode.start(ConfigFactory.parseString("akka.coordinated-shutdown.run-by-actor-system-terminate = off")
                .withFallback(config(url)));
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        try {
            for (int c = 0; c < 4; c++) {
                await(node.client().registerContract(Fixtures.sharedSavings("K" + c, 1)));
            }
            // send everything without waiting, then stop the node while batches are still in flight
            for (int b = 0; b < batches.size(); b++) {
                inFlight.add(node.client().recordClaims("K" + (b % 4), batches.get(b)).toCompletableFuture());
            }
            Thread.sleep(100); // some batches are in, most are not
        } finally {
            node.close();
        }
        long answered = inFlight.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
        System.out.println("restart test: " + answered + " of " + inFlight.size() + " batches answered before the stop");

        try (LedgerNode again = LedgerNode.start(config(url))) {
            int accepted = 0;
            int duplicate = 0;
            for (int b = 0; b < batches.size(); b++) { // the sender resends every batch it is not sure of
                LedgerReplies.BatchResult r = await(again.client().recordClaims("K" + (b % 4), batches.get(b)));
                assertThat(r.rejected()).as("batch %d: %s", b, r.errors()).isZero();
                accepted += r.accepted();
                duplicate += r.duplicate();
            }
            assertThat(accepted + duplicate).isEqualTo(BATCHES * 250);
            assertThat(duplicate).isGreaterThanOrEqualTo((int) answered * 250);
            // per contract: 7,500 records, 750 of them replacements of the claim before (100.00 → 50.00)
            for (int c = 0; c < 4; c++) {
                RunningTotals t = await(again.client().totals("K" + c, "2024"));
                assertThat(t.claimCount()).isEqualTo(6_750);
                assertThat(t.paidClaims()).isEqualTo(Money.ofCents(6_000L * 100_00 + 750L * 50_00));
            }
        }
        // and once more, with nothing resent: the same figures from the journal and snapshots alone
        try (LedgerNode third = LedgerNode.start(config(url))) {
            RunningTotals t = await(third.client().totals("K1", null));
            assertThat(t.paidClaims()).isEqualTo(Money.ofCents(6_000L * 100_00 + 750L * 50_00));
            assertThat(t.asOfSequence()).isEqualTo(1 + BATCHES / 4); // registration + its batches
        }
    }

    @Test
    void theFacadeTurnsRefusalsIntoFailedStages() throws Exception {
        try (LedgerNode node = LedgerNode.start(config("jdbc:h2:file:" + dir.resolve("ledger")))) {
            assertThatThrownBy(() -> await(node.client().totals("nobody", null)))
                    .hasCauseInstanceOf(LedgerRejection.class).hasMessageContaining("contract nobody is not registered");
            await(node.client().registerContract(Fixtures.sharedSavings("K", 1)));
            assertThatThrownBy(() -> await(node.client().amendContract(Fixtures.qualityPool("K"))))
                    .hasMessageContaining("must be higher");
            assertThat(await(node.client().getContract("K")).versionOrDefault()).isEqualTo(1);
            assertThat(await(node.client().payouts("K"))).isEmpty();
            assertThat(await(node.client().payoutsByStatus(Payout.Status.TRIGGERED))).isEmpty();
        }
    }

    @Test
    void aDatabaseThatIsDownFailsWithinSeconds() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> LedgerNode.start(config("jdbc:postgresql://127.0.0.1:" + port + "/vbc")))
                .isInstanceOf(LedgerStartupException.class)
                .hasMessageContaining("127.0.0.1:" + port);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void anUnreadableDatabaseFileFailsWithAClearError() throws Exception {
        Files.writeString(dir.resolve("ledger.mv.db"), "this is not an H2 database ".repeat(200));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> LedgerNode.start(config("jdbc:h2:file:" + dir.resolve("ledger"))))
                .isInstanceOf(LedgerStartupException.class)
                .hasMessageContaining("ledger");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void theSchemaStatementsAreIdempotent() {
        for (DatabaseSettings.Dialect d : DatabaseSettings.Dialect.values()) {
            for (String sql : LedgerSchema.journalStatements(d)) {
                if (sql.toUpperCase().startsWith("CREATE")) {
                    assertThat(sql.toUpperCase()).as(sql).contains("IF NOT EXISTS");
                }
            }
        }
        assertThat(LedgerSchema.journalStatements(DatabaseSettings.Dialect.POSTGRES))
                .contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS state_tag_idx on public.durable_state (tag)");
    }
}
