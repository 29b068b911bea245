package org.vbcsettle.api;

import org.junit.jupiter.api.Test;
import org.vbcsettle.api.auth.Role;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

/** A ledger that does not answer gives a 503 problem after the request timeout, not a hung request. */
class RequestTimeoutTest {

    @Test
    void unanswered_request_is_503_after_the_timeout() throws Exception {
        InMemoryLedger stuck = new InMemoryLedger() {
            @Override
            public CompletionStage<Object> totals(String contractId, String periodId) {
                return new CompletableFuture<>();
            }
        };
        ApiSettings d = TestApi.defaults();
        ApiSettings oneSecond = new ApiSettings(d.host(), 0, d.maxJsonBytes(), d.maxNdjsonBytes(), d.maxNdjsonLineBytes(),
                d.ndjsonBatchSize(), Duration.ofSeconds(1), d.streamingTimeout(), d.shutdownDeadline());
        try (TestApi api = new TestApi(stuck, oneSecond)) {
            String admin = TestApi.token(Role.ADMIN, null);
            assertThat(api.send("POST", "/v1/contracts", admin, "application/yaml",
                    Fixtures.contractYaml("acme-2024", "blue-payer", "acme-aco")).status()).isEqualTo(201);
            long t0 = System.nanoTime();
            TestApi.Reply r = api.get("/v1/contracts/acme-2024/totals", admin);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.status()).as(r.toString()).isEqualTo(503);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(ms).isBetween(900L, 10_000L);
        }
    }
}
