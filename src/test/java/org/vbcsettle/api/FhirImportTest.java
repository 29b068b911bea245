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
