package org.vbcsettle.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbcsettle.api.auth.Role;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /ready} answers 200 only once start-up has registered the contracts folder: before that a load
 * balancer routing on it would send requests that 404 for a contract not registered yet.
 */
class ReadinessTest {

    @TempDir
    Path dir;

    @Test
    void not_ready_until_the_contracts_folder_is_registered() throws Exception {
        Path contracts = Files.createDirectory(dir.resolve("contracts"));
        Files.writeString(contracts.resolve("acme.yaml"), Fixtures.contractYaml("acme-2024", "blue-payer", "acme-aco"));
        try (TestApi api = TestApi.onLedger(dir, TestApi.defaults(), false)) {
            TestApi.Reply before = api.get("/ready", null);
            assertThat(before.status()).as(before.toString()).isEqualTo(503);
            assertThat(before.contentType()).startsWith("application/problem+json");
            assertThat(before.json().path("detail").asText()).isEqualTo("not ready: start-up is registering the contracts folder");
            assertThat(api.get("/health", null).status()).as("alive all the same").isEqualTo(200);

            api.node.loadContracts(contracts);
            api.node.markReady();
            TestApi.Reply after = api.get("/ready", null);
            assertThat(after.status()).as(after.toString()).isEqualTo(200);
            assertThat(after.json().path("status").asText()).isEqualTo("ready");
            TestApi.Reply contract = api.get("/v1/contracts/acme-2024", TestApi.token(Role.PROVIDER, "acme-aco"));
            assertThat(contract.status()).as("what /ready promised is there").isEqualTo(200);
        }
    }

    @Test
    void a_node_with_nothing_to_load_is_ready_at_once() throws Exception {
        try (TestApi api = TestApi.onLedger(dir, TestApi.defaults())) {
            assertThat(api.get("/ready", null).status()).isEqualTo(200);
        }
    }
}
