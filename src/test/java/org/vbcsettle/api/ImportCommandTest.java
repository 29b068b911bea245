package org.vbcsettle.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbcsettle.api.auth.Role;
import org.vbcsettle.cli.Main;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vbc-settle import} against a running node (real ledger on H2). */
class ImportCommandTest {

    @Test
    void imports_attribution_claims_and_quality_and_fails_on_a_bad_record(@TempDir Path dir) throws Exception {
        try (TestApi api = TestApi.onLedger(dir, TestApi.defaults())) {
            String token = TestApi.token(Role.PAYER, "blue-payer");
            assertThat(api.send("POST", "/v1/contracts", token, "application/yaml",
                    Fixtures.contractYaml("acme-2024", "blue-payer", "acme-aco")).status()).isEqualTo(201);
            Path claims = dir.resolve("claims.ndjson");
            Files.writeString(claims, Fixtures.claim("c1", "m1", "2024-01-05", "2024-01-30", 100) + "\n"
                    + Fixtures.claim("c2", "m1", "2024-02-05", "2024-02-28", 200) + "\n");
            Path attribution = dir.resolve("attribution.ndjson");
            Files.writeString(attribution, "{\"id\":\"a1\",\"memberId\":\"m1\",\"month\":\"2024-01\"}\n"
                    + "{\"id\":\"a2\",\"memberId\":\"m1\",\"month\":\"2024-02\"}\n"
                    + "{\"id\":\"a3\",\"memberId\":\"m1\",\"month\":\"2024-03\"}\n");
            Path quality = dir.resolve("quality.ndjson");
            Files.writeString(quality, "{\"id\":\"q1\",\"memberId\":\"m1\",\"measureId\":\"CBP\",\"period\":\"2024\",\"kind\":\"denominator\"}\n");
            int code = Main.run("import", "--url", api.base, "--token", token, "--contract", "acme-2024",
                    "--claims", claims.toString(), "--attribution", attribution.toString(), "--quality", quality.toString(), "--batch", "2");
            assertThat(code).isZero();
            var totals = api.get("/v1/contracts/acme-2024/totals", token).json();
            assertThat(totals.path("memberMonths").asLong()).isEqualTo(3);
            assertThat(totals.path("paidClaims").asLong()).isEqualTo(300); // 100 + 200 cents

            Files.writeString(claims, Fixtures.claim("c3", "m1", "2031-01-05", "2031-01-30", 100) + "\n");
            assertThat(Main.run("import", "--url", api.base, "--token", token, "--contract", "acme-2024",
                    "--claims", claims.toString())).isEqualTo(1);
        }
    }

    @Test
    void imports_csv_through_the_ingest_readers(@TempDir Path dir) throws Exception {
        try (TestApi api = TestApi.onLedger(dir, TestApi.defaults())) {
            String token = TestApi.token(Role.PAYER, "blue-payer");
            assertThat(api.send("POST", "/v1/contracts", token, "application/yaml",
                    Fixtures.contractYaml("acme-2024", "blue-payer", "acme-aco")).status()).isEqualTo(201);
            Path claims = dir.resolve("claims.csv");
            Files.writeString(claims, """
                    id,memberId,type,serviceFrom,serviceThrough,paidDate,paidAmount,frequency,replacesClaimId,hcpcs
                    k1,m1,professional,2024-01-05,2024-01-05,2024-01-30,12500,1,,99213;36415
                    k2,m1,professional,2024-01-05,2024-01-05,2024-02-28,12000,7,k1,99213
                    k3,m2,outpatient,2024-02-01,,2024-02-20,70000,1,,
                    """);
            Path attribution = dir.resolve("attribution.csv");
            Files.writeString(attribution, "id,memberId,month,riskScore\na1,m1,2024-01,1.1\na2,m2,2024-02,0.9\n");
            int code = Main.run("import", "--url", api.base, "--token", token, "--contract", "acme-2024",
                    "--claims", claims.toString(), "--attribution", attribution.toString());
            assertThat(code).isZero();
            var totals = api.get("/v1/contracts/acme-2024/totals", token).json();
            assertThat(totals.path("memberMonths").asLong()).isEqualTo(2);
            // k2 replaces k1: 12,000 + 70,000 cents in effect
            assertThat(totals.path("paidClaims").asLong()).isEqualTo(82_000);
        }
    }
}
