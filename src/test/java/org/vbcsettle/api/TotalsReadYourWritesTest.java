package org.vbcsettle.api;

import akka.http.javadsl.model.HttpEntity;
import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Mappers;
import org.vbcsettle.ledger.DatabaseSettings;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Claim;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Totals answered from the node's prepared bodies ({@link LedgerAdapter#totalsBody}) on a real node (H2):
 * a read after each write's reply reflects the write, a repeated read is served from the prepared body, a
 * {@code ?period=} read does not evict the plain one, and the body is the JSON of the entity's own totals.
 */
class TotalsReadYourWritesTest {

    private static Claim claim(String id, int month, long cents) {
        LocalDate from = LocalDate.of(2024, month, 5);
        return new Claim(id, "M" + (id.hashCode() & 7), Claim.ClaimType.PROFESSIONAL, from, from, from.plusDays(20),
                Money.ofCents(cents), null, null, null, null, "1234567890", Claim.Frequency.ORIGINAL, null);
    }

    private static <T> T get(java.util.concurrent.CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static JsonNode json(HttpEntity.Strict body) throws Exception {
        return Mappers.json().readTree(body.getData().toArray());
    }

    @Test
    void every_read_after_a_write_reflects_it_and_repeated_reads_use_the_prepared_body(@TempDir Path dir) throws Exception {
        Config config = ApiSettings.withDefaults(ConfigFactory.parseString("akka.loglevel = WARNING").withFallback(ConfigFactory.load()));
        DatabaseSettings db = DatabaseSettings.fromConfig(config).withUrl("jdbc:h2:file:" + dir.resolve("ledger"), "sa", "");
        try (ApiNode node = ApiNode.start(config, db, ApiSettings.fromConfig(config).withHost("127.0.0.1").withPort(0))) {
            Contract c = Mappers.yaml().readValue(Fixtures.contractYaml("ryw-1", "blue-payer", "acme-aco"), Contract.class);
            node.ensure(c);
            LedgerGateway ledger = node.ledger();
            assertThat(json(get(ledger.totalsBody("ryw-1", null))).path("claimCount").asLong()).isZero();

            long count = 0;
            long paid = 0;
            long q2 = 0;
            for (int round = 1; round <= 6; round++) {
                List<Claim> batch = new ArrayList<>();
                for (int i = 0; i < round; i++) {
                    int month = 1 + (round * 3 + i) % 12;
                    long cents = 100_00L * (i + 1);
                    batch.add(claim("r" + round + "-" + i, month, cents));
                    count++;
                    paid += cents;
                    q2 += month >= 4 && month <= 6 ? 1 : 0;
                }
                BatchResult r = get(ledger.recordClaims("ryw-1", batch));
                assertThat(r.accepted()).isEqualTo(round);

                HttpEntity.Strict plain = get(ledger.totalsBody("ryw-1", null));
                HttpEntity.Strict quarter = get(ledger.totalsBody("ryw-1", "2024-Q2"));
                assertThat(json(plain).path("claimCount").asLong()).isEqualTo(count);
                assertThat(json(plain).path("paidClaims").asLong()).isEqualTo(paid);
                assertThat(json(quarter).path("claimCount").asLong()).isEqualTo(q2);
                assertThat(json(quarter).path("periodId").asText()).isEqualTo("2024-Q2");
                // both kept side by side: the same prepared bodies again, not recomputed
                assertThat(get(ledger.totalsBody("ryw-1", null))).isSameAs(plain);
                assertThat(get(ledger.totalsBody("ryw-1", "2024-Q2"))).isSameAs(quarter);
                // the prepared body is the JSON of the entity's own figures
                assertThat(json(plain)).isEqualTo(Mappers.json().readTree(Mappers.json().writeValueAsBytes(get(ledger.totals("ryw-1", null)))));
            }
        }
    }
}
