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
        return LedgerScenarios.await(s);
    }

    @Test
    void restartsOnTheSameDatabaseWithNothingLostAndNothingDoubled() throws Exception {
        LedgerScenarios.restartMidStream(config("jdbc:h2:file:" + dir.resolve("ledger")), "K");
    }

    @Test
    void payoutsReachTheReadSideExactlyOnce() throws Exception {
        LedgerScenarios.payoutsReachTheReadSide(config("jdbc:h2:file:" + dir.resolve("ledger")), "Q");
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
            await(node.client().registerContract(Fixtures.qualityPool("A")));
            assertThat(await(node.client().contractIds())).containsExactly("A", "K");
            assertThat(await(node.client().contracts())).extracting(org.vbcsettle.contract.Contract::id).containsExactly("A", "K");
            assertThat(await(node.client().ready())).isTrue();
            assertThat(await(node.client().payoutsByStatus("K", null))).isEmpty();
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
