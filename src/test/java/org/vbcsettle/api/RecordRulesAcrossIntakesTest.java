package org.vbcsettle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vbcsettle.api.auth.Role;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.ContractLoader;
import org.vbcsettle.contract.Mappers;
import org.vbcsettle.ingest.AttributionFormat;
import org.vbcsettle.ingest.ClaimFormat;
import org.vbcsettle.ingest.QualityEventFormat;
import org.vbcsettle.ingest.RecordReader;
import org.vbcsettle.ingest.RecordRules;
import org.vbcsettle.ingest.RecordType;
import org.vbcsettle.ingest.ReportedFactsFormat;
import org.vbcsettle.ingest.Violation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * One set of record rules: every bad record goes in as a CSV file and an NDJSON file (read as {@code settle}
 * reads them, against the contract) and over HTTP (a JSON array, and for claims an NDJSON stream), and each
 * way names the same field with the same message; a good record is accepted each way. The expected messages
 * are written out here, not taken from the code.
 */
class RecordRulesAcrossIntakesTest {
    static final String ADMIN = TestApi.token(Role.ADMIN, null);
    static final Contract HEDIS = ContractLoader.load(Path.of("contracts/hedis-p4p.yaml"));
    static final String BASE = "/v1/contracts/" + HEDIS.id();
    static final String PERIOD = " is outside the contract's performance period 2024-01-01 to 2024-12-31";
    static final String NEGATIVE = "must not be negative (send a replacement or void claim to take money back), was ";

    static TestApi api;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        api = new TestApi(new InMemoryLedger(), TestApi.defaults());
        TestApi.Reply r = api.send("POST", "/v1/contracts", ADMIN, "application/yaml", Files.readString(Path.of("contracts/hedis-p4p.yaml")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /** A valid claim, attribution record and quality event, changed by {@code change} (null removes a field). */
    static Map<String, String> record(RecordType<?> type, String... change) {
        Map<String, String> r = new LinkedHashMap<>();
        if (type == ClaimFormat.INSTANCE) {
            r.putAll(Map.of("id", "C-1", "memberId", "M-1", "type", "professional", "serviceFrom", "2024-03-01",
                    "paidDate", "2024-04-01", "paidAmount", "10000"));
        } else if (type == AttributionFormat.INSTANCE) {
            r.putAll(Map.of("id", "A-1", "memberId", "M-1", "month", "2024-03"));
        } else {
            r.putAll(Map.of("id", "Q-1", "memberId", "M-1", "measureId", "CBP", "period", "2024", "kind", "numerator"));
        }
        for (int i = 0; i < change.length; i += 2) {
            r.put(change[i], change[i + 1]);
        }
        r.values().removeIf(java.util.Objects::isNull);
        return r;
    }

    static Arguments bad(RecordType<?> type, String field, String message, String... change) {
        return arguments(type, record(type, change), field, message);
    }

    static Stream<Arguments> badRecords() {
        RecordType<?> c = ClaimFormat.INSTANCE;
        RecordType<?> a = AttributionFormat.INSTANCE;
        RecordType<?> q = QualityEventFormat.INSTANCE;
        return Stream.of(
                bad(c, "memberId", "is required", "memberId", null),
                bad(c, "paidDate", "is required", "paidDate", null),
                bad(c, "paidAmount", "is required", "paidAmount", null),
                bad(c, "id", "is longer than 200 characters", "id", "C".repeat(201)),
                bad(c, "type", "must be one of inpatient, outpatient, professional, snf, home-health, hospice, dme, pharmacy, was surgery",
                        "type", "surgery"),
                bad(c, "serviceFrom", "not a date (YYYY-MM-DD): 2024-02-30", "serviceFrom", "2024-02-30"),
                bad(c, "paidAmount", "not a whole number of cents: 12.5", "paidAmount", "12.5"),
                bad(c, "paidAmount", "not an amount (whole cents such as 123456, or dollars such as \"$1,234.56\"): lots", "paidAmount", "lots"),
                bad(c, "paidAmount", "has fractions of a cent: $1.234", "paidAmount", "$1.234"),
                bad(c, "paidAmount", NEGATIVE + "-500 cents", "paidAmount", "-500"),
                bad(c, "paidAmount", "exceeds the per-claim bound of 1000000000 cents, was 1000000001", "paidAmount", "1000000001"),
                bad(c, "allowedAmount", NEGATIVE + "-1 cents", "allowedAmount", "-1"),
                bad(c, "serviceFrom", "2023-12-31" + PERIOD, "serviceFrom", "2023-12-31"),
                bad(c, "paidDate", "2024-02-01 is before serviceFrom 2024-03-01", "paidDate", "2024-02-01"),
                bad(c, "serviceThrough", "2024-02-28 is before serviceFrom 2024-03-01", "serviceThrough", "2024-02-28"),
                bad(c, "drg", "not an MS-DRG (three digits): 47", "drg", "47"),
                bad(c, "frequency", "must be 1 (original), 7 (replacement) or 8 (void), was 9", "frequency", "9"),
                bad(c, "replacesClaimId", "is required for a replacement (7) or void (8)", "frequency", "7"),
                bad(c, "replacesClaimId", "is only allowed with frequency 7 (replacement) or 8 (void)", "replacesClaimId", "C-0"),
                bad(c, "replacesClaimId", "a claim cannot replace itself", "frequency", "8", "replacesClaimId", "C-1"),
                bad(a, "month", "is required", "month", null),
                bad(a, "month", "not a month (YYYY-MM): 2024-13", "month", "2024-13"),
                bad(a, "month", "2019-02" + PERIOD, "month", "2019-02"),
                bad(a, "riskScore", "must be above 0 and at most 20, was 0", "riskScore", "0"),
                bad(a, "riskScore", "not a number: high", "riskScore", "high"),
                bad(a, "segment", "must be one of aged/non-dual, aged/dual, disabled, esrd, was child", "segment", "child"),
                bad(a, "active", "false only retracts a record named by replacesId", "active", "false"),
                bad(a, "active", "must be true or false, was maybe", "active", "maybe"),
                bad(a, "replacesId", "a record cannot replace itself", "replacesId", "A-1"),
                bad(q, "measureId", "is required", "measureId", null),
                bad(q, "kind", "must be numerator, denominator or exclusion, was met", "kind", "met"),
                bad(q, "measureId", "'NOPE' is not a measure of contract harbor-ipa-hedis-p4p-2024 (BCS-E, CBP, COL-E, HBD-PC)",
                        "measureId", "NOPE"),
                bad(q, "period", "2023" + PERIOD, "period", "2023"),
                bad(q, "period", "period must be YYYY, YYYY-Qn or YYYY-MM, was '2024-Q5'", "period", "2024-Q5"),
                bad(q, "period", "period must be YYYY, YYYY-Qn or YYYY-MM, was '2024-13'", "period", "2024-13"),
                bad(q, "period", "period must be YYYY, YYYY-Qn or YYYY-MM, was '2024-00'", "period", "2024-00"),
                // strings the journal cannot hold: lone UTF-16 surrogates, control characters
                bad(c, "id", "contains a lone UTF-16 surrogate (U+D800) at position 3", "id", "C-\ud800"),
                bad(c, "memberId", "contains a lone UTF-16 surrogate (U+DC00) at position 1", "memberId", "\udc00M"),
                bad(c, "memberId", "contains a control character (U+0001) at position 2", "memberId", "M\u0001X"),
                bad(c, "billingProvider", "contains a control character (U+007F) at position 4", "billingProvider", "123\u007f4"),
                bad(a, "id", "contains a control character (U+0007) at position 3", "id", "A-\u00071"),
                bad(a, "memberId", "contains a lone UTF-16 surrogate (U+DBFF) at position 3", "memberId", "M-\udbff"),
                bad(q, "id", "contains a lone UTF-16 surrogate (U+DBFF) at position 3", "id", "Q-\udbff"),
                bad(q, "memberId", "contains a control character (U+0009) at position 2", "memberId", "M\t1"));
    }

    @ParameterizedTest(name = "{0} {2}: {3}")
    @MethodSource("badRecords")
    void everyIntakeNamesTheSameFieldAndMessage(RecordType<?> type, Map<String, String> record, String field, String message)
            throws Exception {
        List<Violation> expected = List.of(new Violation(field, message));
        if (!hasLoneSurrogate(record)) {
            // a UTF-8 file cannot hold one (its decoder reads U+FFFD); JSON can, as an escape
            assertThat(settleReads(type, csv(type, record), "csv")).as("CSV").isEqualTo(expected);
        }
        assertThat(settleReads(type, json(record), "ndjson")).as("NDJSON").isEqualTo(expected);
        TestApi.Reply r = api.postJson(BASE + "/" + endpoint(type), ADMIN, "[" + json(record) + "]");
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(violations(r.json().path("errors"))).as("HTTP JSON").isEqualTo(expected);
        if (type == ClaimFormat.INSTANCE) {
            TestApi.Reply s = api.send("POST", BASE + "/claims", ADMIN, "application/x-ndjson", json(record) + "\n");
            assertThat(s.status()).as(s.toString()).isEqualTo(200);
            assertThat(violations(s.json().path("errors"))).as("HTTP NDJSON").isEqualTo(expected);
        }
    }

    static Stream<Arguments> goodRecords() {
        return Stream.of(
                arguments(ClaimFormat.INSTANCE, record(ClaimFormat.INSTANCE)),
                arguments(ClaimFormat.INSTANCE, record(ClaimFormat.INSTANCE, "id", "C-2", "paidAmount", "$1,234.56", "drg", "470")),
                arguments(ClaimFormat.INSTANCE, record(ClaimFormat.INSTANCE, "id", "C-3", "paidAmount", "0", "frequency", "8",
                        "replacesClaimId", "C-1")),
                arguments(AttributionFormat.INSTANCE, record(AttributionFormat.INSTANCE, "riskScore", "20", "segment", "ESRD")),
                arguments(QualityEventFormat.INSTANCE, record(QualityEventFormat.INSTANCE, "period", "2024-Q2")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("goodRecords")
    void aGoodRecordIsAcceptedEveryWay(RecordType<?> type, Map<String, String> record) throws Exception {
        assertThat(settleReads(type, csv(type, record), "csv")).as("CSV").isEmpty();
        assertThat(settleReads(type, json(record), "ndjson")).as("NDJSON").isEmpty();
        TestApi.Reply r = api.postJson(BASE + "/" + endpoint(type), ADMIN, "[" + json(record) + "]");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    /** A resource of the FHIR fixture (src/test/resources/fhir/bundle.json) with {@code pointer} set to {@code value} (null removes it). */
    static String fhirResource(String id, String pointer, Object value) throws Exception {
        JsonNode bundle = Mappers.json().readTree(Files.readString(Path.of("src/test/resources/fhir/bundle.json")));
        for (JsonNode e : bundle.path("entry")) {
            JsonNode r = e.get("resource");
            if (r.path("id").asText().equals(id)) {
                if (pointer != null) {
                    var at = com.fasterxml.jackson.core.JsonPointer.compile(pointer);
                    var parent = (com.fasterxml.jackson.databind.node.ObjectNode) r.at(at.head());
                    String name = at.last().getMatchingProperty();
                    if (value == null) {
                        parent.remove(name);
                    } else {
                        parent.set(name, Mappers.json().valueToTree(value));
                    }
                }
                return r.toString();
            }
        }
        throw new IllegalArgumentException(id);
    }

    static Arguments fhir(String id, String pointer, Object value, String path, String message) {
        return arguments(id, pointer, value, path, message);
    }

    /** The messages are the claim, attribution and quality event rules' own, as the CSV cases above expect them. */
    static Stream<Arguments> badResources() {
        String eob = "eob-inp";
        return Stream.of(
                fhir(eob, "/billablePeriod/start", "2024-02-30", ".billablePeriod.start", "not a date (YYYY-MM-DD): 2024-02-30"),
                fhir(eob, "/billablePeriod/start", "2023-12-31", ".billablePeriod.start", "2023-12-31" + PERIOD),
                fhir(eob, "/billablePeriod/end", "2024-02-01", ".billablePeriod.end", "2024-02-01 is before serviceFrom 2024-02-05"),
                fhir(eob, "/payment/date", null, ".payment.date", "is required"),
                fhir(eob, "/payment/date", "2024-02-01", ".payment.date", "2024-02-01 is before serviceFrom 2024-02-05"),
                fhir(eob, "/total/0/amount/value", new java.math.BigDecimal("12.345"), ".total[0].amount.value", "has fractions of a cent: $12.345"),
                fhir(eob, "/total/0/amount/value", -5, ".total[0].amount.value", NEGATIVE + "-500 cents"),
                fhir(eob, "/total/0/amount/value", 10_000_000.01, ".total[0].amount.value", "exceeds the per-claim bound of 1000000000 cents, was 1000000001"),
                fhir(eob, "/total/0/amount/currency", "EUR", ".total[0].amount.currency", "must be USD, was EUR"),
                fhir(eob, "/patient", null, ".patient", "is required"),
                fhir(eob, "/identifier", null, ".identifier", "is required"),
                fhir(eob, "/type", Map.of("coding", List.of(Map.of("code", "oral"))), ".type",
                        "must be one of inpatient, outpatient, professional, snf, home-health, hospice, dme, pharmacy, was oral"),
                fhir(eob, "/supportingInfo/0/code", Map.of("coding", List.of(Map.of("code", "47"))), ".supportingInfo[0].code",
                        "not an MS-DRG (three digits): 47"),
                fhir("eob-prof-r1", "/related/0/claim", Map.of("identifier", Map.of("value", "C-101-R1")), ".related[0].claim",
                        "a claim cannot replace itself"),
                fhir("atr-1", "/member/1/period", Map.of("start", "2019-02-01", "end", "2019-02-28"), ".member[1].period.start", "2019-02" + PERIOD),
                fhir("atr-1", "/member/1/period", Map.of("end", "2024-02-28"), ".member[1].period.start", "is required"),
                fhir("atr-1", "/member/1/period", Map.of("start", "2024-13-01"), ".member[1].period.start", "not a month (YYYY-MM): 2024-13"),
                fhir("mr-1", "/measure", "http://example.org/Measure/NOPE", ".measure",
                        "'NOPE' is not a measure of contract harbor-ipa-hedis-p4p-2024 (BCS-E, CBP, COL-E, HBD-PC)"),
                fhir("mr-1", "/period", Map.of("start", "2023-01-01", "end", "2023-12-31"), ".period", "2023" + PERIOD),
                fhir("mr-1", "/period", Map.of("start", "2024-01-01", "end", "2024-06-30"), ".period",
                        "period must be YYYY, YYYY-Qn or YYYY-MM, was '2024-01-01/2024-06-30'"),
                fhir("mr-1", "/type", "summary", ".type", "must be individual (a DEQM individual MeasureReport: one member's populations), was summary"),
                fhir("mr-1", "/subject", null, ".subject", "is required"));
    }

    /**
     * FHIR: the same rules, each broken one named by the resource and the element its value came from; the
     * whole upload is refused (422, nothing stored), as a JSON batch is.
     */
    @ParameterizedTest(name = "{0} {3}: {4}")
    @MethodSource("badResources")
    void fhirNamesTheResourceTheElementAndTheSameMessage(String id, String pointer, Object value, String path, String message)
            throws Exception {
        String resource = fhirResource(id, pointer, value);
        String type = Mappers.json().readTree(resource).path("resourceType").asText();
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":" + fhirResource("pat-1", null, null)
                + "},{\"resource\":" + fhirResource("eob-prof", null, null) + "},{\"resource\":" + resource + "}]}";
        TestApi.Reply r = api.send("POST", BASE + "/fhir", ADMIN, "application/fhir+json", bundle);
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        List<String> got = new ArrayList<>();
        r.json().path("errors").forEach(e -> got.add(e.path("record").asText() + " " + e.path("field").asText() + ": " + e.path("message").asText()));
        assertThat(got).as("HTTP FHIR Bundle").containsExactly(type + "/" + id + " " + path + ": " + message);
        TestApi.Reply nd = api.send("POST", BASE + "/fhir", ADMIN, "application/fhir+ndjson", resource + "\n");
        assertThat(nd.status()).as(nd.toString()).isEqualTo(422);
        assertThat(nd.json().path("errors").get(0).path("message").asText()).as("HTTP FHIR NDJSON").isEqualTo(message);
    }

    @org.junit.jupiter.api.Test
    void aGoodFhirBundleIsAccepted() throws Exception {
        TestApi.Reply r = api.send("POST", BASE + "/fhir", ADMIN, "application/fhir+json",
                Files.readString(Path.of("src/test/resources/fhir/bundle.json")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("claims").path("accepted").asLong()).isEqualTo(5);
        assertThat(r.json().path("attribution").path("accepted").asLong()).isEqualTo(4);
        assertThat(r.json().path("qualityEvents").path("accepted").asLong()).isEqualTo(4);
    }

    static Stream<Arguments> badFacts() {
        return Stream.of(
                arguments("{\"qualityScore\": 1.5}", "qualityScore", "must be between 0 and 1, was 1.5"),
                arguments("{\"participantRevenue\": -100}", "participantRevenue", "must be 0 or more, was -$1.00"),
                arguments("{\"benchmarkOverride\": 0}", "benchmarkOverride", "must be above $0.00, was $0.00"),
                arguments("{\"benchmarkOverride\": \"$12.345\"}", "benchmarkOverride", "has fractions of a cent: $12.345"),
                arguments("{\"assignedBeneficiaries\": -1}", "assignedBeneficiaries", "must be 0 or more, was -1"),
                arguments("{\"lowRevenue\": \"sometimes\"}", "lowRevenue", "must be true or false, was sometimes"),
                arguments("{\"qualitySocre\": 0.9}", "qualitySocre", "unknown field (expected one of: assignedBeneficiaries, qualityScore, "
                        + "qualityStandardMet, alternativeStandardMet, participantRevenue, disasterShare, lowRevenue, "
                        + "compositeQualityScore, benchmarkOverride)"));
    }

    /** Reported facts: the YAML document {@code settle --reported} reads, and the API's PUT and settlement request. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badFacts")
    void reportedFactsAreRefusedTheSameWayByEveryIntake(String json, String field, String message) throws Exception {
        List<Violation> expected = List.of(new Violation(field, message));
        JsonNode yaml = Mappers.yaml().readTree(json.replace("{", "").replace("}", "").replace("\"", ""));
        assertThat(ReportedFactsFormat.read(yaml).violations()).as("YAML").isEqualTo(expected);
        TestApi.Reply put = api.send("PUT", BASE + "/reported-facts/2024", ADMIN, "application/json", json);
        assertThat(put.status()).as(put.toString()).isEqualTo(422);
        assertThat(violations(put.json().path("errors"))).as("PUT").isEqualTo(expected);
        TestApi.Reply settle = api.postJson(BASE + "/settlements", ADMIN, "{\"period\":\"2024\",\"kind\":\"final\",\"reported\":" + json + "}");
        assertThat(settle.status()).as(settle.toString()).isEqualTo(422);
        assertThat(violations(settle.json().path("errors"))).as("settlement request")
                .isEqualTo(List.of(new Violation("reported." + field, message)));
    }

    static String endpoint(RecordType<?> type) {
        return type == ClaimFormat.INSTANCE ? "claims" : type == AttributionFormat.INSTANCE ? "attribution" : "quality-events";
    }

    /** What {@code settle} reports for a one-record file: the same reader, checked against the contract. */
    private static List<Violation> settleReads(RecordType<?> type, String text, String ext) throws Exception {
        Path file = Files.createTempFile(dir, "records", "." + ext);
        Files.writeString(file, text);
        RecordReader.Loaded<?> loaded = RecordReader.readAll(file, type, RecordRules.forContract(HEDIS), 100);
        return loaded.errors().stream().map(e -> new Violation(e.field(), e.message())).toList();
    }

    private static String csv(RecordType<?> type, Map<String, String> record) {
        List<String> row = new ArrayList<>();
        for (String f : type.fields()) {
            String v = record.getOrDefault(f, "");
            row.add(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return String.join(",", type.fields()) + "\n" + String.join(",", row) + "\n";
    }

    private static boolean hasLoneSurrogate(Map<String, String> record) {
        return record.values().stream().anyMatch(v -> v.chars().anyMatch(ch -> Character.isSurrogate((char) ch)));
    }

    /**
     * The record as a client would send it: numbers and true/false as JSON numbers and booleans, every
     * character outside ASCII as a {@code \\u} escape (the only way JSON text carries a lone surrogate).
     */
    private static String json(Map<String, String> record) throws Exception {
        var n = Mappers.json().createObjectNode();
        record.forEach((k, v) -> {
            if (v.matches("-?\\d+(\\.\\d+)?")) {
                n.put(k, new java.math.BigDecimal(v));
            } else if (v.equals("true") || v.equals("false")) {
                n.put(k, Boolean.parseBoolean(v));
            } else {
                n.put(k, v);
            }
        });
        return Mappers.json().writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(n);
    }

    private static List<Violation> violations(JsonNode errors) {
        List<Violation> out = new ArrayList<>();
        errors.forEach(e -> out.add(new Violation(e.path("field").asText(), e.path("message").asText())));
        return out;
    }
}
