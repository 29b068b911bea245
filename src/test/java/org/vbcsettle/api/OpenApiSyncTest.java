package org.vbcsettle.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbcsettle.api.auth.Role;
import org.vbcsettle.api.routes.OpenApiRoutes;
import org.vbcsettle.contract.Mappers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code openapi.yaml} and the routes in step: every documented path and method is answered by a
 * route (not the router's 404 or 405), and every method a documented path does not list is refused with
 * 405. The document served at /v1/openapi.yaml is the resource.
 */
class OpenApiSyncTest {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    @TempDir
    static Path dir;
    static TestApi api;
    static final String ADMIN = TestApi.token(Role.ADMIN, null);

    @BeforeAll
    static void start() throws Exception {
        api = TestApi.onLedger(dir, TestApi.defaults());
        assertThat(api.send("POST", "/v1/contracts", ADMIN, "application/yaml",
                Fixtures.contractYaml("acme-2024", "blue-payer", "acme-aco")).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    static JsonNode document() throws Exception {
        return Mappers.yaml().readTree(OpenApiRoutes.load());
    }

    static String concrete(String template) {
        return template.replace("{contractId}", "acme-2024").replace("{payoutKey}", "acme-2024%7Csettlement.final%7C2024").replace("{period}", "2024");
    }

    /** Whether the router itself refused: no route for the path (404) or not for the method (405). */
    static boolean routerRefused(TestApi.Reply r) {
        if (r.status() == 405) {
            return true;
        }
        return r.status() == 404 && r.json().path("type").asText().endsWith("/http-404");
    }

    @Test
    void every_documented_operation_is_routed() throws Exception {
        List<String> unrouted = new ArrayList<>();
        int operations = 0;
        Iterator<Map.Entry<String, JsonNode>> paths = document().path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (String m : METHODS) {
                if (!p.getValue().has(m.toLowerCase())) {
                    continue;
                }
                operations++;
                TestApi.Reply r = api.send(m, concrete(p.getKey()), ADMIN, m.equals("GET") ? null : "application/json", m.equals("GET") ? null : "{}");
                if (routerRefused(r)) {
                    unrouted.add(m + " " + p.getKey() + " -> " + r.status());
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(16);
        assertThat(unrouted).isEmpty();
    }

    @Test
    void every_undocumented_method_on_a_documented_path_is_405() throws Exception {
        List<String> extra = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document().path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (String m : METHODS) {
                if (p.getValue().has(m.toLowerCase())) {
                    continue;
                }
                TestApi.Reply r = api.send(m, concrete(p.getKey()), ADMIN, m.equals("GET") ? null : "application/json", m.equals("GET") ? null : "{}");
                if (r.status() != 405) {
                    extra.add(m + " " + p.getKey() + " -> " + r.status());
                }
            }
        }
        assertThat(extra).isEmpty();
    }

    @Test
    void paths_next_to_documented_ones_are_not_routed() throws Exception {
        for (String path : Set.of("/v1", "/v1/contracts/acme-2024/nothing", "/v1/contracts/acme-2024/totals/extra",
                "/v1/payouts/x", "/v2/contracts", "/openapi.yaml")) {
            TestApi.Reply r = api.get(path, ADMIN);
            assertThat(r.status()).as(path + ": " + r).isEqualTo(404);
        }
    }

    /** The totals a provider reads are documented field by field (top level and per arrangement). */
    @Test
    void totals_fields_are_the_documented_ones() throws Exception {
        JsonNode schemas = document().path("components").path("schemas");
        JsonNode totals = api.get("/v1/contracts/acme-2024/totals", ADMIN).json();
        assertThat(names(totals)).containsExactlyInAnyOrderElementsOf(names(schemas.path("Totals").path("properties")));
        JsonNode arrangement = totals.path("arrangements").get(0);
        assertThat(arrangement.path("arrangementId").asText()).isEqualTo("hedis");
        assertThat(names(arrangement)).containsExactlyInAnyOrderElementsOf(names(schemas.path("ArrangementTotals").path("properties")));
        assertThat(names(arrangement.path("quality"))).containsExactlyInAnyOrderElementsOf(
                names(schemas.path("ArrangementTotals").path("properties").path("quality").path("properties")));
    }

    static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void the_served_document_is_the_resource() throws Exception {
        TestApi.Reply r = api.get("/v1/openapi.yaml", ADMIN);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/yaml");
        assertThat(r.body()).isEqualTo(new String(OpenApiRoutes.load(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(api.get("/v1/openapi.yaml", null).status()).isEqualTo(401);
    }
}
