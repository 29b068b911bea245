package org.vbcsettle.ledger;

import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Claim;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two nodes of one cluster on one PostgreSQL database, as the README describes a cluster: contracts are
 * sharded over both, and either node reaches every contract with the same totals.
 */
class ClusterPgIT {

    @Test
    void twoNodesShareTheContractsOverOneDatabase() throws Exception {
        String url = System.getenv("VBC_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            fail("VBC_TEST_PG_URL is not set: run through scripts/with-postgres.sh");
        }
        int portA = freePort();
        int portB = freePort();
        String seed = "akka://vbc-settle@127.0.0.1:" + portA;
        Config a = nodeConfig(url, portA, seed);
        Config b = nodeConfig(url, portB, seed);
        try (LedgerNode nodeA = LedgerNode.start(a); LedgerNode nodeB = LedgerNode.start(b)) {
            awaitMembersUp(nodeA, 2);
            String prefix = "CL-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            int contracts = 20;
            for (int i = 0; i < contracts; i++) {
                LedgerClient via = i % 2 == 0 ? nodeA.client() : nodeB.client();
                via.registerContract(Fixtures.sharedSavings(prefix + i, 1)).toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
            for (int i = 0; i < contracts; i++) {
                // claims of contract i: i + 1 claims of $100.00 each, sent through the other node
                List<Claim> claims = new ArrayList<>();
                for (int c = 0; c <= i; c++) {
                    claims.add(Fixtures.claim(prefix + i + "-c" + c, "m" + c, LocalDate.of(2024, 3, 1), 10_000));
                }
                LedgerClient via = i % 2 == 0 ? nodeB.client() : nodeA.client();
                LedgerReplies.BatchResult r = via.recordClaims(prefix + i, claims).toCompletableFuture().get(30, TimeUnit.SECONDS);
                assertThat(r.accepted()).isEqualTo(i + 1);
            }
            for (int i = 0; i < contracts; i++) {
                RunningTotals fromA = nodeA.client().totals(prefix + i, "2024").toCompletableFuture().get(30, TimeUnit.SECONDS);
                RunningTotals fromB = nodeB.client().totals(prefix + i, "2024").toCompletableFuture().get(30, TimeUnit.SECONDS);
                assertThat(fromA.paidClaims()).isEqualTo(Money.ofCents(10_000L * (i + 1)));
                assertThat(fromB.paidClaims()).isEqualTo(fromA.paidClaims());
            }
        }
    }

    private static Config nodeConfig(String url, int port, String seed) {
        return ConfigFactory.parseMap(Map.of(
                        "vbc.ledger.db.url", url,
                        "vbc.ledger.db.user", System.getenv().getOrDefault("VBC_TEST_PG_USER", "postgres"),
                        "vbc.ledger.db.password", System.getenv().getOrDefault("VBC_TEST_PG_PASSWORD", ""),
                        "akka.remote.artery.canonical.port", port,
                        "akka.cluster.seed-nodes", List.of(seed)))
                .withFallback(ConfigFactory.load());
    }

    private static void awaitMembersUp(LedgerNode node, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            long up = 0;
            for (akka.cluster.Member m : Cluster.get(node.system()).state().getMembers()) {
                if (m.status() == MemberStatus.up()) {
                    up++;
                }
            }
            if (up >= count) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("cluster has " + up + " members Up, expected " + count);
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
