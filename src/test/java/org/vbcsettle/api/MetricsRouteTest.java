package org.vbcsettle.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbcsettle.api.auth.Role;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /metrics} after known requests: each counter moved by exactly what the requests did. */
class MetricsRouteTest {

    @TempDir
    static Path dir;
    static TestApi api;
    static final String ADMIN = TestApi.token(Role.ADMIN, null);
    static final String CLAIMS = "[" + Fixtures.claim("m-c1", "M1", "2024-02-01", "2024-02-20", 10_000) + ","
            + Fixtures.claim("m-c2", "M2", "2024-02-03", "2024-02-21", 20_000) + "]";

    @BeforeAll
    static void start() throws Exception {
        api = TestApi.onLedger(dir, TestApi.defaults());
        assertThat(api.send("POST", "/v1/contracts", ADMIN, "application/yaml",
                Fixtures.contractYaml("metrics-2024", "blue-payer", "acme-aco")).status()).isEqualTo(201);
        assertThat(api.postJson("/v1/contracts/metrics-2024/claims", ADMIN, CLAIMS).json().path("accepted").asInt()).isEqualTo(2);
        assertThat(api.postJson("/v1/contracts/metrics-2024/claims", ADMIN, CLAIMS).json().path("duplicate").asInt()).isEqualTo(2);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/v1/contracts/metrics-2024/totals", ADMIN).status()).isEqualTo(200);
        }
        String fin = "{\"kind\":\"final\",\"asOf\":\"2025-09-01\"}";
        assertThat(api.postJson("/v1/contracts/metrics-2024/settlements", ADMIN, fin).status()).isEqualTo(201);
        assertThat(api.postJson("/v1/contracts/metrics-2024/settlements", ADMIN, fin).status()).isEqualTo(200);
        assertThat(api.get("/v1/contracts/no-such-contract/totals", ADMIN).status()).isEqualTo(404);
        assertThat(api.get("/v1/contracts/metrics-2024/no-such-thing", ADMIN).status()).isEqualTo(404);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    static String scrape() throws Exception {
        TestApi.Reply r = api.get("/metrics", null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain");
        return r.body();
    }

    /** The value of the sample with this name whose labels include every given {@code name="value"} pair (0 if none). */
    static double sample(String scrape, String name, String... labels) {
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{(.*)\\})? (\\S+)$");
        Matcher m = line.matcher(scrape);
        double found = 0;
        while (m.find()) {
            boolean all = true;
            for (String l : labels) {
                all &= m.group(1) != null && (m.group(1) + ",").contains(l + ",");
            }
            if (all) {
                found += Double.parseDouble(m.group(2));
            }
        }
        return found;
    }

    @Test
    void requestsAreCountedByRouteTemplateAndStatus() throws Exception {
        String s = scrape();
        String totals = "route=\"/v1/contracts/{contractId}/totals\"";
        assertThat(sample(s, "vbc_http_requests_seconds_count", "method=\"GET\"", totals, "status=\"200\"")).isEqualTo(3);
        assertThat(sample(s, "vbc_http_requests_seconds_count", totals, "status=\"404\"")).isEqualTo(1);
        assertThat(sample(s, "vbc_http_requests_seconds_count", "method=\"POST\"",
                "route=\"/v1/contracts/{contractId}/claims\"", "status=\"200\"")).isEqualTo(2);
        assertThat(sample(s, "vbc_http_requests_seconds_count", "route=\"unmatched\"", "status=\"404\"")).isEqualTo(1);
        assertThat(s).contains("vbc_http_requests_seconds_bucket{");
        // contract ids and raw paths never become label values
        assertThat(s).doesNotContain("metrics-2024").doesNotContain("no-such-contract").doesNotContain("no-such-thing");
    }

    @Test
    void ledgerCountersMovedByWhatTheBatchesDid() throws Exception {
        String s = scrape();
        assertThat(sample(s, "vbc_records_total", "kind=\"claim\"", "outcome=\"accepted\"")).isEqualTo(2);
        assertThat(sample(s, "vbc_records_total", "kind=\"claim\"", "outcome=\"duplicate\"")).isEqualTo(2);
        assertThat(sample(s, "vbc_records_total", "kind=\"claim\"", "outcome=\"rejected\"")).isEqualTo(0);
        assertThat(sample(s, "vbc_events_persisted_total", "type=\"ClaimsRecorded\"")).isEqualTo(1);
        assertThat(sample(s, "vbc_events_persisted_total", "type=\"ContractRegistered\"")).isEqualTo(1);
        // the registration, the one batch that stored claims and the first settlement wrote to the journal; the
        // all-duplicate batch and the repeated settlement did not
        assertThat(sample(s, "vbc_settlements_total", "kind=\"final\"", "outcome=\"issued\"")).isEqualTo(1);
        assertThat(sample(s, "vbc_settlements_total", "kind=\"final\"", "outcome=\"repeated\"")).isEqualTo(1);
        assertThat(sample(s, "vbc_events_persisted_total", "type=\"StatementIssued\"")).isEqualTo(1);
        // the final settlement's one payout, whatever its amount: triggered, or nothing_due at $0
        assertThat(sample(s, "vbc_payouts_total", "status=\"triggered\"") + sample(s, "vbc_payouts_total", "status=\"nothing_due\""))
                .isEqualTo(sample(s, "vbc_events_persisted_total", "type=\"PayoutTriggered\"")).isEqualTo(1);
        assertThat(sample(s, "vbc_journal_write_seconds_count")).isEqualTo(3);
        assertThat(s).containsPattern("(?m)^vbc_entities_active(\\{[^}]*\\})? [1-9]");
    }

    @Test
    void jvmAndPoolGaugesAreThere() throws Exception {
        String s = scrape();
        assertThat(s).contains("jvm_memory_used_bytes{").contains("jvm_threads_live_threads").contains("process_uptime_seconds");
        assertThat(s).contains("hikaricp_connections{pool=\"vbc-payouts\"");
    }

    @Test
    void aTokenCanBeRequiredOrTheEndpointTurnedOff() throws Exception {
        try (TestApi guarded = new TestApi(new InMemoryLedger(), TestApi.defaults().withMetricsAccess(ApiSettings.MetricsAccess.TOKEN))) {
            assertThat(guarded.get("/metrics", null).status()).isEqualTo(401);
            assertThat(guarded.get("/metrics", TestApi.token(Role.PROVIDER, "acme-aco")).status()).isEqualTo(200);
        }
        try (TestApi off = new TestApi(new InMemoryLedger(), TestApi.defaults().withMetricsAccess(ApiSettings.MetricsAccess.OFF))) {
            assertThat(off.get("/metrics", null).status()).isEqualTo(404);
        }
    }
}
