package org.vbcsettle.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {

    @Test
    void theShippedContractsPass() {
        CliRun r = CliRun.of("validate", "contracts");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("contracts/mssp-basic-e.yaml: ok (lakeshore-aco-basic-e v1, 1 arrangement(s))")
                .contains("6 contract file(s) checked, 0 with errors, 0 error(s)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void brokenContractsFailWithEveryPreciseMessage() {
        CliRun r = CliRun.of("validate", "contracts/hedis-p4p.yaml", "src/test/resources/contracts-broken");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("contracts/hedis-p4p.yaml: ok");
        assertThat(r.err().lines()).contains(
                "src/test/resources/contracts-broken/acme.yaml: arrangements[0].sharingRate: must be between 0 and 1, was 1.5",
                "src/test/resources/contracts-broken/acme.yaml: arrangements[1].type: unknown value 'capitation' (one of: shared-savings, bundled-payment, quality-incentive)",
                "src/test/resources/contracts-broken/bad-date.json: performanceStart: must be a date (YYYY-MM-DD), was '2024-02-30'",
                "4 contract file(s) checked, 3 with errors, 19 error(s)");
    }

    @Test
    void aMissingPathIsAnError() {
        CliRun r = CliRun.of("validate", "contracts/none.yaml");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("contracts/none.yaml: no such file or directory");
    }
}
