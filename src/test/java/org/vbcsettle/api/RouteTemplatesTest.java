package org.vbcsettle.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The metrics' route label: a path of the OpenAPI document, parameters matching one non-empty segment. */
class RouteTemplatesTest {

    private static final RouteTemplates T = RouteTemplates.of("""
            paths:
              /health:
                get: {}
              /v1/contracts:
                get: {}
              /v1/contracts/{contractId}:
                get: {}
              /v1/contracts/{contractId}/totals:
                get: {}
              /v1/contracts/{contractId}/payouts/{payoutKey}/status:
                post: {}
            """);

    @Test
    void paths_map_to_their_template_and_nothing_else_matches() {
        assertThat(T.templateOf("/health")).isEqualTo("/health");
        assertThat(T.templateOf("/health/")).isEqualTo("/health");
        assertThat(T.templateOf("/v1/contracts")).isEqualTo("/v1/contracts");
        assertThat(T.templateOf("/v1/contracts/c-1")).isEqualTo("/v1/contracts/{contractId}");
        assertThat(T.templateOf("/v1/contracts/c-1/totals")).isEqualTo("/v1/contracts/{contractId}/totals");
        assertThat(T.templateOf("/v1/contracts/c-1/payouts/k:1/status")).isEqualTo("/v1/contracts/{contractId}/payouts/{payoutKey}/status");

        assertThat(T.templateOf("/v1/contracts//totals")).isEqualTo(RouteTemplates.UNMATCHED);
        assertThat(T.templateOf("/v1/contracts/c-1/totals/x")).isEqualTo(RouteTemplates.UNMATCHED);
        assertThat(T.templateOf("/v1/contracts/c-1/total")).isEqualTo(RouteTemplates.UNMATCHED);
        assertThat(T.templateOf("/healthz")).isEqualTo(RouteTemplates.UNMATCHED);
        assertThat(T.templateOf("/")).isEqualTo(RouteTemplates.UNMATCHED);
        assertThat(T.templateOf("")).isEqualTo(RouteTemplates.UNMATCHED);
        assertThat(T.templateOf("health")).isEqualTo(RouteTemplates.UNMATCHED);
    }
}
