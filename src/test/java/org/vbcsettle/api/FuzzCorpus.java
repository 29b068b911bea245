package org.vbcsettle.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vbcsettle.contract.Mappers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The fuzz corpus of {@link ApiFuzzTest}: case {@code i} of seed {@code s} is a pure function of (s, i), so a
 * run is replayed by its seed and one case by its index. Cases are valid requests of every endpoint mutated
 * one step at a time: a field of a record (removed, null, wrong type, huge or negative numbers, bad dates and
 * periods, lone surrogates, control characters, over-long strings), the whole body (truncated, nested deep,
 * invalid UTF-8, wrong top level, wrong content type), the path, the query, the method and the token; and a
 * few raw-socket exchanges that are not HTTP at all.
 *
 * <p>Baseline contracts are only read, or written with a token that may not write, or with a body that no rule
 * accepts or that resends their own records: nothing a case sends may change them ({@link Case#mustRefuse()}
 * marks the cases that must be a 4xx). Fuzz targets take anything.
 */
final class FuzzCorpus {

    /** One request; {@code raw} set: bytes for a raw socket instead. {@code authorization} is the whole header value. */
    record Case(int index, String what, String method, String path, String authorization, String contentType, byte[] body,
                boolean mustRefuse, boolean record, byte[] raw, String accept) {
        Case(int index, String what, String method, String path, String authorization, String contentType, byte[] body,
             boolean mustRefuse, boolean record, byte[] raw) {
            this(index, what, method, path, authorization, contentType, body, mustRefuse, record, raw, null);
        }

        @Override
        public String toString() {
            String b = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            String r = raw == null ? "" : new String(raw, 0, Math.min(raw.length, 300), StandardCharsets.ISO_8859_1);
            return "#" + index + " " + what + ": " + (raw != null ? "raw " + r.replace("\r", "\\r").replace("\n", "\\n")
                    : method + " " + path + " [" + contentType + "] " + b);
        }
    }

    /** A contract of the run: its id, document (JSON), payer and provider, and whether it is a baseline. */
    record Target(String id, ObjectNode doc, String payer, String provider, boolean baseline) {
    }

    /** Records a baseline holds: resending them is a duplicate. */
    record Records(List<ObjectNode> claims, List<ObjectNode> attribution, List<ObjectNode> quality) {
    }

    /**
     * Valid inputs of the endpoints added with FHIR, X12 and the web app: FHIR R4 resources (ExplanationOfBenefit,
     * Group, MeasureReport, Patient, Organization) and an 835 the node wrote for the fuzz targets' disbursed payouts.
     */
    record Formats(List<ObjectNode> fhir, String edi835) {
    }

    /** Share (percent) of the cases that go to the FHIR, 835, CSV payout file and web app endpoints. */
    static final int NEW_ENDPOINTS_PERCENT = 13;
    /** The first word of those cases' {@link Case#what()}. */
    static final java.util.Set<String> NEW_ENDPOINT_CASES = java.util.Set.of("fhir", "vbpr", "835", "csv", "remittance", "web");
    static final List<String> FHIR_TYPES = List.of("application/fhir+json", "application/json", "application/fhir+json; fhirVersion=4.0",
            "application/fhir+ndjson", "application/x-ndjson", "application/ndjson", "text/plain", "application/xml", "application/edi-x12");

    static final Map<String, List<String>> FIELDS = Map.of(
            "claims", List.of("id", "memberId", "type", "serviceFrom", "serviceThrough", "paidDate", "paidAmount", "allowedAmount",
                    "drg", "hcpcs", "diagnoses", "billingProvider", "frequency", "replacesClaimId"),
            "attribution", List.of("id", "memberId", "month", "riskScore", "segment", "replacesId", "active"),
            "quality-events", List.of("id", "memberId", "measureId", "period", "kind"));
    static final Map<String, List<String>> REQUIRED = Map.of(
            "claims", List.of("id", "memberId", "type", "serviceFrom", "paidDate", "paidAmount"),
            "attribution", List.of("id", "memberId", "month"),
            "quality-events", List.of("id", "memberId", "measureId", "period", "kind"));

    /** JSON literals put in place of a value. The first {@link #BREAKING} make any required field invalid. */
    static final List<String> VALUES = List.of(
            "null", "\"\"", "{}", "\"\\ud800\"", "\"a\\udc00b\"", "\"M\\u0000X\"", "\"x\\u001b[31m\"", "\"\\u0007\"",
            // not always invalid from here on
            "\" \"", "true", "0", "-1", "-100", "1.5", "1e30", "1e400", "-1e400", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "1000000001", "\"NaN\"", "\"Infinity\"", "[]", "[[[[]]]]", "[\"a\",1,null]", "{\"a\":{\"b\":[1]}}",
            "\"😀\"", "\"\\ud83d\\ude00\"", "\"\\u202eevil\"", "\"\\ufeffBOM\"", "\"2024-13-01\"", "\"2024-02-30\"", "\"2024-00-10\"",
            "\"0000-01-01\"", "\"+999999999-12-31\"", "\"2024-1-1\"", "\"2024-13\"", "\"2024-00\"", "\"2024-Q5\"", "\"2024-Q0\"",
            "\"2024-W01\"", "\"99999\"", "\"2024\"", "\"2023\"", "\"2024-Q2\"", "\"2024-06\"", "\"1e400\"", "\"0x10\"", "\"-0\"",
            "\"$1,000.00\"", "\"$-5.00\"", "\"12.345\"", "\"<script>alert(1)</script>\"", "\"'; DROP TABLE event_journal; --\"",
            "\"../../etc/passwd\"", "\"%00\"", "\"7\"", "\"8\"", "7", "8", "\"inpatient\"", "\"INPATIENT\"", "\"numerator\"",
            "\"exclusion\"", "\"C-1001\"", "\"M-0003\"", "\"CBP\"", "\"470\"");
    static final int BREAKING = 8;
    /** Whole bodies that are not what any endpoint takes. */
    static final List<String> BODIES = List.of("", " ", "null", "42", "\"text\"", "true", "{", "[", "]", "{}", "[]", "[{}]", "[null]",
            "[1,2,3]", "{\"a\":1,\"a\":2}", "[{\"id\":\"x\",\"id\":\"y\"}]", "{\"period\":\"2024-Q1\",\"period\":\"2024-13\"}",
            "\u0000", "NaN", "[1e400]", "{'single':'quotes'}", "/* comment */ []", "[1,]", "{\"a\":1,}");
    static final List<String> CONTENT_TYPES = List.of("application/json", "application/x-ndjson", "text/csv", "text/plain",
            "application/xml", "application/yaml", "application/json; charset=utf-16", "application/problem+json",
            "multipart/form-data; boundary=x", "application/octet-stream", "*/*", "application/json; charset=\"\\ud800\"");
    static final List<String> PERIODS = List.of("2024", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2024-01", "2024-06", "2024-12",
            "2023", "2025-Q1", "2024-13", "2024-00", "2024-Q5", "2024-Q0", "2024-W01", "99999", "-1", "", "%20", "2024-1",
            "2024-Q1%00", "%ED%A0%80", "%F0%9F%98%80", "x".repeat(300), "2024%2DQ1", "2024-q1", "+2024", "0000", "9999-12");
    static final List<String> BAD_IDS = List.of("unknown-contract", "%00", "%ED%A0%80", "a%0Ab", "%F0%9F%98%80", "..", ".",
            "x".repeat(400), "%2F", "a%20b", "%C0%AF", "UPPER-" + "Case", "summit-ma-primary-care-2024%00");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private final long seed;
    private final List<Target> targets;
    private final Records records;
    private final Map<String, String> tokens;
    private final List<String> payoutKeys;
    private final Formats formats;

    /**
     * @param tokens by name: admin, expired, wrong-secret, wrong-issuer, actuary, and for each party
     *               {@code payer:<party>} / {@code provider:<party>}; plus payer:evil, provider:evil
     */
    FuzzCorpus(long seed, List<Target> targets, Records records, Map<String, String> tokens, List<String> payoutKeys, Formats formats) {
        this.formats = formats;
        this.seed = seed;
        this.targets = targets;
        this.records = records;
        this.tokens = tokens;
        this.payoutKeys = payoutKeys;
    }

    /** Case {@code i}: its own random stream, whatever else runs. */
    Case generate(int i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        // drawn apart, so that the cases of the older endpoints stay what they were at the same index
        if (new SplittableRandom(~(seed * 0xC2B2AE3D27D4EB4FL + i)).nextInt(100) < NEW_ENDPOINTS_PERCENT) {
            return new Gen(i, r).formats();
        }
        return new Gen(i, r).next();
    }

    private final class Gen {
        final int i;
        final SplittableRandom r;

        Gen(int i, SplittableRandom r) {
            this.i = i;
            this.r = r;
        }

        <T> T pick(List<T> l) {
            return l.get(r.nextInt(l.size()));
        }

        boolean chance(int percent) {
            return r.nextInt(100) < percent;
        }

        Case next() {
            int k = r.nextInt(100);
            if (k < 3) {
                return raw();
            }
            Target t = pick(targets);
            if (k < 6) {
                return open();
            }
            if (k < 26) {
                return batch(t, pick(List.of("claims", "attribution", "quality-events")));
            }
            if (k < 31) {
                return ndjson(t);
            }
            if (k < 43) {
                return read(t);
            }
            if (k < 53) {
                return settle(t);
            }
            if (k < 60) {
                return facts(t);
            }
            if (k < 68) {
                return payoutStatus(t);
            }
            if (k < 78) {
                return contractDoc(t);
            }
            if (k < 88) {
                return badPath(t);
            }
            return wrongMethodOrBody(t);
        }

        // ------------------------------------------------------------ FHIR, X12 835, CSV payout file, web app

        Case formats() {
            int k = r.nextInt(100);
            Target t = pick(targets);
            if (k < 38) {
                return fhir(t);
            }
            if (k < 50) {
                return measureReport(t);
            }
            if (k < 62) {
                return payouts835(t);
            }
            if (k < 70) {
                return payoutsCsv(t);
            }
            if (k < 90) {
                return remittance(t);
            }
            return webApp(t);
        }

        /** One FHIR resource with one node mutated (set to a value of {@link #VALUES} or removed), or as it is. */
        String mutateResource(ObjectNode res, StringBuilder what) {
            String type = res.path("resourceType").asText();
            what.append(' ').append(type);
            if (chance(25)) {
                return res.toString();
            }
            String marker = "@@fuzz-" + i + "@@";
            if (chance(8)) {
                String v = pick(List.of("\"Bogus\"", "\"Bundle\"", "null", "1", "\"\"", "\"explanationofbenefit\"", "\"Patient\"", "\"OperationOutcome\""));
                res.put("resourceType", marker);
                what.append(" resourceType = ").append(v);
                return res.toString().replace("\"" + marker + "\"", v);
            }
            List<JsonNode> parents = new ArrayList<>();
            collect(res, parents);
            JsonNode parent = pick(parents);
            String v = chance(3) ? "\"" + "x".repeat(r.nextInt(1, 100_000)) + "\"" : pick(VALUES);
            if (parent instanceof ObjectNode o && o.size() > 0) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                String name = chance(92) ? pick(names) : pick(List.of("unknownElement", "_value", "extension", "modifierExtension", ""));
                if (chance(15)) {
                    o.remove(name);
                    what.append(" .").append(name).append(" removed");
                    return res.toString();
                }
                o.put(name, marker);
                what.append(" .").append(name).append(" = ").append(abbreviate(v));
            } else if (parent instanceof ArrayNode a && a.size() > 0) {
                int at = r.nextInt(a.size());
                if (chance(20)) {
                    a.remove(at);
                    what.append(" [").append(at).append("] removed");
                    return res.toString();
                }
                a.set(at, Mappers.json().getNodeFactory().textNode(marker));
                what.append(" [").append(at).append("] = ").append(abbreviate(v));
            }
            return res.toString().replace("\"" + marker + "\"", v);
        }

        /**
         * {@code POST /v1/contracts/{id}/fhir}: a Bundle or NDJSON of resources, one of them mutated. To a baseline
         * either from a token that may not write, or with an entry no rule takes (the upload is all or nothing).
         */
        Case fhir(Target t) {
            boolean guard = t.baseline();
            boolean writes = !guard || chance(50);
            boolean ndjson = chance(50);
            int n = chance(3) ? r.nextInt(200, 800) : r.nextInt(1, 8);
            List<String> items = new ArrayList<>();
            StringBuilder what = new StringBuilder("fhir " + (ndjson ? "ndjson" : "bundle") + " of " + n + ":");
            int bad = r.nextInt(n);
            for (int j = 0; j < n; j++) {
                ObjectNode res = pick(formats.fhir()).deepCopy();
                if (!res.path("resourceType").asText().equals("Group") || n < 10) {
                    items.add(j == bad || chance(10) ? mutateResource(res, what) : res.toString());
                }
            }
            List<String> entries = new ArrayList<>();
            for (String item : items) {
                entries.add(ndjson ? item : "{\"fullUrl\":\"urn:uuid:" + i + "-" + entries.size() + "\",\"resource\":" + item + "}");
            }
            if (guard && writes) {
                // a framing problem (a line that is no JSON object; an entry with no resource object): the whole
                // upload is refused whatever the other resources hold
                entries.add(r.nextInt(entries.size() + 1), ndjson ? pick(List.of("[]", "42", "\"text\"", "{", "null", "[{}]"))
                        : pick(List.of("{\"fullUrl\":\"urn:x\"}", "{}", "null", "[]", "{\"resource\":null}", "{\"resource\":[]}", "{\"resource\":42}")));
                what.append(", with a broken entry");
            }
            String body;
            if (ndjson) {
                body = String.join(chance(5) ? "\r\n" : "\n", entries) + (chance(50) ? "\n" : "");
            } else {
                body = "{\"resourceType\":\"Bundle\",\"type\":" + pick(List.of("\"collection\"", "\"collection\"", "\"batch\"", "\"searchset\"", "1"))
                        + ",\"entry\":[" + String.join(",", entries) + "]}";
            }
            if (!guard && chance(10)) {
                body = wholeBody(body);
                what.append(", body mangled");
            }
            String ct = ndjson ? pick(List.of("application/fhir+ndjson", "application/fhir+ndjson", "application/x-ndjson", "application/ndjson"))
                    : pick(List.of("application/fhir+json", "application/fhir+json", "application/json"));
            if (chance(6)) {
                ct = pick(FHIR_TYPES);
                what.append(", as ").append(ct);
            }
            if (guard && writes) {
                ct = ndjson ? "application/fhir+ndjson" : "application/fhir+json"; // the framing the broken entry breaks
            }
            byte[] bytes = bytes(body);
            if (!guard && chance(3)) {
                bytes = invalidUtf8(bytes);
                what.append(", invalid UTF-8");
            }
            return new Case(i, what.toString(), chance(97) ? "POST" : pick(List.of("PUT", "GET", "DELETE")),
                    "/v1/contracts/" + t.id() + "/fhir" + (chance(3) ? pick(List.of("/", "?_format=json", "/Bundle")) : ""),
                    writes ? writer(t) : nonWriter(t), ct, bytes, guard && writes, true, null);
        }

        /** {@code GET /v1/contracts/{id}/fhir/MeasureReport?period=}: a read. */
        Case measureReport(Target t) {
            String id = chance(90) ? t.id() : pick(BAD_IDS);
            String path = "/v1/contracts/" + id + "/fhir/" + pick(List.of("MeasureReport", "MeasureReport", "MeasureReport", "MeasureReport/",
                    "measurereport", "MeasureReport/1", "Bundle")) + query("period", PERIODS);
            return new Case(i, "vbpr MeasureReport " + abbreviate(path), chance(95) ? "GET" : pick(List.of("HEAD", "POST", "DELETE")), path,
                    chance(85) ? reader(t) : anyAuth(t), null, null, false, false, null);
        }

        /** {@code GET /v1/payouts.835?status=}: a read (the payouts the caller may see). */
        Case payouts835(Target t) {
            String path = pick(List.of("/v1/payouts.835", "/v1/payouts.835", "/v1/payouts.835", "/v1/payouts.835/", "/v1/payouts.836",
                    "/v1/payouts.835.835")) + query("status", List.of("approved", "disbursed", "APPROVED", "Disbursed", "triggered",
                    "acknowledged", "nothing_due", "", "%00", "%ED%A0%80", "x".repeat(300), "approved%20"));
            return new Case(i, "835 " + abbreviate(path), chance(95) ? "GET" : pick(List.of("HEAD", "POST", "PUT")), path,
                    chance(80) ? reader(t) : anyAuth(t), null, null, false, false, null);
        }

        /** {@code GET /v1/payouts} asking for CSV: a read. */
        Case payoutsCsv(Target t) {
            String accept = pick(List.of("text/csv", "text/csv", "TEXT/CSV", "text/csv; charset=utf-8", "application/json, text/csv;q=0.5",
                    "text/csv;q=0", "*/*", "text/csvx", "text/\u00e9", ""));
            String path = "/v1/payouts" + query("status", List.of("triggered", "approved", "disbursed", "acknowledged", "nothing_due",
                    "bogus", "", "%00", "%ED%A0%80"));
            return new Case(i, "csv payouts, Accept " + accept, "GET", path, chance(80) ? reader(t) : anyAuth(t), null, null,
                    false, false, null, accept);
        }

        /** One mutation of an 835: a segment or element changed, removed, doubled, the delimiters broken. */
        String mutate835(String edi, StringBuilder what) {
            String[] segments = edi.split("~", -1);
            int k = r.nextInt(10);
            int at = r.nextInt(Math.max(1, segments.length - 1));
            String[] elements = segments[at].split("\\*", -1);
            String value = pick(List.of("", "0", "-1", "99999999999999999999", "1.005", "-0.01", "ABC", "\u0000", "\ud83d\ude00", "*",
                    "~", ":", "^", "x".repeat(r.nextInt(1, 5_000)), "20241301", "20240230", "1e400", "NaN", "00000000", "UNKNOWN|settlement.final|2024"));
            switch (k) {
                case 0, 1, 2, 3 -> {
                    int e = r.nextInt(elements.length);
                    elements[e] = value;
                    segments[at] = String.join("*", elements);
                    what.append(" segment ").append(at).append(" element ").append(e).append(" = ").append(abbreviate(value));
                }
                case 4 -> {
                    segments[at] = "";
                    what.append(" segment ").append(at).append(" removed");
                }
                case 5 -> {
                    segments[at] = segments[at] + "~" + segments[at];
                    what.append(" segment ").append(at).append(" doubled");
                }
                case 6 -> {
                    what.append(" truncated");
                    return edi.substring(0, r.nextInt(Math.max(1, edi.length())));
                }
                case 7 -> {
                    String[] elements2 = segments[at].split("\\*", -1);
                    segments[at] = String.join("*", java.util.Arrays.copyOf(elements2, Math.max(1, elements2.length - 1)));
                    what.append(" segment ").append(at).append(" short one element");
                }
                case 8 -> {
                    what.append(" delimiters changed");
                    return edi.replace("~", pick(List.of("\n", "~\n", "|", "", "~~")));
                }
                default -> {
                    what.append(" segment ").append(at).append(" replaced by ").append(abbreviate(value));
                    segments[at] = value;
                }
            }
            return String.join("~", segments);
        }

        /**
         * {@code POST /v1/contracts/{id}/remittances[?acknowledge=]}: the node's own 835 for the fuzz targets, as
         * it is or mutated. With acknowledge (which moves a matched disbursed payout) on a baseline: only from a
         * token that may not acknowledge, or with an 835 that cannot be read.
         */
        Case remittance(Target t) {
            String ack = chance(40) ? null : pick(List.of("true", "true", "TRUE", "True", "false", "yes", "1", "", "%00", "true&acknowledge=false"));
            boolean acknowledges = ack != null && Boolean.parseBoolean(ack.contains("&") ? "true" : ack);
            boolean guard = t.baseline() && acknowledges;
            StringBuilder what = new StringBuilder("remittance" + (ack == null ? "" : " acknowledge=" + ack) + ":");
            String edi = formats.edi835();
            boolean invalid = guard && chance(50);
            if (invalid) {
                // an interchange that cannot be read: its trailer's control number differs, or it is cut off
                edi = chance(50) ? edi.replaceFirst("IEA\\*(\\d+)\\*(\\d+)", "IEA*$1*000000000") : edi.substring(0, Math.max(0, edi.indexOf("ST*")));
                what.append(" broken interchange");
            } else if (chance(75)) {
                edi = mutate835(edi, what);
                if (chance(15)) {
                    edi = mutate835(edi, what);
                }
            } else {
                what.append(" as the node wrote it");
            }
            String auth;
            if (guard && !invalid) {
                do {
                    auth = nonWriter(t);
                } while (auth != null && auth.equals(auth("provider:" + t.provider())));
            } else {
                auth = chance(70) ? pick(List.of(auth("admin"), auth("provider:" + t.provider()), auth("payer:" + t.payer()), auth("actuary")))
                        : anyAuth(t);
            }
            byte[] bytes = bytes(edi);
            if (!guard && chance(3)) {
                bytes = invalidUtf8(bytes);
                what.append(", invalid UTF-8");
            }
            String ct = chance(90) ? "application/edi-x12" : pick(List.of("text/plain", "application/octet-stream", "application/json", "application/edi-x12; charset=utf-16"));
            return new Case(i, what.toString(), chance(97) ? "POST" : pick(List.of("GET", "PUT")),
                    "/v1/contracts/" + t.id() + "/remittances" + (ack == null ? "" : "?acknowledge=" + ack), auth, ct, bytes, guard, false, null);
        }

        /** The web app's paths: its files, and names that must not reach anything else of the class path. */
        Case webApp(Target t) {
            String path = pick(List.of("/", "/app", "/app/", "/app/index.html", "/app/app.js", "/app/api.js", "/app/views.js", "/app/app.css",
                    "/app/../application.conf", "/app/%2e%2e/application.conf", "/app/%2E%2E%2Fapplication.conf", "/app/..%2fapplication.conf",
                    "/app/application.conf", "/app/logback.xml", "/app/../../etc/passwd", "/app/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                    "/app/webapp/index.html", "/app//index.html", "/app/index.html/", "/app/INDEX.HTML", "/app/index.html%00",
                    "/app/index.html%00.js", "/app/%00", "/app/%ED%A0%80", "/app/org/vbcsettle/cli/Main.class", "/app/..%5capplication.conf",
                    "/app/.%2e/application.conf", "/app/%252e%252e/application.conf", "/app/" + "a".repeat(r.nextInt(200, 5_000)),
                    "/app/" + "../".repeat(r.nextInt(1, 50)) + "application.conf", "/app/x/../index.html", "/app/?x=1", "/app/app.js?v=%00",
                    "/app/index.html;jsessionid=1", "/app/chart.js#x", "/app/%F0%9F%98%80.js", "/application.conf", "/webapp/index.html"));
            String method = chance(85) ? "GET" : pick(List.of("HEAD", "POST", "PUT", "DELETE", "OPTIONS"));
            return new Case(i, "web app " + abbreviate(path), method, path, chance(70) ? null : anyAuth(t), null, null, false, false, null);
        }

        // ------------------------------------------------------------ tokens

        String auth(String name) {
            return "Bearer " + tokens.get(name);
        }

        /** Any token at all, or none, or not a bearer token. */
        String anyAuth(Target t) {
            int k = r.nextInt(16);
            return switch (k) {
                case 0 -> null;
                case 1 -> "Basic YWRtaW46YWRtaW4=";
                case 2 -> "Bearer ";
                case 3 -> "Bearer abc.def.ghi";
                case 4 -> auth("expired");
                case 5 -> auth("wrong-secret");
                case 6 -> auth("wrong-issuer");
                case 7 -> auth("actuary");
                case 8 -> auth("payer:evil");
                case 9 -> auth("provider:evil");
                case 10 -> auth("provider:" + t.provider());
                case 11 -> "bearer " + tokens.get("admin");
                case 12 -> "Bearer " + tokens.get("admin") + "x";
                case 13 -> auth("admin");
                default -> auth("payer:" + t.payer());
            };
        }

        /** A token that may write to {@code t}. */
        String writer(Target t) {
            return chance(50) ? auth("admin") : auth("payer:" + t.payer());
        }

        /** A token that may not write to {@code t} (for the baselines), or any token for a fuzz target. */
        String nonWriter(Target t) {
            String a;
            do {
                a = anyAuth(t);
            } while (a != null && (a.equals(auth("admin")) || a.equals(auth("payer:" + t.payer())) || a.equals("bearer " + tokens.get("admin"))));
            return a;
        }

        String reader(Target t) {
            return pick(List.of(auth("admin"), auth("payer:" + t.payer()), auth("provider:" + t.provider()), auth("actuary")));
        }

        // ------------------------------------------------------------ bodies

        ObjectNode exampleRecord(String kind) {
            List<ObjectNode> l = switch (kind) {
                case "claims" -> records.claims();
                case "attribution" -> records.attribution();
                default -> records.quality();
            };
            return pick(l).deepCopy();
        }

        /** A record with one field mutated (text), and whether no rule can accept it. */
        record Mutated(String text, boolean breaking, String what) {
        }

        Mutated mutateRecord(String kind, ObjectNode rec, boolean mustBreak) {
            List<String> fields = FIELDS.get(kind);
            String field = mustBreak ? pick(REQUIRED.get(kind)) : chance(90) ? pick(fields) : pick(List.of("unknown", "", "\\ud800", "ID", "id "));
            boolean required = REQUIRED.get(kind).contains(field);
            if (chance(mustBreak ? 20 : 15)) {
                rec.remove(field);
                return new Mutated(rec.toString(), required, kind + "." + field + " removed");
            }
            int v = mustBreak ? r.nextInt(BREAKING) : r.nextInt(VALUES.size());
            String value = VALUES.get(v);
            if (!mustBreak && chance(3)) {
                value = "\"" + "x".repeat(r.nextInt(1, 200_000)) + "\"";
            }
            String marker = "@@fuzz-" + i + "@@";
            rec.put(field.contains("\\") ? "\ud800".substring(0, 0) + "bad" : field, marker);
            String text = rec.toString().replace("\"" + marker + "\"", value);
            if (field.contains("\\")) {
                text = text.replace("\"bad\":", "\"" + field + "\":");
            }
            return new Mutated(text, required && v < BREAKING, kind + "." + field + " = " + abbreviate(value));
        }

        /** A JSON array batch; on a baseline either refused (a breaking record among its own) or sent by a non-writer. */
        Case batch(Target t, String kind) {
            int n = chance(2) ? r.nextInt(500, 2_000) : r.nextInt(1, 6);
            boolean guard = t.baseline();
            boolean writes = !guard || chance(50);
            List<String> items = new ArrayList<>();
            boolean broken = false;
            String what = kind + " batch of " + n;
            int bad = r.nextInt(n);
            for (int j = 0; j < n; j++) {
                ObjectNode rec = exampleRecord(kind);
                if (j == bad && (chance(90) || guard && writes)) {
                    Mutated m = mutateRecord(kind, rec, guard && writes);
                    items.add(m.text());
                    broken |= m.breaking();
                    what += ", " + m.what();
                } else {
                    if (!guard && chance(30)) {
                        rec.put("id", rec.path("id").asText() + "-fz" + r.nextInt(1000)); // new, valid records for a target
                    }
                    items.add(rec.toString());
                }
            }
            String body = "[" + String.join(",", items) + "]";
            String auth = writes ? writer(t) : nonWriter(t);
            String ct = "application/json";
            if (!guard && chance(10)) {
                body = wholeBody(body);
                what += ", body mangled";
            }
            if (!guard && chance(5)) {
                ct = pick(CONTENT_TYPES);
            }
            return new Case(i, what, "POST", "/v1/contracts/" + t.id() + "/" + kind, auth, ct, bytes(body),
                    guard && writes, true, null);
        }

        /** Claims as NDJSON: on a baseline every line is a duplicate or broken, so the ledger takes nothing new. */
        Case ndjson(Target t) {
            int n = r.nextInt(1, 40);
            StringBuilder b = new StringBuilder();
            String what = "ndjson of " + n;
            for (int j = 0; j < n; j++) {
                ObjectNode rec = exampleRecord("claims");
                int k = r.nextInt(10);
                if (k < 4) {
                    Mutated m = mutateRecord("claims", rec, t.baseline());
                    b.append(m.text());
                } else if (k == 4) {
                    b.append(pick(BODIES));
                } else if (k == 5 && !t.baseline()) {
                    b.append(rec.toString(), 0, r.nextInt(1, rec.toString().length()));
                } else if (k == 6) {
                    b.append("   ");
                } else {
                    if (!t.baseline() && chance(50)) {
                        rec.put("id", rec.path("id").asText() + "-nd" + r.nextInt(1000));
                    }
                    b.append(rec);
                }
                b.append(chance(5) ? "\r\n" : "\n");
            }
            if (chance(3)) {
                b.append("x".repeat(70 * 1024)); // a line over the NDJSON line limit
                what += ", over-long line";
            }
            return new Case(i, what, "POST", "/v1/contracts/" + t.id() + "/claims", chance(80) ? writer(t) : anyAuth(t),
                    "application/x-ndjson", bytes(b.toString()), false, false, null);
        }

        /** A mangled whole body (only for the fuzz targets: a truncated NDJSON stream could still hold valid lines). */
        String wholeBody(String body) {
            return switch (r.nextInt(7)) {
                case 0 -> body.substring(0, r.nextInt(Math.max(1, body.length())));
                case 1 -> "[".repeat(r.nextInt(500, 20_000)) + "]".repeat(r.nextInt(0, 20_000));
                case 2 -> "{\"a\":".repeat(r.nextInt(500, 5_000)) + "1" + "}".repeat(r.nextInt(0, 5_000));
                case 3 -> "\ufeff" + body;
                case 4 -> body.replaceFirst("\\{", "{\"id\":\"dup\",");
                case 5 -> pick(BODIES);
                default -> body + pick(List.of(" ", "x", "]", ",", "\u0000", "[]"));
            };
        }

        Case read(Target t) {
            String base = "/v1/contracts/" + t.id();
            String path = switch (r.nextInt(8)) {
                case 0 -> base;
                case 1, 2 -> base + "/totals" + (chance(60) ? "?period=" + pick(PERIODS) : "");
                case 3 -> base + "/settlements" + query("period", PERIODS) + (chance(30) ? "&kind=" + pick(List.of("interim", "final", "FINAL", "x")) : "");
                case 4 -> base + "/payouts" + query("status", List.of("triggered", "approved", "TRIGGERED", "x", "", "nothing_due", "%00"));
                case 5 -> base + "/reported-facts/" + pick(PERIODS);
                case 6 -> "/v1/payouts" + query("status", List.of("triggered", "approved", "disbursed", "acknowledged", "bogus"));
                default -> "/v1/contracts" + (chance(20) ? "?x=1" : "");
            };
            if (path.endsWith("/reported-facts/")) {
                path += "2024";
            }
            return new Case(i, "read", "GET", path, chance(85) ? reader(t) : anyAuth(t), null, null, false, false, null);
        }

        String query(String name, List<String> values) {
            if (!chance(60)) {
                return "?";
            }
            String q = "?" + name + "=" + pick(values);
            if (chance(10)) {
                q += "&" + name + "=" + pick(values);
            }
            if (chance(10)) {
                q += "&unknown=" + pick(values);
            }
            return q;
        }

        Case settle(Target t) {
            ObjectNode body = Mappers.json().createObjectNode();
            String marker = "@@fuzz-" + i + "@@";
            List<String> fields = new ArrayList<>(List.of("period", "kind", "asOf", "reported"));
            body.put("period", pick(List.of("2024-Q1", "2024-Q2", "2024-Q3", "2024")));
            body.put("kind", chance(97) ? "interim" : "final");
            if (chance(50)) {
                body.put("asOf", pick(List.of("2024-10-01", "2025-04-01", "2024-04-15")));
            }
            if (chance(20)) {
                body.set("reported", Mappers.json().createObjectNode().put("qualityScore", 0.9));
            }
            boolean guard = t.baseline();
            boolean writes = !guard || chance(50);
            String what = "settlement";
            String text;
            if (guard && writes) {
                String f = pick(List.of("period", "kind", "asOf"));
                String v = pick(List.of("\"2024-13\"", "\"2024-00\"", "\"2024-Q5\"", "\"\\ud800\"", "{}", "\"\"", "\"2024-13-01\"", "\"2023-01-01\""));
                if (f.equals("asOf") && v.equals("{}")) {
                    v = "\"2024-13-01\"";
                }
                body.put(f, marker);
                text = body.toString().replace("\"" + marker + "\"", v);
                what += " " + f + " = " + v;
            } else {
                String f = chance(90) ? pick(fields) : pick(List.of("extra", "reported.qualityScore"));
                if (chance(80)) {
                    if (f.equals("reported.qualityScore")) {
                        ObjectNode rep = Mappers.json().createObjectNode().put("qualityScore", marker);
                        body.set("reported", rep);
                    } else {
                        body.put(f, marker);
                    }
                    String v = pick(VALUES);
                    text = body.toString().replace("\"" + marker + "\"", v);
                    what += " " + f + " = " + abbreviate(v);
                } else {
                    body.remove(f);
                    text = body.toString();
                    what += " without " + f;
                }
                if (chance(8)) {
                    text = wholeBody(text);
                    what += ", body mangled";
                }
            }
            return new Case(i, what, "POST", "/v1/contracts/" + t.id() + "/settlements", writes ? writer(t) : nonWriter(t),
                    chance(97) ? "application/json" : pick(CONTENT_TYPES), bytes(text), guard && writes, true, null);
        }

        Case facts(Target t) {
            boolean guard = t.baseline();
            boolean writes = !guard || chance(50);
            String period = guard && writes ? pick(List.of("2024-13", "2024-00", "2024-Q5", "%ED%A0%80")) : pick(PERIODS);
            String marker = "@@fuzz-" + i + "@@";
            ObjectNode body = Mappers.json().createObjectNode();
            body.put("qualityScore", 0.8);
            String f = pick(List.of("qualityScore", "compositeQualityScore", "participantRevenue", "standardsMet", "disasterShare", "unknown"));
            body.put(f, marker);
            String v = pick(VALUES);
            String text = body.toString().replace("\"" + marker + "\"", v);
            if (!guard && chance(8)) {
                text = wholeBody(text);
            }
            if (period.isEmpty()) {
                period = "2024";
            }
            return new Case(i, "reported facts " + period + " " + f + " = " + abbreviate(v), chance(85) ? "PUT" : "GET",
                    "/v1/contracts/" + t.id() + "/reported-facts/" + period, writes ? writer(t) : nonWriter(t),
                    "application/json", bytes(text), guard && writes, true, null);
        }

        Case payoutStatus(Target t) {
            String key = payoutKeys.isEmpty() || chance(30) ? pick(List.of("nope", "%00", "x".repeat(300), "%ED%A0%80", "a%2Fb"))
                    : java.net.URLEncoder.encode(pick(payoutKeys), StandardCharsets.UTF_8).replace("+", "%20");
            String status = pick(List.of("\"approved\"", "\"disbursed\"", "\"acknowledged\"", "\"triggered\"", "\"APPROVED\"", "null",
                    "1", "\"\\ud800\"", "{}", "\"nothing_due\""));
            String body = chance(85) ? "{\"status\":" + status + "}" : pick(BODIES);
            // a baseline's payouts never move: every token sent to them may not move them, or the status is no target
            String auth = t.baseline() ? nonWriter(t) : anyAuth(t);
            if (t.baseline() && auth != null && auth.equals(auth("provider:" + t.provider())) && body.contains("acknowledged")) {
                auth = auth("provider:evil");
            }
            return new Case(i, "payout " + abbreviate(key) + " status " + body, "POST",
                    "/v1/contracts/" + t.id() + "/payouts/" + key + "/status", auth, "application/json", bytes(body), false, true, null);
        }

        /** POST a new contract (a fuzz id) or PUT an amendment, with one node of the document mutated. */
        Case contractDoc(Target t) {
            ObjectNode doc = t.doc().deepCopy();
            boolean put = chance(50);
            boolean guard = t.baseline() && put;
            boolean writes = !guard || chance(50);
            if (!put) {
                doc.put("id", chance(90) ? "fz-new-" + i : t.id());
            } else {
                doc.put("version", doc.path("version").asInt(1) + r.nextInt(0, 3));
            }
            String marker = "@@fuzz-" + i + "@@";
            String what;
            String text;
            if (guard && writes) {
                String f = pick(List.of("performanceStart", "performanceEnd", "arrangements", "payer"));
                String v = pick(List.of("\"2024-13-01\"", "\"\\ud800\"", "{}", "\"\"", "null"));
                doc.put(f, marker);
                text = doc.toString().replace("\"" + marker + "\"", v);
                what = "amend " + f + " = " + v;
            } else {
                List<JsonNode> parents = new ArrayList<>();
                collect(doc, parents);
                JsonNode parent = pick(parents);
                String v = pick(VALUES);
                what = (put ? "amend" : "create") + " with a node = " + abbreviate(v);
                if (parent instanceof ObjectNode o && o.size() > 0) {
                    List<String> names = new ArrayList<>();
                    o.fieldNames().forEachRemaining(names::add);
                    String name = chance(90) ? pick(names) : "unknownField";
                    what += " at " + name;
                    if (chance(15)) {
                        o.remove(name);
                        what += " (removed)";
                    } else {
                        o.put(name, marker);
                    }
                } else if (parent instanceof ArrayNode a && a.size() > 0) {
                    a.set(r.nextInt(a.size()), Mappers.json().getNodeFactory().textNode(marker));
                }
                text = doc.toString().replace("\"" + marker + "\"", v);
                if (chance(5)) {
                    text = wholeBody(text);
                    what += ", body mangled";
                }
            }
            String ct = chance(90) ? "application/json" : pick(List.of("application/yaml", "text/plain", "application/x-yaml"));
            return new Case(i, what, put ? "PUT" : "POST", put ? "/v1/contracts/" + t.id() : "/v1/contracts",
                    writes ? writer(t) : nonWriter(t), ct, bytes(text), guard && writes, true, null);
        }

        void collect(JsonNode n, List<JsonNode> out) {
            if (n.isContainerNode()) {
                out.add(n);
                for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                    collect(it.next(), out);
                }
            }
        }

        Case badPath(Target t) {
            String id = chance(70) ? pick(BAD_IDS) : t.id();
            String sub = pick(List.of("", "/", "/totals", "/totals/", "/claims", "/claims/x", "/settlements/1", "/payouts/", "/payouts//status",
                    "/reported-facts", "/reported-facts/2024/x", "/unknown", "/TOTALS", "/%2e%2e/%2e%2e", "//totals", "/attribution/"));
            String path = pick(List.of("/v1/contracts/", "/v1/contracts//", "/v2/contracts/", "/V1/contracts/", "/v1/contracts%2F")) + id + sub;
            if (chance(10)) {
                path = pick(List.of("/", "/v1", "/v1/", "/metricsx", "/health/x", "/ready?x=1", "/v1/openapi.yaml", "/v1/openapi.json", "/favicon.ico"));
            }
            String method = pick(METHODS);
            boolean body = !method.equals("GET") && chance(70);
            // on a baseline's own path a write method with a writer's token could change it: only readers there
            String auth = t.baseline() && id.equals(t.id()) ? nonWriter(t) : anyAuth(t);
            return new Case(i, "path " + abbreviate(path), method, path, auth, body ? "application/json" : null,
                    body ? bytes("[]") : null, false, false, null);
        }

        Case wrongMethodOrBody(Target t) {
            String base = "/v1/contracts/" + t.id();
            String path = pick(List.of(base, base + "/totals", base + "/claims", base + "/attribution", base + "/quality-events",
                    base + "/settlements", base + "/payouts", "/v1/payouts", "/v1/contracts", "/health", "/ready", "/metrics"));
            String method = pick(METHODS);
            String ct = chance(60) ? pick(CONTENT_TYPES) : null;
            String body = chance(70) ? pick(BODIES) : null;
            if (chance(10) && body != null) {
                body = csvFor(path);
                ct = "text/csv";
            }
            String auth = t.baseline() ? nonWriter(t) : anyAuth(t);
            byte[] bytes = body == null ? null : bytes(body);
            if (bytes != null && chance(15)) {
                bytes = invalidUtf8(bytes);
            }
            boolean guarded = t.baseline() && !method.equals("GET") && auth != null && path.startsWith(base)
                    && (auth.equals(auth("admin")) || auth.equals(auth("payer:" + t.payer())));
            return new Case(i, "method " + method + " body " + (body == null ? "none" : abbreviate(body)), method, path,
                    guarded ? auth("provider:evil") : auth, ct, bytes, false, false, null);
        }

        String csvFor(String path) {
            if (path.endsWith("/claims")) {
                return "id,memberId,type,serviceFrom,serviceThrough,paidDate,paidAmount\nC-1001,M-0003,inpatient,2024-02-05,2024-02-07,2024-03-20,1272075\n";
            }
            return "id,memberId,month\nA-1,M-1,2024-01\n";
        }

        byte[] invalidUtf8(byte[] b) {
            byte[] out = new byte[b.length + 2];
            int at = r.nextInt(b.length + 1);
            System.arraycopy(b, 0, out, 0, at);
            byte[] bad = pick(List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xED, (byte) 0xA0}));
            out[at] = bad[0];
            out[at + 1] = bad[1];
            System.arraycopy(b, at, out, at + 2, b.length - at);
            return out;
        }

        Case open() {
            String path = pick(List.of("/health", "/ready", "/v1/openapi.yaml", "/metrics", "/health?x=%00", "/v1/contracts"));
            Target t = pick(targets);
            return new Case(i, "open " + path, pick(List.of("GET", "GET", "GET", "POST", "HEAD")), path, chance(50) ? anyAuth(t) : null,
                    null, null, false, false, null);
        }

        /** Bytes that are not (good) HTTP: each must be a 4xx at once. */
        Case raw() {
            String admin = tokens.get("admin");
            Target t = pick(targets);
            String head = "POST /v1/contracts/" + t.id() + "/claims HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + admin
                    + "\r\nContent-Type: " + pick(List.of("application/json", "application/x-ndjson")) + "\r\n";
            String s = switch (r.nextInt(12)) {
                case 0 -> pick(List.of("GARBAGE\r\n\r\n", "hello world\r\n\r\n", "GET /\r\n\r\n", "PROPFIND / HTTP/1.1\r\n\r\n",
                        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "GET /health HTTP/1.1\r\nHost x\r\n\r\n"));
                case 1 -> head + "Transfer-Encoding: chunked\r\n\r\n" + pick(List.of("zz", "-1", "ffffffffffffffffffff", "5;\u0000", " ")) + "\r\n[]\r\n0\r\n\r\n";
                case 2 -> head + "Transfer-Encoding: chunked\r\n\r\n5\r\n[]\r\n0\r\n\r\n";
                case 3 -> "GET /health HTTP/1.1\r\nHost: x\r\nX-Long: " + "a".repeat(r.nextInt(10_000, 40_000)) + "\r\n\r\n";
                case 4 -> "GET /" + "a".repeat(r.nextInt(10_000, 40_000)) + " HTTP/1.1\r\nHost: x\r\n\r\n";
                case 5 -> "GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: " + pick(List.of("abc", "-1", "99999999999999999999", "1, 2")) + "\r\n\r\n";
                case 6 -> "POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n";
                case 7 -> "GET /health HTTP/1.1\r\nHost: x\r\n\u0000\u0001: y\r\n\r\n";
                case 8 -> "GET /v1/contracts/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " + admin + "\r\n\r\n";
                case 9 -> "GET /v1/contracts/" + t.id() + "/totals?period=%E0%A4 HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " + admin + "\r\n\r\n";
                case 10 -> "GET /health HTTP/1.1\r\n" + "X-H: v\r\n".repeat(r.nextInt(100, 300)) + "\r\n";
                default -> "GET /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n";
            };
            return new Case(i, "raw", null, null, null, null, null, true, false, s.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "... (" + s.length() + " chars)" : s;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
