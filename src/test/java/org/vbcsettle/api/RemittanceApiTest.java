package org.vbcsettle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vbcsettle.api.auth.Role;
import org.vbcsettle.ingest.x12.Edi835Reader;
import org.vbcsettle.ingest.x12.Edi835Writer;
import org.vbcsettle.ingest.x12.Remittance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payer's 835 and CSV payout file, and the provider's remittance check, over HTTP: the 835 parses back
 * (StAEDI) balanced with one PLB per approved or disbursed payout; an 835 that pays one payout short, leaves
 * one out and adds one the ledger does not know is reported as short-paid (by how much), missing and
 * unexpected, and the exactly paid one is acknowledged.
 * The remittance check acknowledges a payout, so it runs last (methods run in name order).
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
class RemittanceApiTest {
    static final String ADMIN = TestApi.token(Role.ADMIN, null);
    static final String PROVIDER = TestApi.token(Role.PROVIDER, "Cascade Care Network ACO (TIN 91-3372058)");
    static final String C = "cascade-aco-combined-2024";
    static final String FINAL = C + "|settlement.final|2024";
    static final String INTERIM = C + "|settlement.interim|2024-Q2";
    static final String QUALITY = C + "|quality.quality-bonus.met|2024";
    static final String NEW = C + "|settlement.interim|2024-Q3";

    static InMemoryLedger ledger = new InMemoryLedger();
    static TestApi api;

    @BeforeAll
    static void start() throws Exception {
        api = new TestApi(ledger, TestApi.defaults());
        assertThat(api.send("POST", "/v1/contracts", ADMIN, "application/yaml", Files.readString(Path.of("contracts/combined-aco.yaml"))).status())
                .isEqualTo(201);
        ledger.payouts.add(new PayoutView(FINAL, C, "settlement.final", "2024", 1_234_567, "final settlement", "disbursed"));
        ledger.payouts.add(new PayoutView(INTERIM, C, "settlement.interim", "2024-Q2", -20_005, "interim true-up", "approved"));
        ledger.payouts.add(new PayoutView(QUALITY, C, "quality.quality-bonus.met", "2024", 50_000, "quality bonus", "disbursed"));
        ledger.payouts.add(new PayoutView(NEW, C, "settlement.interim", "2024-Q3", 9_900, "interim advance", "triggered"));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void the835CarriesEachPayablePayoutAndBalances() throws Exception {
        TestApi.Reply r = api.get("/v1/payouts.835", ADMIN);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/edi-x12");
        List<Remittance> advices = Edi835Reader.read(r.body());
        assertThat(advices).hasSize(1);
        Remittance a = advices.get(0);
        // $12,345.67 + $500.00 − $200.05; the triggered Q3 advance is not yet payable
        assertThat(a.totalCents()).isEqualTo(1_234_567 + 50_000 - 20_005);
        assertThat(a.balanced()).isTrue();
        assertThat(a.payeeNpi()).isEqualTo("1245319599");
        assertThat(a.payeeTin()).isEqualTo("913372058");
        assertThat(a.adjustments()).extracting(Remittance.Adjustment::amountCents).containsExactlyInAnyOrder(-1_234_567L, 20_005L, -50_000L);
        assertThat(Edi835Reader.read(api.get("/v1/payouts.835?status=approved", ADMIN).body()).get(0).totalCents()).isZero();
        assertThat(api.get("/v1/payouts.835?status=triggered", ADMIN).status()).isEqualTo(422);
    }

    @Test
    void theCsvPayoutFileListsPayoutsWithPayeeAndReference() throws Exception {
        TestApi.Reply r = api.send("GET", "/v1/payouts", ADMIN, null, null);
        assertThat(r.status()).isEqualTo(200);
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base + "/v1/payouts")).header("Authorization", "Bearer " + ADMIN)
                .header("Accept", "text/csv").GET().build();
        var csv = java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("key,contractId,trigger,periodId,amountCents,amount,reason,status,payeeName,payeeTin,payeeNpi,x12Reference,"
                + "disputeShortCents,disputeTrace");
        assertThat(lines).hasSize(5).contains(FINAL + "," + C + ",settlement.final,2024,1234567,12345.67,final settlement,disbursed,"
                + "Cascade Care Network ACO,913372058,1245319599," + FINAL + ",,");
    }

    @Test
    void theRemittanceCheckFindsShortMissingAndUnexpectedAndAcknowledgesTheMatched() throws Exception {
        LocalDate year = LocalDate.parse("2024-12-31");
        Remittance received = Remittance.of("Evergreen Health Plan", "EHP", "Cascade Care Network ACO", "1245319599", "913372058", "ACH",
                LocalDate.parse("2025-05-05"), "EFT-77", List.of(
                        new Remittance.Payment(FINAL, 1_224_567, year),                 // $100.00 short
                        new Remittance.Payment(QUALITY, 50_000, year),                  // exact
                        new Remittance.Payment("someone-else|settlement.final|2024", 5_000, year)));  // not ours
        String edi = Edi835Writer.write(List.of(received), "EHP", "CASCADE", 7, LocalDateTime.parse("2025-05-05T08:00:00"));
        TestApi.Reply r = api.send("POST", "/v1/contracts/" + C + "/remittances?acknowledge=true", PROVIDER, "application/edi-x12", edi);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> got = new ArrayList<>();
        for (JsonNode f : r.json().path("findings")) {
            got.add(f.path("outcome").asText() + " " + f.path("payoutKey").asText() + " " + f.path("periodId").asText() + " "
                    + f.path("differenceCents").asLong());
        }
        assertThat(got).containsExactlyInAnyOrder(
                "short-paid " + FINAL + " 2024 -10000",
                "matched " + QUALITY + " 2024 0",
                "missing " + INTERIM + " 2024-Q2 20005",
                "unexpected null null 5000");
        assertThat(r.json().path("acknowledged")).hasSize(1);
        assertThat(r.json().path("acknowledged").get(0).asText()).isEqualTo(QUALITY);
        assertThat(ledger.payouts.stream().filter(p -> p.key().equals(QUALITY)).findFirst().orElseThrow().status()).isEqualTo("acknowledged");
        assertThat(ledger.payouts.stream().filter(p -> p.key().equals(FINAL)).findFirst().orElseThrow().status()).isEqualTo("disbursed");

        Path file = Files.createTempFile("received", ".835");
        Files.writeString(file, edi);
        assertThat(org.vbcsettle.cli.Main.run("remittance-check", "--url", api.base, "--token", PROVIDER, "--contract", C,
                "--file", file.toString())).as("not everything matched").isEqualTo(1);

        TestApi.Reply broken = api.send("POST", "/v1/contracts/" + C + "/remittances", PROVIDER, "application/edi-x12",
                edi.replace("IEA*1*000000007", "IEA*1*000000008"));
        assertThat(broken.status()).as(broken.toString()).isEqualTo(422);
        assertThat(r.json().path("disputes")).as("no dispute unless asked").isEmpty();
        assertThat(ledger.disputes).isZero();
    }

    /** Runs after the acknowledging check (name order): the short FINAL payout gets one dispute, however often it is sent. */
    @Test
    void theShortPaidRemittanceOpensOneVisibleDispute() throws Exception {
        LocalDate year = LocalDate.parse("2024-12-31");
        Remittance received = Remittance.of("Evergreen Health Plan", "EHP", "Cascade Care Network ACO", "1245319599", "913372058", "ACH",
                LocalDate.parse("2025-05-06"), "EFT-78", List.of(
                        new Remittance.Payment(FINAL, 1_224_567, year),                 // $100.00 short
                        new Remittance.Payment(INTERIM, -20_005, year)));               // approved, paid exactly: nothing to dispute
        String edi = Edi835Writer.write(List.of(received), "EHP", "CASCADE", 8, LocalDateTime.parse("2025-05-06T08:00:00"));
        String path = "/v1/contracts/" + C + "/remittances?dispute=true";
        assertThat(api.send("POST", path, TestApi.token(Role.PAYER, "Evergreen Health Plan (Medicare Advantage)"), "application/edi-x12", edi).status())
                .as("the payer does not dispute its own payout").isEqualTo(403);
        assertThat(ledger.disputes).isZero();

        TestApi.Reply r = api.send("POST", path, PROVIDER, "application/edi-x12", edi);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode disputes = r.json().path("disputes");
        assertThat(disputes).hasSize(1);
        assertThat(disputes.get(0).path("payoutKey").asText()).isEqualTo(FINAL);
        assertThat(disputes.get(0).path("outcome").asText()).isEqualTo("opened");
        assertThat(disputes.get(0).path("dispute").path("shortCents").asLong()).isEqualTo(1_234_567 - 1_224_567);
        assertThat(disputes.get(0).path("dispute").path("traceNumber").asText()).isEqualTo("EFT-78");

        JsonNode listed = null;
        for (JsonNode p : api.get("/v1/payouts", ADMIN).json()) {
            if (p.path("key").asText().equals(FINAL)) {
                listed = p;
            }
        }
        assertThat(listed).as("FINAL in the payouts list").isNotNull();
        assertThat(listed.path("status").asText()).isEqualTo("disbursed");
        assertThat(listed.path("dispute").path("remittedCents").asLong()).isEqualTo(1_224_567);
        assertThat(listed.path("dispute").path("shortCents").asLong()).isEqualTo(10_000);
        assertThat(listed.path("dispute").path("reason").asText()).contains("EFT-78").contains("12245.67").contains("12345.67");

        TestApi.Reply again = api.send("POST", path, PROVIDER, "application/edi-x12", edi);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("disputes").get(0).path("outcome").asText()).isEqualTo("already-open");
        assertThat(ledger.disputes).as("sent twice, disputed once").isEqualTo(1);

        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base + "/v1/payouts")).header("Authorization", "Bearer " + ADMIN)
                .header("Accept", "text/csv").GET().build();
        String csv = java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(csv.lines().filter(l -> l.startsWith(FINAL + ",")).findFirst().orElseThrow()).endsWith("," + FINAL + ",10000,EFT-78");
    }
}
