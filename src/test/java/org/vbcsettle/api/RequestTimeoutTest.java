package org.vbcsettle.api;

import org.junit.jupiter.api.Test;
import org.vbcsettle.api.auth.Role;
import org.vbcsettle.contract.ContractLoader;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger that does not answer gives a 503 problem after the request timeout, not a hung request. The only
 * request under the short timeout is the one that must time out: the contract is registered in the stand-in
 * ledger directly, so a slow or loaded machine cannot make a setup request time out instead. The bounds are
 * the timeout itself (no earlier) and far below the client's own 60 s (it did not hang).
 */
class RequestTimeoutTest {

    @Test
    void unanswered_request_is_503_after_the_timeout() throws Exception {
        InMemoryLedger stuck = new InMemoryLedger() {
            @Override
            public CompletionStage<Object> totals(String contractId, String periodId) {
                return new CompletableFuture<>();
            }
        };
        var contract = ContractLoader.parse(Fixtures.contractYaml("acme-2024", "blue-payer", "acme-aco"), "test",
                ContractLoader.Format.YAML).contract();
        stuck.registerContract(contract).toCompletableFuture().get(10, TimeUnit.SECONDS);
        ApiSettings d = TestApi.defaults();
        ApiSettings oneSecond = new ApiSettings(d.host(), 0, d.maxJsonBytes(), d.maxNdjsonBytes(), d.maxNdjsonLineBytes(),
                d.ndjsonBatchSize(), Duration.ofSeconds(1), d.streamingTimeout(), d.shutdownDeadline());
        try (TestApi api = new TestApi(stuck, oneSecond)) {
            String admin = TestApi.token(Role.ADMIN, null);
            long t0 = System.nanoTime();
            TestApi.Reply r = api.get("/v1/contracts/acme-2024/totals", admin);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.status()).as(r.toString()).isEqualTo(503);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("type").asText()).endsWith("/timeout");
            assertThat(r.raw().headers().firstValue("X-Request-Id")).as("the timeout's reply names the request").isPresent();
            assertThat(ms).as("answered after the 1 s timeout, long before the client gave up").isBetween(900L, 45_000L);
        }
    }
}
