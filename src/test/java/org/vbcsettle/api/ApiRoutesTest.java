package org.vbcsettle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbcsettle.api.auth.Role;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint's success and failure replies over a real socket, on the real ledger (Cluster Sharding,
 * H2 file database in a temp dir): status, problem+json shape, and the record and field each error names.
 */
class ApiRoutesTest {

    @TempDir
    static Path dir;
    static TestApi api;
    static final String BLUE = TestApi.token(Role.PAYER, "blue-payer");
    static final String RED = TestApi.token(Role.PAYER, "red-payer");
    static final String ACME = TestApi.token(Role.PROVIDER, "acme-aco");
    static final String OTHER_PROVIDER = TestApi.token(Role.PROVIDER, "zenith-aco");
    static final String ACTUARY = TestApi.token(Role.ACTUARY, null);
    static final String ADMIN = TestApi.token(Role.ADMIN, null);

    @BeforeAll
    static void start() throws Exception {
        ApiSettings small = TestApi.defaults();
        small = new ApiSettings(small.host(), 0, 64 * 1024, small.maxNdjsonBytes(), 4096, 3,
                small.requestTimeout(), small.streamingTimeout(), small.shutdownDeadline());
        api = TestApi.onLedger(dir, small);
        assertThat(api.send("POST", "/v1/contracts", BLUE, "application/yaml", Fixtures.contractYaml("acme-2024", "blue-payer", "acme-aco")).status()).isEqualTo(201);
        assertThat(api.send("POST", "/v1/contracts", RED, "application/yaml", Fixtures.contractYaml("zenith-2024", "red-payer", "zenith-aco")).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    static void assertProblem(TestApi.Reply r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("title").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    // ---- health, auth

    @Test
    void health_and_ready_need_no_token() throws Exception {
        assertThat(api.get("/health", null).status()).isEqualTo(200);
        assertThat(api.get("/ready", null).json().path("status").asText()).isEqualTo("ready");
    }

    @Test
    void missing_token_is_401_with_a_bearer_challenge() throws Exception {
        TestApi.Reply r = api.get("/v1/contracts", null);
        assertProblem(r, 401);
        assertThat(r.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertProblem(api.send("GET", "/v1/contracts", null, null, null), 401);
    }

    @Test
    void non_bearer_scheme_is_401() throws Exception {
        var raw = api.client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base + "/v1/contracts"))
                .header("Authorization", "Basic YWRtaW46YWRtaW4=").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(401);
        assertThat(raw.body()).contains("Bearer scheme");
    }

    @Test
    void expired_token_is_401() throws Exception {
        String expired = org.vbcsettle.api.auth.Tokens.mint(TestApi.AUTH, Role.ADMIN, null, java.time.Duration.ofMinutes(5),
                java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofHours(-1)));
        TestApi.Reply r = api.get("/v1/contracts", expired);
        assertProblem(r, 401);
        assertThat(r.json().path("detail").asText()).contains("expired");
    }

    @Test
    void token_signed_with_another_secret_is_401() throws Exception {
        var other = new org.vbcsettle.api.auth.AuthSettings("another-secret-of-at-least-thirty-two-bytes".getBytes(), null, false, "x");
        String forged = org.vbcsettle.api.auth.Tokens.mint(other, Role.ADMIN, null, java.time.Duration.ofMinutes(5), java.time.Clock.systemUTC());
        TestApi.Reply r = api.get("/v1/contracts", forged);
        assertProblem(r, 401);
        assertThat(r.json().path("detail").asText()).contains("signature");
    }

    @Test
    void unsigned_and_tampered_tokens_are_401() throws Exception {
        // alg "none": header {"alg":"none"} . claims {"role":"admin","exp":9999999999} . empty signature
        String none = b64("{\"alg\":\"none\"}") + "." + b64("{\"role\":\"admin\",\"exp\":9999999999}") + ".";
        assertProblem(api.get("/v1/contracts", none), 401);
        // a provider token whose payload is swapped for an admin one keeps the provider's signature
        String[] parts = ACME.split("\\.");
        String tampered = parts[0] + "." + b64("{\"role\":\"admin\",\"exp\":9999999999}") + "." + parts[2];
        assertProblem(api.get("/v1/contracts", tampered), 401);
        assertProblem(api.get("/v1/contracts", "not-a-jwt"), 401);
    }

    private static String b64(String s) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes());
    }

    @Test
    void token_without_role_or_party_is_401() throws Exception {
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000))
                .issuer("vbc-settle").audience("vbc-settle-api").claim("role", "provider").build();
        var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256), claims);
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(TestApi.SECRET.getBytes()));
        TestApi.Reply r = api.get("/v1/contracts", jwt.serialize());
        assertProblem(r, 401);
        assertThat(r.json().path("detail").asText()).contains("party");
    }

    // ---- access

    @Test
    void provider_may_not_read_another_providers_contract() throws Exception {
        assertProblem(api.get("/v1/contracts/acme-2024", OTHER_PROVIDER), 403);
        assertProblem(api.get("/v1/contracts/acme-2024/totals", OTHER_PROVIDER), 403);
        assertThat(api.get("/v1/contracts/acme-2024/totals", ACME).status()).isEqualTo(200);
    }

    @Test
    void payer_may_not_write_to_another_payers_contract() throws Exception {
        TestApi.Reply r = api.postJson("/v1/contracts/zenith-2024/claims", BLUE, "[" + Fixtures.claim("x1", "m1", "2024-02-01", "2024-02-20", 100) + "]");
        assertProblem(r, 403);
        assertProblem(api.get("/v1/contracts/zenith-2024", BLUE), 403);
        assertProblem(api.send("PUT", "/v1/contracts/zenith-2024", BLUE, "application/yaml",
                Fixtures.contractYaml("zenith-2024", "red-payer", "zenith-aco")), 403);
        // nor load a contract in another payer's name
        assertProblem(api.send("POST", "/v1/contracts", BLUE, "application/yaml",
                Fixtures.contractYaml("stolen-2024", "red-payer", "acme-aco")), 403);
    }

    @Test
    void providers_and_actuaries_do_not_write() throws Exception {
        assertProblem(api.postJson("/v1/contracts/acme-2024/claims", ACME, "[]"), 403);
        assertProblem(api.postJson("/v1/contracts/acme-2024/settlements", ACTUARY, "{\"kind\":\"final\"}"), 403);
    }

    @Test
    void contract_list_shows_only_what_the_caller_may_read() throws Exception {
        assertThat(ids(api.get("/v1/contracts", ACME).json())).containsExactly("acme-2024");
        assertThat(ids(api.get("/v1/contracts", RED).json())).containsExactly("zenith-2024");
        assertThat(ids(api.get("/v1/contracts", ACTUARY).json())).contains("acme-2024", "zenith-2024");
        assertThat(ids(api.get("/v1/contracts", TestApi.token(Role.PROVIDER, "nobody")).json())).isEmpty();
    }

    private static List<String> ids(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.path("id").asText()));
        return out;
    }

    // ---- contracts

    @Test
    void unknown_contract_is_404() throws Exception {
        TestApi.Reply r = api.get("/v1/contracts/no-such", ADMIN);
        assertProblem(r, 404);
        assertThat(r.json().path("detail").asText()).contains("no-such");
        assertProblem(api.postJson("/v1/contracts/no-such/claims", ADMIN, "[]"), 404);
    }

    @Test
    void contract_as_json_is_accepted_and_readable() throws Exception {
        String json = org.vbcsettle.contract.Mappers.json().writeValueAsString(
                org.vbcsettle.contract.Mappers.yaml().readTree(Fixtures.contractYaml("json-2024", "blue-payer", "acme-aco")));
        TestApi.Reply r = api.postJson("/v1/contracts", BLUE, json);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.raw().headers().firstValue("Location")).hasValue("/v1/contracts/json-2024");
        assertThat(api.get("/v1/contracts/json-2024", ACME).json().path("payer").asText()).isEqualTo("blue-payer");
    }

    @Test
    void malformed_contract_is_400_and_wrong_types_are_422_naming_the_field() throws Exception {
        assertProblem(api.postJson("/v1/contracts", BLUE, "{\"id\": \"x\", "), 400);
        TestApi.Reply r = api.send("POST", "/v1/contracts", BLUE, "application/yaml",
                Fixtures.contractYaml("typo-2024", "blue-payer", "acme-aco").replace("performanceStart: 2024-01-01", "performanceStart: soon"));
        assertProblem(r, 422);
        assertThat(TestApi.fields(r.json())).anySatisfy(f -> assertThat(f).contains("performanceStart"));
        assertProblem(api.send("POST", "/v1/contracts", BLUE, "text/plain", "id: x"), 415);
    }

    @Test
    void amendment_may_not_change_the_parties_or_the_id() throws Exception {
        TestApi.Reply r = api.send("PUT", "/v1/contracts/acme-2024", BLUE, "application/yaml",
                Fixtures.contractYaml("acme-2024", "blue-payer", "zenith-aco"));
        assertProblem(r, 422);
        assertThat(TestApi.fields(r.json())).contains("payer/provider");
        r = api.send("PUT", "/v1/contracts/acme-2024", BLUE, "application/yaml", Fixtures.contractYaml("other-id", "blue-payer", "acme-aco"));
        assertProblem(r, 422);
        assertThat(TestApi.fields(r.json())).contains("id");
    }

    // ---- claims

    @Test
    void claims_batch_counts_accepted_and_duplicates() throws Exception {
        String body = "[" + Fixtures.claim("c-ok-1", "m1", "2024-03-01", "2024-03-20", 12_500) + ","
                + Fixtures.claim("c-ok-2", "m2", "2024-03-02", "2024-03-21", 7_000) + "]";
        JsonNode first = api.postJson("/v1/contracts/acme-2024/claims", BLUE, body).json();
        assertThat(first.path("accepted").asLong()).isEqualTo(2);
        JsonNode again = api.postJson("/v1/contracts/acme-2024/claims", BLUE, body).json();
        assertThat(again.path("accepted").asLong()).isZero();
        assertThat(again.path("duplicate").asLong()).isEqualTo(2);
    }

    @Test
    void a_resent_claim_id_with_other_content_is_rejected_not_counted_as_duplicate() throws Exception {
        assertThat(api.postJson("/v1/contracts/acme-2024/claims", BLUE,
                "[" + Fixtures.claim("X5", "m5", "2024-03-01", "2024-03-20", 100) + "]").json().path("accepted").asLong()).isEqualTo(1);
        TestApi.Reply r = api.postJson("/v1/contracts/acme-2024/claims", BLUE,
                "[" + Fixtures.claim("X5", "m5", "2024-03-01", "2024-03-20", 999_999) + "]");
        JsonNode j = r.json();
        assertThat(j.path("accepted").asLong()).as(r.toString()).isZero();
        assertThat(j.path("duplicate").asLong()).isZero();
        assertThat(j.path("rejected").asLong()).isEqualTo(1);
        assertThat(j.path("errors").toString()).contains("claim 'X5' was already recorded with different content "
                + "(paidAmount 100 → 999999, allowedAmount 100 → 999999); send a replacement (frequency 7) naming it");
    }

    @Test
    void malformed_claims_json_is_400() throws Exception {
        TestApi.Reply r = api.postJson("/v1/contracts/acme-2024/claims", BLUE, "[{\"id\": \"c1\",]");
        assertProblem(r, 400);
        assertThat(r.json().path("detail").asText()).contains("line 1");
        assertProblem(api.postJson("/v1/contracts/acme-2024/claims", BLUE, "{\"id\": \"c1\"}"), 400);
    }

    @Test
    void wrong_types_negative_and_absurd_amounts_and_dates_outside_the_period_are_422_naming_record_and_field() throws Exception {
        long claimsBefore = api.get("/v1/contracts/acme-2024/totals", BLUE).json().path("claimCount").asLong();
        String body = "["
                + "{\"id\":\"t1\",\"memberId\":\"m1\",\"type\":\"professional\",\"serviceFrom\":\"2024-03-01\",\"paidDate\":\"2024-03-09\",\"paidAmount\":\"lots\"},"
                + Fixtures.claim("neg", "m1", "2024-03-01", "2024-03-20", -500) + ","
                + Fixtures.claim("huge", "m1", "2024-03-01", "2024-03-20", 5_000_000_000_00L) + ","
                + Fixtures.claim("early", "m1", "2023-12-15", "2024-01-20", 1000) + ","
                + "{\"id\":\"t5\",\"memberId\":\"m1\",\"type\":\"spaceship\",\"serviceFrom\":\"2024-13-01\",\"paidDate\":\"2024-03-09\",\"paidAmount\":1,\"colour\":\"red\"}"
                + "]";
        TestApi.Reply r = api.postJson("/v1/contracts/acme-2024/claims", BLUE, body);
        assertProblem(r, 422);
        JsonNode errors = r.json().path("errors");
        assertThat(errorAt(errors, "claims[0] (id t1)", "paidAmount")).isTrue();
        assertThat(errorAt(errors, "claims[1] (id neg)", "paidAmount")).isTrue();
        assertThat(errorAt(errors, "claims[2] (id huge)", "paidAmount")).isTrue();
        assertThat(errorAt(errors, "claims[3] (id early)", "serviceFrom")).isTrue();
        assertThat(errorAt(errors, "claims[4] (id t5)", "type")).isTrue();
        assertThat(errorAt(errors, "claims[4] (id t5)", "serviceFrom")).isTrue();
        assertThat(errorAt(errors, "claims[4] (id t5)", "colour")).isTrue();
        // all or nothing: none of them was stored
        assertThat(api.get("/v1/contracts/acme-2024/totals", BLUE).json().path("claimCount").asLong()).isEqualTo(claimsBefore);
    }

    private static boolean errorAt(JsonNode errors, String record, String field) {
        for (JsonNode e : errors) {
            if (e.path("record").asText().equals(record) && e.path("field").asText().equals(field)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void oversized_body_is_413() throws Exception {
        // the test server allows 64 KiB of JSON
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            sb.append(i == 0 ? "" : ",").append(Fixtures.claim("big-" + i, "m" + i, "2024-05-01", "2024-05-09", 100));
        }
        TestApi.Reply r = api.postJson("/v1/contracts/acme-2024/claims", BLUE, sb.append("]").toString());
        assertProblem(r, 413);
    }

    @Test
    void ndjson_claims_stream_counts_each_line_and_names_bad_lines() throws Exception {
        String body = Fixtures.claim("n1", "m1", "2024-06-01", "2024-06-09", 100) + "\n"
                + Fixtures.claim("n2", "m2", "2024-06-01", "2024-06-09", 200) + "\r\n"
                + "{not json\n"
                + "\n"
                + Fixtures.claim("n3", "m3", "2025-06-01", "2025-06-09", 300) + "\n"
                + Fixtures.claim("n1", "m1", "2024-06-01", "2024-06-09", 100) + "\n"
                + Fixtures.claim("n4", "m4", "2024-06-02", "2024-06-09", 400);
        TestApi.Reply r = api.send("POST", "/v1/contracts/acme-2024/claims", BLUE, "application/x-ndjson", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.path("accepted").asLong()).isEqualTo(3);
        assertThat(j.path("duplicate").asLong()).isEqualTo(1);
        assertThat(j.path("rejected").asLong()).isEqualTo(2);
        assertThat(errorAt(j.path("errors"), "claims line 3", "(record)")).isTrue();
        assertThat(errorAt(j.path("errors"), "claims line 5 (id n3)", "serviceFrom")).isTrue();
    }

    @Test
    void ndjson_line_longer_than_the_limit_is_a_problem() throws Exception {
        String longLine = "{\"id\":\"" + "x".repeat(5000) + "\"}\n";
        TestApi.Reply r = api.send("POST", "/v1/contracts/acme-2024/claims", BLUE, "application/x-ndjson", longLine);
        assertThat(r.status()).isBetween(400, 499);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    // ---- attribution, quality

    @Test
    void attribution_batch_checks_month_and_risk_score() throws Exception {
        JsonNode ok = api.postJson("/v1/contracts/acme-2024/attribution", BLUE,
                "[{\"id\":\"a1\",\"memberId\":\"m1\",\"month\":\"2024-01\",\"riskScore\":1.05}]").json();
        assertThat(ok.path("accepted").asLong()).isEqualTo(1);
        TestApi.Reply r = api.postJson("/v1/contracts/acme-2024/attribution", BLUE,
                "[{\"id\":\"a2\",\"memberId\":\"m1\",\"month\":\"2025-01\",\"riskScore\":-1}]");
        assertProblem(r, 422);
        assertThat(TestApi.fields(r.json())).contains("month", "riskScore");
    }

    @Test
    void quality_events_must_name_a_measure_of_the_contract() throws Exception {
        JsonNode ok = api.postJson("/v1/contracts/acme-2024/quality-events", BLUE,
                "[{\"id\":\"q1\",\"memberId\":\"m1\",\"measureId\":\"CBP\",\"period\":\"2024\",\"kind\":\"denominator\"}]").json();
        assertThat(ok.path("accepted").asLong()).isEqualTo(1);
        TestApi.Reply r = api.postJson("/v1/contracts/acme-2024/quality-events", BLUE,
                "[{\"id\":\"q2\",\"memberId\":\"m1\",\"measureId\":\"XYZ\",\"period\":\"2023\",\"kind\":\"numerator\"},"
                        + "{\"id\":\"q3\",\"memberId\":\"m1\",\"measureId\":\"CBP\",\"period\":\"2024\",\"kind\":\"maybe\"}]");
        assertProblem(r, 422);
        // the format of each field first (kind), then the rules of a well-formed record (measure, period)
        assertThat(TestApi.fields(r.json())).containsExactly("measureId", "period", "kind");
    }

    // ---- settlements, payouts

    @Test
    void settlement_request_is_validated() throws Exception {
        TestApi.Reply r = api.postJson("/v1/contracts/acme-2024/settlements", BLUE, "{\"period\":\"2025-Q1\",\"kind\":\"interim\"}");
        assertProblem(r, 422);
        assertThat(TestApi.fields(r.json())).contains("period");
        r = api.postJson("/v1/contracts/acme-2024/settlements", BLUE, "{\"period\":\"2024-Q1\",\"kind\":\"sometime\"}");
        assertProblem(r, 422);
        assertThat(TestApi.fields(r.json())).contains("kind");
        r = api.postJson("/v1/contracts/acme-2024/settlements", BLUE, "{\"period\":\"2024-Q1\",\"kind\":\"final\"}");
        assertProblem(r, 422);
        r = api.postJson("/v1/contracts/acme-2024/settlements", BLUE, "{\"kind\":\"interim\",\"period\":\"2024-Q1\",\"reported\":{\"qualityScore\":\"high\"}}");
        assertProblem(r, 422);
        assertThat(TestApi.fields(r.json())).anySatisfy(f -> assertThat(f).startsWith("reported.qualityScore"));
    }

    @Test
    void settlement_runs_and_is_listed() throws Exception {
        TestApi.Reply r = api.postJson("/v1/contracts/acme-2024/settlements", BLUE,
                "{\"period\":\"2024-Q2\",\"kind\":\"interim\",\"asOf\":\"2024-08-15\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("statement").path("periodId").asText()).isEqualTo("2024-Q2");
        JsonNode list = api.get("/v1/contracts/acme-2024/settlements?period=2024-Q2", ACME).json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).path("kind").asText()).isEqualTo("INTERIM");
    }

    @Test
    void payouts_are_listed_by_status_and_moved_by_the_right_party() throws Exception {
        // an interim settlement issues a payout (nothing earned yet, so $0.00), one per contract
        assertThat(api.postJson("/v1/contracts/acme-2024/settlements", BLUE,
                "{\"period\":\"2024-Q1\",\"kind\":\"interim\",\"asOf\":\"2024-05-01\"}").status()).isIn(200, 201);
        assertThat(api.postJson("/v1/contracts/zenith-2024/settlements", RED,
                "{\"period\":\"2024-Q1\",\"kind\":\"interim\",\"asOf\":\"2024-05-01\"}").status()).isIn(200, 201);
        // $0 is nothing due: listed as such, never among the triggered payouts, and cannot be moved on
        String zeroKey = "acme-2024|settlement.interim|2024-Q1";
        assertThat(api.get("/v1/contracts/acme-2024/payouts?status=nothing_due", ACME).json().findValuesAsText("key")).contains(zeroKey);
        assertThat(api.get("/v1/contracts/acme-2024/payouts?status=triggered", ACME).json().findValuesAsText("key")).doesNotContain(zeroKey);
        assertProblem(api.postJson("/v1/contracts/acme-2024/payouts/" + java.net.URLEncoder.encode(zeroKey, java.nio.charset.StandardCharsets.UTF_8)
                + "/status", BLUE, "{\"status\":\"approved\"}"), 409);
        assertProblem(api.get("/v1/contracts/acme-2024/payouts?status=lost", ACME), 422);
        assertProblem(api.get("/v1/contracts/acme-2024/payouts", OTHER_PROVIDER), 403);

        // a payout with an amount: CBP met (2 of 2 eligible, 100% ≥ 60%) on a contract of its own advances the pool
        assertThat(api.send("POST", "/v1/contracts", BLUE, "application/yaml", Fixtures.contractYaml("acme-pay-2024", "blue-payer", "acme-aco")).status()).isEqualTo(201);
        TestApi.Reply q = api.postJson("/v1/contracts/acme-pay-2024/quality-events", BLUE, """
                [{"id":"d1","memberId":"m1","measureId":"CBP","period":"2024","kind":"denominator"},
                 {"id":"d2","memberId":"m2","measureId":"CBP","period":"2024","kind":"denominator"},
                 {"id":"n1","memberId":"m1","measureId":"CBP","period":"2024","kind":"numerator"},
                 {"id":"n2","memberId":"m2","measureId":"CBP","period":"2024","kind":"numerator"}]""");
        assertThat(q.status()).as(q.toString()).isEqualTo(200);
        String key = "acme-pay-2024|quality.hedis.CBP.met|2024";
        List<String> triggered = api.get("/v1/contracts/acme-pay-2024/payouts?status=triggered", ACME).json().findValuesAsText("key");
        assertThat(triggered).contains(key);
        assertThat(api.get("/v1/contracts/acme-pay-2024/payouts?status=triggered", ACME).json().get(0).path("amountCents").asLong()).isPositive();

        String path = "/v1/contracts/acme-pay-2024/payouts/" + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8) + "/status";
        assertProblem(api.postJson(path, ACME, "{\"status\":\"approved\"}"), 403);       // the payer approves
        assertProblem(api.postJson(path, BLUE, "{\"status\":\"acknowledged\"}"), 403);   // the provider acknowledges
        assertProblem(api.postJson(path, OTHER_PROVIDER, "{\"status\":\"acknowledged\"}"), 403);
        assertProblem(api.postJson(path, ACME, "{\"status\":\"paid\"}"), 422);
        assertProblem(api.postJson(path, ACME, "{\"status\":\"acknowledged\"}"), 409);   // not disbursed yet
        assertProblem(api.postJson("/v1/contracts/acme-pay-2024/payouts/nothing/status", BLUE, "{\"status\":\"approved\"}"), 404);
        assertThat(api.postJson(path, BLUE, "{\"status\":\"approved\"}").status()).isEqualTo(200);
        assertThat(api.postJson(path, BLUE, "{\"status\":\"disbursed\"}").status()).isEqualTo(200);
        TestApi.Reply r = api.postJson(path, ACME, "{\"status\":\"acknowledged\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("acknowledged");

        // the payout file (read side, a second behind): the payer sees its contracts' payouts only
        long deadline = System.currentTimeMillis() + 60_000;
        List<String> keys;
        do {
            Thread.sleep(200);
            keys = api.get("/v1/payouts?status=acknowledged", BLUE).json().findValuesAsText("key");
        } while (!keys.contains(key) && System.currentTimeMillis() < deadline);
        assertThat(keys).contains(key);
        assertThat(api.get("/v1/payouts", BLUE).json().findValuesAsText("contractId")).doesNotContain("zenith-2024");
    }

    @Test
    void a_benchmark_met_without_a_computable_projection_pays_no_advance_and_the_reply_says_why() throws Exception {
        // the CBP pool beside shared savings on a PMPM benchmark: without member-months there is no benchmark yet
        String yaml = Fixtures.contractYaml("acme-pmpm-2024", "blue-payer", "acme-aco") + """
                  - type: shared-savings
                    id: savings
                    benchmark:
                      method: pmpm
                      baselinePmpm: "$800.00"
                    minimumSavingsRate:
                      method: fixed
                      rate: 0.02
                    sharingRate: 0.50
                    savingsCap: 0.10
                """;
        assertThat(api.send("POST", "/v1/contracts", BLUE, "application/yaml", yaml).status()).isEqualTo(201);
        TestApi.Reply q = api.postJson("/v1/contracts/acme-pmpm-2024/quality-events", BLUE, """
                [{"id":"d1","memberId":"m1","measureId":"CBP","period":"2024","kind":"denominator"},
                 {"id":"d2","memberId":"m2","measureId":"CBP","period":"2024","kind":"denominator"},
                 {"id":"n1","memberId":"m1","measureId":"CBP","period":"2024","kind":"numerator"},
                 {"id":"n2","memberId":"m2","measureId":"CBP","period":"2024","kind":"numerator"}]""");
        assertThat(q.status()).as(q.toString()).isEqualTo(200);
        assertThat(q.json().path("accepted").asInt()).isEqualTo(4);
        assertThat(q.json().path("payoutsTriggered")).isEmpty();
        assertThat(q.json().path("notes")).hasSize(1);
        assertThat(q.json().path("notes").get(0).asText()).contains("CBP").contains("not advanced now");
        assertThat(api.get("/v1/contracts/acme-pmpm-2024/payouts", ACME).json().findValuesAsText("key")).isEmpty();
    }

    // ---- routing failures

    @Test
    void unknown_path_is_404_and_wrong_method_405_both_as_problems() throws Exception {
        assertProblem(api.get("/v1/nothing-here", ADMIN), 404);
        assertProblem(api.send("DELETE", "/v1/contracts/acme-2024", ADMIN, null, null), 405);
    }

    @Test
    void reportedFactsArePutByThePayerAndReadByTheProvider() throws Exception {
        String path = "/v1/contracts/acme-2024/reported-facts/2024";
        TestApi.Reply none = api.get(path, ACME);
        assertThat(none.status()).as(none.toString()).isEqualTo(200);
        assertThat(none.json().path("sequence").asLong()).isZero();
        assertThat(none.json().path("facts").path("qualityScore").isNull()).isTrue();

        TestApi.Reply put = api.send("PUT", path, BLUE, "application/json",
                "{\"qualityScore\": 0.92, \"participantRevenue\": 150000000, \"lowRevenue\": true}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().path("period").asText()).isEqualTo("2024");
        assertThat(put.json().path("facts").path("qualityScore").decimalValue()).isEqualByComparingTo("0.92");
        assertThat(put.json().path("facts").path("participantRevenue").asLong()).isEqualTo(150_000_000L);
        long sequence = put.json().path("sequence").asLong();
        assertThat(sequence).isPositive();

        TestApi.Reply read = api.get(path, ACME);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("facts").path("lowRevenue").asBoolean()).isTrue();
        assertThat(read.json().path("sequence").asLong()).isEqualTo(sequence);
        // the same facts again: no new report
        assertThat(api.send("PUT", path, ADMIN, "application/json",
                "{\"qualityScore\": 0.920, \"participantRevenue\": 150000000, \"lowRevenue\": true}").json().path("sequence").asLong())
                .isEqualTo(sequence);

        // only the payer of the contract (or an admin) reports; whoever may not read the contract may not look
        assertProblem(api.send("PUT", path, ACME, "application/json", "{\"qualityScore\": 0.99}"), 403);
        assertProblem(api.send("PUT", path, RED, "application/json", "{\"qualityScore\": 0.99}"), 403);
        assertProblem(api.get(path, OTHER_PROVIDER), 403);
        assertProblem(api.get("/v1/contracts/nope-2024/reported-facts/2024", ADMIN), 404);

        TestApi.Reply bad = api.send("PUT", path, BLUE, "application/json", "{\"qualityScore\": 1.5, \"disasterShare\": -0.2}");
        assertProblem(bad, 422);
        assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactly("qualityScore", "disasterShare");
        assertThat(bad.body()).contains("must be between 0 and 1, was 1.5");
        TestApi.Reply unknown = api.send("PUT", path, BLUE, "application/json", "{\"qualityScor\": 0.9}");
        assertProblem(unknown, 422);
        assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("qualityScor");
        TestApi.Reply outside = api.send("PUT", "/v1/contracts/acme-2024/reported-facts/2025-Q1", BLUE, "application/json", "{\"qualityScore\": 0.9}");
        assertProblem(outside, 422);
        assertThat(outside.body()).contains("period").contains("outside the performance period");
        // nothing of the refused reports was stored
        assertThat(api.get(path, BLUE).json().path("facts").path("qualityScore").decimalValue()).isEqualByComparingTo("0.92");
    }
}
