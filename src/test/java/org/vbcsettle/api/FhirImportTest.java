package org.vbcsettle.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbcsettle.api.auth.Role;
import org.vbcsettle.cli.Main;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import --fhir} against a running node (real ledger on H2): the example claims sent as CARIN BB
 * ExplanationOfBenefit NDJSON and as the CSV they were written from give the same running totals, figure for
 * figure; a file with one bad resource stores nothing.
 */
class FhirImportTest {

    @Test
    void theSameClaimsFromFhirAndFromCsvGiveIdenticalTotals(@TempDir Path dir) throws Exception {
        try (TestApi api = TestApi.onLedger(dir, TestApi.defaults())) {
            String admin = TestApi.token(Role.ADMIN, null);
            String yaml = Files.readString(Path.of("contracts/combined-aco.yaml"));
            for (String id : new String[] {"from-fhir", "from-csv"}) {
                assertThat(api.send("POST", "/v1/contracts", admin, "application/yaml",
                        yaml.replace("id: cascade-aco-combined-2024", "id: " + id)).status()).isEqualTo(201);
                assertThat(Main.run("import", "--url", api.base, "--token", admin, "--contract", id,
                        "--attribution", "examples/members.csv")).isZero();
            }
            assertThat(Main.run("import", "--url", api.base, "--token", admin, "--contract", "from-fhir",
                    "--fhir", "examples/fhir/ExplanationOfBenefit.ndjson")).isZero();
            assertThat(Main.run("import", "--url", api.base, "--token", admin, "--contract", "from-csv",
                    "--claims", "examples/fhir/claims-carin.csv", "--batch", "500")).isZero();
            ObjectNode fhir = (ObjectNode) api.get("/v1/contracts/from-fhir/totals", admin).json();
            ObjectNode csv = (ObjectNode) api.get("/v1/contracts/from-csv/totals", admin).json();
            assertThat(fhir.path("paidClaims").asLong()).isPositive();
            fhir.remove("contractId");
            csv.remove("contractId");
            assertThat(fhir).isEqualTo(csv);

            // the period as a Da Vinci VBPR MeasureReport: parses back with HAPI, carries the profile's required elements
            TestApi.Reply vbpr = api.get("/v1/contracts/from-fhir/fhir/MeasureReport?period=2024", admin);
            assertThat(vbpr.status()).as(vbpr.toString()).isEqualTo(200);
            assertThat(vbpr.contentType()).startsWith("application/fhir+json");
            var report = org.vbcsettle.ingest.fhir.Fhir.jsonParser().parseResource(org.hl7.fhir.r4.model.MeasureReport.class, vbpr.body());
            assertThat(report.getMeta().getProfile().get(0).getValue()).isEqualTo(org.vbcsettle.ingest.fhir.VbprReport.PROFILE);
            assertThat(report.getType()).isEqualTo(org.hl7.fhir.r4.model.MeasureReport.MeasureReportType.SUMMARY);
            assertThat(report.getStatus()).isEqualTo(org.hl7.fhir.r4.model.MeasureReport.MeasureReportStatus.COMPLETE);
            assertThat(report.hasDate() && report.hasReporter() && report.hasPeriod() && report.hasMeasure()).isTrue();
            assertThat(report.getSubject().getExtensionByUrl(org.vbcsettle.ingest.fhir.VbprReport.VBPR + "/StructureDefinition/organization-subject"))
                    .isNotNull();
            java.util.Map<String, java.math.BigDecimal> scores = new java.util.HashMap<>();
            report.getGroup().forEach(g -> {
                assertThat(g.getExtensionByUrl(org.vbcsettle.ingest.fhir.VbprReport.VBPR + "/StructureDefinition/payment-stream")).isNotNull();
                scores.put(g.getCode().getCodingFirstRep().getCode(), g.getMeasureScore().getValue());
            });
            assertThat(scores.get("member-months").longValueExact()).isEqualTo(csv.path("memberMonths").asLong());
            assertThat(scores.get("med-rx-cost-pmpm").movePointRight(2).longValueExact()).isEqualTo(csv.path("paidPmpm").asLong());
            assertThat(scores).containsKeys("shared-saving-deficit", "earned-incentive", "ibnr-pmpm");

            // one bad resource: the whole file is refused and the totals do not move
            Path bad = dir.resolve("bad.ndjson");
            String good = Files.readAllLines(Path.of("examples/fhir/ExplanationOfBenefit.ndjson")).get(0)
                    .replace("\"eob-C-1001\"", "\"eob-new\"").replace("\"value\":\"C-1001\"", "\"value\":\"C-9001\"");
            Files.writeString(bad, good + "\n" + good.replace("\"eob-new\"", "\"eob-bad\"").replace("C-9001", "C-9002")
                    .replace("\"start\":\"2024-02-05\"", "\"start\":\"2024-02-30\"") + "\n");
            assertThat(Main.run("import", "--url", api.base, "--token", admin, "--contract", "from-fhir", "--fhir", bad.toString())).isEqualTo(1);
            ObjectNode after = (ObjectNode) api.get("/v1/contracts/from-fhir/totals", admin).json();
            after.remove("contractId");
            assertThat(after).isEqualTo(csv);
        }
    }
}
