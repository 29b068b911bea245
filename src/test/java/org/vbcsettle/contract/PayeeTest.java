package org.vbcsettle.contract;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Payee identity on the contract: TIN 9 digits, NPI with its Luhn check digit (prefix 80840). */
class PayeeTest {
    @Test
    void npiCheckDigit() {
        // 1245319599 is the NPI CMS uses in its check-digit example
        assertThat(Payee.npiProblem("1245319599")).isNull();
        assertThat(Payee.npiProblem("1245319598")).isEqualTo("fails the NPI check digit (expected 9 as the last digit), was '1245319598'");
        assertThat(Payee.npiProblem("124531959")).isEqualTo("must be 10 digits, was '124531959'");
        assertThat(Payee.npiProblem("1234567893")).isNull();
    }

    @Test
    void tin() {
        assertThat(Payee.tinProblem("91-3372058")).isNull();
        assertThat(Payee.tinProblem("913372058")).isNull();
        assertThat(Payee.tinProblem("91-337205")).isEqualTo("must be 9 digits (e.g. 27-5530914), was '91-337205'");
    }

    @Test
    void theValidatorNamesThePayeeField() {
        Contract c = ContractLoader.load(Path.of("contracts/combined-aco.yaml"));
        assertThat(c.payee()).isEqualTo(new Payee("Cascade Care Network ACO", "91-3372058", "1245319599"));
        Contract bad = new Contract(c.id(), c.version(), c.name(), c.payer(), c.provider(), c.performanceStart(), c.performanceEnd(),
                c.arrangements(), c.settlement(), new Payee("X", "12", "1245319598"));
        assertThat(ContractValidator.problems(bad, "c.yaml")).extracting(ContractProblem::toString).containsExactly(
                "c.yaml: payee.tin: must be 9 digits (e.g. 27-5530914), was '12'",
                "c.yaml: payee.npi: fails the NPI check digit (expected 9 as the last digit), was '1245319598'");
    }
}
