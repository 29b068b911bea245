package org.vbcsettle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.vbcsettle.api.auth.AuthSettings;
import org.vbcsettle.api.auth.Role;
import org.vbcsettle.api.auth.Tokens;
import org.vbcsettle.contract.Mappers;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole performance year through the HTTP API of a real node: a contract with a quality incentive and a
 * bundled payment; attribution with a retroactive retraction; claims with a replacement, a void and a
 * resend; quality events; interim settlements Q1–Q4, the final settlement, and the payout file. Every
 * figure checked is computed by hand below.
 *
 * <pre>
 * Quality (PMPM $10.00, scaled by the composite): CBP denominator m0..m7, m7 excluded -> 7 eligible,
 *   numerator m0..m5 = 6 -> rate 6/7 = 0.857: tier 0.50 (points 0.5) met, top tier 0.90 not met ->
 *   composite 0.5 = gate 0.5 -> bonus = $10.00 x member-months x 0.5 = $5.00 per member-month.
 *   Member-months: 10 members x 12 = 120, less m9's December retracted = 119.
 *   YTD: Q1 30 -> $150.00; Q2 60 -> $300.00; Q3 90 -> $450.00; Q4/final 119 -> $595.00.
 * Bundled (MJRLE target $28,000.00 x (1 - 0.03) = $27,160.00; no winsorization; stop-gain/loss 20%):
 *   episode 1 (m1, anchor DRG 470, 2024-02-01..02-04; window ends 02-04 + 89 days = 2024-05-03):
 *     anchor $20,000.00 + SNF $5,000.00 replaced by $4,000.00 + home health $1,000.00 = $25,000.00
 *     -> target - spend = $2,160.00
 *   episode 2 (m2, anchor 2024-06-10..06-13, window to 2024-09-10): anchor $26,000.00 + professional
 *     $3,000.00 voided + outpatient $1,500.00 = $27,500.00 -> -$340.00
 *   Q1 (episodes starting Jan-Mar): $2,160.00; Q2..final: $2,160.00 - $340.00 = $1,820.00.
 * Statement totals: Q1 $2,310.00; Q2 $2,120.00; Q3 $2,270.00; Q4 $2,415.00; final $2,415.00.
 * Payouts (withhold 25%; advance = max(0, earned x 0.75 - paid so far); final = total - paid so far):
 *   claims batch (paid through 2024-08-05 >= 05-03): episode 1 closed under target -> projected year
 *     (quality not yet scored: $0; bundled $1,820.00) x 0.75 = $1,365.00
 *   Q1: $2,310.00 x 0.75 = $1,732.50 - $1,365.00 = $367.50
 *   Q2: $1,590.00 - $1,732.50 < 0 -> $0.00;  Q3: $1,702.50 - $1,732.50 < 0 -> $0.00
 *   Q4: $2,415.00 x 0.75 = $1,811.25 - $1,732.50 = $78.75
 *   final: $2,415.00 - $1,811.25 = $603.75;  sum $2,415.00 = the final total.
 * </pre>
 */
final class YearScenario {

    static final String CONTRACT = """
            id: %s
            version: 1
            name: End-to-end contract
            payer: e2e-payer
            provider: e2e-aco
            performanceStart: 2024-01-01
            performanceEnd: 2024-12-31
            arrangements:
              - type: quality-incentive
                id: quality
                measures:
                  - id: CBP
                    name: Controlling High Blood Pressure
                    weight: 1
                    minimumDenominator: 4
                    tiers:
                      - {threshold: 0.50, points: 0.5}
                      - {threshold: 0.90, points: 1.0}
                bonus: {method: pmpm, amount: "$10.00"}
                minimumComposite: 0.50
                scaleByComposite: true
              - type: bundled-payment
                id: bundle
                episodes:
                  - episodeType: MJRLE
                    name: Major joint replacement of the lower extremity
                    anchorDrgs: ["470"]
                    windowDays: 90
                    targetPrice: "$28,000.00"
                    discount: 0.03
                stopGain: 0.20
                stopLoss: 0.20
            settlement:
              runOutMonths: 3
              interimSettlements: true
              withholdRate: 0.25
              # the year's mechanics, not the advance policy (LedgerAdvancePolicyTest covers it): the Q1 interim
              # pays on its two months of claims
              advances:
                minimumExperienceMonths: 1
              completionFactors:
                - {monthsOfRunOut: 0, factor: 1.0}
            """;

    private final String base;
    private final String id;
    private final String payer;
    private final String provider;
    private final String admin;
    private final HttpClient client = HttpClient.newHttpClient();

    YearScenario(String baseUrl, AuthSettings auth, String contractId) {
        this.base = baseUrl;
        this.id = contractId;
        Clock clock = Clock.systemUTC();
        this.payer = Tokens.mint(auth, Role.PAYER, "e2e-payer", Duration.ofHours(1), clock);
        this.provider = Tokens.mint(auth, Role.PROVIDER, "e2e-aco", Duration.ofHours(1), clock);
        this.admin = Tokens.mint(auth, Role.ADMIN, null, Duration.ofHours(1), clock);
    }

    JsonNode call(String method, String path, String token, String type, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        if (type != null) {
            b.header("Content-Type", type);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + " -> " + r.body()).isEqualTo(expected);
        return r.body().isEmpty() ? null : Mappers.json().readTree(r.body());
    }

    static String claim(String id, String member, String type, String from, String through, String paid, long cents,
                        String drg, int frequency, String replaces) {
        return "{\"id\":\"" + id + "\",\"memberId\":\"" + member + "\",\"type\":\"" + type + "\",\"serviceFrom\":\"" + from
                + "\",\"serviceThrough\":\"" + through + "\",\"paidDate\":\"" + paid + "\",\"paidAmount\":" + cents
                + (drg == null ? "" : ",\"drg\":\"" + drg + "\"") + ",\"frequency\":" + frequency
                + (replaces == null ? "" : ",\"replacesClaimId\":\"" + replaces + "\"") + "}";
    }

    void run() throws Exception {
        String c = "/v1/contracts/" + id;
        call("POST", "/v1/contracts", payer, "application/yaml", CONTRACT.formatted(id), 201);

        // attribution: 10 members x 12 months, then m9's December retracted
        StringBuilder a = new StringBuilder("[");
        for (int m = 0; m < 10; m++) {
            for (int month = 1; month <= 12; month++) {
                a.append(a.length() > 1 ? "," : "").append("{\"id\":\"a-m").append(m).append("-").append(month)
                        .append("\",\"memberId\":\"m").append(m).append("\",\"month\":\"2024-").append(String.format("%02d", month))
                        .append("\",\"riskScore\":1.0}");
            }
        }
        a.append(",{\"id\":\"a-m9-12-retro\",\"memberId\":\"m9\",\"month\":\"2024-12\",\"replacesId\":\"a-m9-12\",\"active\":false}]");
        JsonNode ar = call("POST", c + "/attribution", payer, "application/json", a.toString(), 200);
        assertThat(ar.path("accepted").asLong()).isEqualTo(121);

        // claims as NDJSON: originals, a replacement, a void, and one line sent twice
        String claims = String.join("\n",
                claim("e1-anchor", "m1", "inpatient", "2024-02-01", "2024-02-04", "2024-03-01", 20_000_00, "470", 1, null),
                claim("e1-snf", "m1", "snf", "2024-02-05", "2024-02-15", "2024-03-10", 5_000_00, null, 1, null),
                claim("e1-hh", "m1", "home-health", "2024-03-01", "2024-03-20", "2024-04-01", 1_000_00, null, 1, null),
                claim("e1-snf-r", "m1", "snf", "2024-02-05", "2024-02-15", "2024-04-05", 4_000_00, null, 7, "e1-snf"),
                claim("e2-anchor", "m2", "inpatient", "2024-06-10", "2024-06-13", "2024-07-15", 26_000_00, "470", 1, null),
                claim("e2-prof", "m2", "professional", "2024-06-20", "2024-06-20", "2024-07-20", 3_000_00, null, 1, null),
                claim("e2-prof-v", "m2", "professional", "2024-06-20", "2024-06-20", "2024-08-01", 0, null, 8, "e2-prof"),
                claim("e2-op", "m2", "outpatient", "2024-07-01", "2024-07-01", "2024-08-05", 1_500_00, null, 1, null),
                claim("e1-anchor", "m1", "inpatient", "2024-02-01", "2024-02-04", "2024-03-01", 20_000_00, "470", 1, null)) + "\n";
        JsonNode cr = call("POST", c + "/claims", payer, "application/x-ndjson", claims, 200);
        assertThat(cr.path("accepted").asLong()).isEqualTo(8);
        assertThat(cr.path("duplicate").asLong()).isEqualTo(1);
        assertThat(cr.path("rejected").asLong()).isZero();
        // episode 1 closed under target: advance on the projected year = $1,820.00 x 0.75
        assertThat(amounts(cr.path("payoutsTriggered"))).containsExactly(1_365_00L);

        // quality: denominator m0..m7, exclusion m7, numerator m0..m5
        List<String> q = new ArrayList<>();
        for (int m = 0; m < 8; m++) {
            q.add(quality("q-d-" + m, "m" + m, "denominator"));
        }
        q.add(quality("q-x-7", "m7", "exclusion"));
        for (int m = 0; m < 6; m++) {
            q.add(quality("q-n-" + m, "m" + m, "numerator"));
        }
        JsonNode qr = call("POST", c + "/quality-events", payer, "application/json", "[" + String.join(",", q) + "]", 200);
        assertThat(qr.path("accepted").asLong()).isEqualTo(15);
        assertThat(qr.path("payoutsTriggered").size()).isZero(); // CBP's top tier is not reached

        JsonNode totals = call("GET", c + "/totals", provider, null, null, 200);
        assertThat(totals.path("memberMonths").asLong()).isEqualTo(119);
        // paid claims in effect: 20,000 + 4,000 + 1,000 + 26,000 + 1,500 = $52,500.00
        assertThat(totals.path("paidClaims").asLong()).isEqualTo(52_500_00L);
        assertThat(totals.path("projectedSettlement").asLong()).isEqualTo(2_415_00L);
        // per arrangement of the projection, as the provider sees it. Quality: CBP 6 of 7 eligible =
        // 0.8571428571 against tiers 0.50 / 0.90 (only the first reached: not met), 7 ≥ minimum 4 → scored;
        // composite 0.500000 ≥ minimum 0.50 → met; bonus $595.00.
        JsonNode qa = arrangement(totals, "quality");
        assertThat(qa.path("projectedEarned").asLong()).isEqualTo(595_00L);
        JsonNode cbp = qa.path("quality").path("measures").get(0);
        assertThat(cbp.path("measureId").asText()).isEqualTo("CBP");
        assertThat(cbp.path("rate").asText()).isEqualTo("0.8571428571");
        assertThat(cbp.path("tierThresholds").toString()).isEqualTo("[\"0.5\",\"0.9\"]"); // as the contract loader read them
        assertThat(cbp.path("numerator").asLong()).isEqualTo(6);
        assertThat(cbp.path("eligible").asLong()).isEqualTo(7);
        assertThat(cbp.path("scored").asBoolean()).isTrue();
        assertThat(cbp.path("met").asBoolean()).isFalse();
        assertThat(qa.path("quality").path("composite").asText()).isEqualTo("0.500000");
        assertThat(qa.path("quality").path("compositeMet").asBoolean()).isTrue();
        // bundle, the year settled now: 2 episodes, both windows (to 05-03 and 09-10) end inside the year so
        // both count as closed, episode 1 under target; target 2 × $27,160.00 = $54,320.00, spend
        // 25,000 + 27,500 = $52,500.00, reconciliation $1,820.00. (The "episodes" block is as of the data's
        // paid-through date 08-05 instead: episode 2 still open.)
        JsonNode bundle = arrangement(totals, "bundle").path("bundle");
        assertThat(bundle.path("episodes").asInt()).isEqualTo(2);
        assertThat(bundle.path("closed").asInt()).isEqualTo(2);
        assertThat(bundle.path("open").asInt()).isEqualTo(0);
        assertThat(totals.path("episodes").path("open").asInt()).isEqualTo(1);
        assertThat(totals.path("episodes").path("closed").asInt()).isEqualTo(1);
        assertThat(bundle.path("closedUnderTarget").asInt()).isEqualTo(1);
        assertThat(bundle.path("target").asLong()).isEqualTo(54_320_00L);
        assertThat(bundle.path("spend").asLong()).isEqualTo(52_500_00L);
        assertThat(bundle.path("reconciliation").asLong()).isEqualTo(1_820_00L);

        long[] expectedTotals = {2_310_00, 2_120_00, 2_270_00, 2_415_00};
        // interim payout = basis × (1 − 0.25) − paid so far, never negative; the basis counts a bundle's episodes
        // closed by the quarter's end (and open ones already over target): Q1: episode 1 (window to May) still
        // open under target, basis $150.00 → $112.50 − $1,365.00 advance → $0; Q2: $2,120.00 → $1,590.00 − $1,365.00
        // = $225.00; Q3: $2,270.00 → $1,702.50 − $1,590.00 = $112.50; Q4: $2,415.00 → $1,811.25 − $1,702.50 = $108.75
        long[] expectedPayouts = {0, 225_00, 112_50, 108_75};
        String[] asOf = {"2024-05-15", "2024-08-15", "2024-11-15", "2025-02-15"};
        for (int i = 0; i < 4; i++) {
            JsonNode s = call("POST", c + "/settlements", payer, "application/json",
                    "{\"period\":\"2024-Q" + (i + 1) + "\",\"kind\":\"interim\",\"asOf\":\"" + asOf[i] + "\"}", 201);
            assertThat(s.path("statement").path("total").asLong()).as("Q" + (i + 1) + " total").isEqualTo(expectedTotals[i]);
            assertThat(s.path("payout").path("amountCents").asLong()).as("Q" + (i + 1) + " payout").isEqualTo(expectedPayouts[i]);
        }
        assertThat(arrangement(call("GET", c + "/settlements?period=2024-Q1", provider, null, null, 200).get(0), "bundle")
                .path("amount").asLong()).isEqualTo(2_160_00L);

        // a repeated settlement returns the stored statement and pays nothing more
        JsonNode again = call("POST", c + "/settlements", payer, "application/json",
                "{\"period\":\"2024-Q1\",\"kind\":\"interim\",\"asOf\":\"2024-06-01\"}", 200);
        assertThat(again.path("repeated").asBoolean()).isTrue();

        // final: not before the run-out ends (3 months after 2024-12-31)
        JsonNode early = call("POST", c + "/settlements", payer, "application/json", "{\"kind\":\"final\",\"asOf\":\"2025-02-01\"}", 422);
        assertThat(early.path("detail").asText()).contains("run-out");
        JsonNode fin = call("POST", c + "/settlements", payer, "application/json", "{\"kind\":\"final\",\"asOf\":\"2025-04-15\"}", 201);
        JsonNode st = fin.path("statement");
        assertThat(st.path("kind").asText()).isEqualTo("FINAL");
        assertThat(arrangement(st, "quality").path("amount").asLong()).isEqualTo(595_00L);
        assertThat(arrangement(st, "bundle").path("amount").asLong()).isEqualTo(1_820_00L);
        assertThat(st.path("total").asLong()).isEqualTo(2_415_00L);
        assertThat(fin.path("payout").path("amountCents").asLong()).isEqualTo(603_75L);

        JsonNode payouts = call("GET", c + "/payouts", provider, null, null, 200);
        long sum = 0;
        for (JsonNode p : payouts) {
            sum += p.path("amountCents").asLong();
        }
        assertThat(sum).isEqualTo(2_415_00L);
        assertThat(call("GET", c + "/settlements", provider, null, null, 200).size()).isEqualTo(5);

        // the final payout: the payer approves and disburses, the provider acknowledges
        String key = URLEncoder.encode(fin.path("payout").path("key").asText(), StandardCharsets.UTF_8);
        String status = c + "/payouts/" + key + "/status";
        call("POST", status, provider, "application/json", "{\"status\":\"approved\"}", 403);
        call("POST", status, payer, "application/json", "{\"status\":\"approved\"}", 200);
        call("POST", status, payer, "application/json", "{\"status\":\"disbursed\"}", 200);
        JsonNode ack = call("POST", status, provider, "application/json", "{\"status\":\"acknowledged\"}", 200);
        assertThat(ack.path("status").asText()).isEqualTo("acknowledged");
        assertThat(call("GET", c + "/payouts?status=acknowledged", payer, null, null, 200).size()).isEqualTo(1);

        // the payout file across contracts comes from the read side, which follows within seconds
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            JsonNode file = call("GET", "/v1/payouts?status=acknowledged", admin, null, null, 200);
            boolean found = false;
            for (JsonNode p : file) {
                found |= p.path("contractId").asText().equals(id);
            }
            if (found) {
                break;
            }
            assertThat(System.currentTimeMillis()).as("payout read side caught up").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static String quality(String id, String member, String kind) {
        return "{\"id\":\"" + id + "\",\"memberId\":\"" + member + "\",\"measureId\":\"CBP\",\"period\":\"2024\",\"kind\":\"" + kind + "\"}";
    }

    private static List<Long> amounts(JsonNode payouts) {
        List<Long> out = new ArrayList<>();
        payouts.forEach(p -> out.add(p.path("amountCents").asLong()));
        return out;
    }

    private static JsonNode arrangement(JsonNode statement, String id) {
        for (JsonNode a : statement.path("arrangements")) {
            if (a.path("arrangementId").asText().equals(id)) {
                return a;
            }
        }
        throw new AssertionError("no arrangement " + id + " in " + statement);
    }
}
