package org.vbcsettle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vbcsettle.api.auth.Role;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Input no ledger can hold, on the real ledger (Cluster Sharding, the journal's CBOR serializer): period ids
 * that name no period, strings with lone UTF-16 surrogates or control characters. Each is a 422 problem
 * naming the field, answered well inside the ledger's 30 s ask timeout (an entity stopped by it would make
 * the caller wait that long for a 503), and afterwards the contract's ledger answers with the same totals.
 * JSON bodies carry the bad characters as {@code \\u} escapes, as a client would have to send them.
 */
class HostileInputTest {

    static final String PAYER = TestApi.token(Role.PAYER, "blue-payer");
    static final String PROVIDER = TestApi.token(Role.PROVIDER, "acme-aco");
    static final String BASE = "/v1/contracts/acme-2024";
    /** Far below the 30 s a stopped entity costs, far above any answer on a loaded machine. */
    static final long PROMPT_MS = 15_000;

    @TempDir
    static Path dir;
    static TestApi api;
    static String totalsBefore;

    @BeforeAll
    static void start() throws Exception {
        api = TestApi.onLedger(dir, TestApi.defaults());
        assertThat(api.send("POST", "/v1/contracts", PAYER, "application/yaml",
                Fixtures.contractYaml("acme-2024", "blue-payer", "acme-aco")).status()).isEqualTo(201);
        TestApi.Reply claims = api.postJson(BASE + "/claims", PAYER, "[" + Fixtures.claim("C-1", "M-1", "2024-03-01", "2024-04-01", 12_345) + "]");
        assertThat(claims.json().path("accepted").asInt()).as(claims.toString()).isEqualTo(1);
        totalsBefore = totals();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    static String totals() throws Exception {
        TestApi.Reply r = api.get(BASE + "/totals", PROVIDER);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().toString();
    }

    static String claim(String id, String member) {
        return "[{\"id\":\"" + id + "\",\"memberId\":\"" + member + "\",\"type\":\"professional\",\"serviceFrom\":\"2024-03-01\","
                + "\"paidDate\":\"2024-04-01\",\"paidAmount\":100}]";
    }

    static String quality(String id, String period) {
        return "[{\"id\":\"" + id + "\",\"memberId\":\"M-1\",\"measureId\":\"CBP\",\"period\":\"" + period + "\",\"kind\":\"numerator\"}]";
    }

    static String contract(String id, String name) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"payer\":\"blue-payer\",\"provider\":\"acme-aco\","
                + "\"performanceStart\":\"2024-01-01\",\"performanceEnd\":\"2024-12-31\",\"arrangements\":[{\"type\":\"quality-incentive\","
                + "\"id\":\"hedis\",\"measures\":[{\"id\":\"CBP\",\"weight\":1,\"target\":0.6}],\"bonus\":{\"method\":\"pool\",\"amount\":\"$10.00\"}}]}";
    }

    static Stream<Arguments> hostile() {
        String lone = "C-\\ud800";
        return Stream.of(
                arguments("GET", BASE + "/totals?period=2024-13", PROVIDER, null, "period", "period must be YYYY, YYYY-Qn or YYYY-MM, was '2024-13'"),
                arguments("GET", BASE + "/totals?period=2024-00", PROVIDER, null, "period", "was '2024-00'"),
                arguments("GET", BASE + "/totals?period=2024-Q0", PROVIDER, null, "period", "was '2024-Q0'"),
                arguments("GET", BASE + "/totals?period=%ED%A0%80", PROVIDER, null, "period", "period must be"),
                arguments("POST", BASE + "/claims", PAYER, claim(lone, "M-1"), "id", "contains a lone UTF-16 surrogate (U+D800) at position 3"),
                arguments("POST", BASE + "/claims", PAYER, claim("C-9", "\\udc00M"), "memberId", "contains a lone UTF-16 surrogate (U+DC00) at position 1"),
                arguments("POST", BASE + "/claims", PAYER, claim("C-9", "M\\u0000X"), "memberId", "contains a control character (U+0000) at position 2"),
                arguments("POST", BASE + "/claims", PAYER, claim("C-9", "M-1\\u001b[31m"), "memberId", "contains a control character (U+001B) at position 4"),
                arguments("POST", BASE + "/quality-events", PAYER, quality("Q-\\udbff", "2024"), "id", "contains a lone UTF-16 surrogate (U+DBFF) at position 3"),
                arguments("POST", BASE + "/quality-events", PAYER, quality("Q-1", "2024-13"), "period", "period must be YYYY, YYYY-Qn or YYYY-MM, was '2024-13'"),
                arguments("POST", "/v1/contracts", PAYER, contract("lone-2024", "Name \\ud800"), "name", "contains a lone UTF-16 surrogate (U+D800) at position 6"),
                arguments("POST", "/v1/contracts", PAYER, contract("bell-2024", "Name \\u0007"), "name", "contains a control character (U+0007) at position 6"),
                arguments("POST", "/v1/contracts", PAYER, contract("x\\ud800", "Name"), "id", "contains a lone UTF-16 surrogate (U+D800) at position 2"),
                arguments("POST", BASE + "/settlements", PAYER, "{\"period\":\"2024-13\",\"kind\":\"interim\"}", "period", "was '2024-13'"),
                arguments("POST", BASE + "/settlements", PAYER, "{\"period\":\"2024-Q1\",\"kind\":\"interim\",\"asOf\":\"2024-13-01\"}", "asOf", "must be a date YYYY-MM-DD"),
                arguments("PUT", BASE + "/reported-facts/2024-13", PAYER, "{\"qualityScore\":0.9}", "period", "was '2024-13'"),
                arguments("PUT", BASE + "/reported-facts/2024-00", PAYER, "{\"qualityScore\":0.9}", "period", "was '2024-00'"),
                arguments("GET", BASE + "/reported-facts/2024-13", PROVIDER, null, "period", "was '2024-13'"),
                arguments("GET", BASE + "/settlements?period=2024-13", PROVIDER, null, "period", "was '2024-13'"),
                arguments("POST", BASE + "/claims", PAYER, "[{\"\\ud800\":1," + claim("C-9", "M-1").substring(2), "U+D800", "unknown field"));
    }

    @org.junit.jupiter.api.Test
    void a_contract_id_in_the_path_that_names_none_is_404_and_the_ledger_keeps_answering() throws Exception {
        for (String id : new String[] {"%00", "%ED%A0%80", "a%0Ab", "%F0%9F%98%80"}) {
            TestApi.Reply r = api.get("/v1/contracts/" + id + "/totals", PAYER);
            assertThat(r.status()).as(id + ": " + r).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(totals()).isEqualTo(totalsBefore);
    }

    @ParameterizedTest(name = "{0} {1} {4}")
    @MethodSource("hostile")
    void refused_promptly_naming_the_field_and_the_ledger_keeps_answering(String method, String path, String token, String body,
                                                                          String field, String message) throws Exception {
        long t0 = System.nanoTime();
        TestApi.Reply r = api.send(method, path, token, body == null ? null : "application/json", body);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(ms).as("answered at once, not after an ask timeout").isLessThan(PROMPT_MS);
        JsonNode errors = r.json().path("errors");
        assertThat(TestApi.fields(r.json())).as(r.toString()).contains(field);
        boolean named = false;
        for (JsonNode e : errors) {
            named |= e.path("field").asText().equals(field) && e.path("message").asText().contains(message);
        }
        assertThat(named).as(r.toString()).isTrue();
        assertThat(totals()).as("the ledger answers, its totals unchanged").isEqualTo(totalsBefore);
    }
}
