package org.vbcsettle.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.Mappers;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rates are BigDecimal in the running totals and plain decimal strings on the wire (never exponent form). */
class ArrangementTotalsJsonTest {

    @Test
    void ratesAreWrittenAsPlainDecimalStringsAndReadBack() throws Exception {
        ArrangementTotals.Savings savings = new ArrangementTotals.Savings(Money.ofDollars(100), Money.ofDollars(99), Money.ofDollars(1),
                new BigDecimal("0.0000001234"), new BigDecimal("0.020000000000"), false, BigDecimal.ZERO, Money.ZERO, null, null,
                12L, 1L, new BigDecimal("0.85"));
        ArrangementTotals.Measure measure = new ArrangementTotals.Measure("CBP", new BigDecimal("0.6666666667"), null,
                List.of(new BigDecimal("0.60"), new BigDecimal("0.70")), false, 2, 3, 2, true, false);
        ArrangementTotals totals = new ArrangementTotals("ss", "shared-savings", Money.ZERO, savings,
                new ArrangementTotals.Quality(List.of(measure), new BigDecimal("0.500000"), BigDecimal.ZERO, true, Money.ZERO), null);
        JsonNode json = Mappers.json().valueToTree(totals);
        assertThat(json.path("sharedSavings").path("savingsRate").textValue()).isEqualTo("0.0000001234");
        assertThat(json.path("sharedSavings").path("minimumSavingsRate").textValue()).isEqualTo("0.020000000000");
        assertThat(json.path("sharedSavings").path("finalSharingRate").textValue()).isEqualTo("0");
        assertThat(json.path("quality").path("composite").textValue()).isEqualTo("0.500000");
        assertThat(json.path("quality").path("measures").get(0).path("tierThresholds").get(1).textValue()).isEqualTo("0.70");
        assertThat(json.path("sharedSavings").path("benchmark").longValue()).isEqualTo(10_000);
        assertThat(Mappers.json().treeToValue(json, ArrangementTotals.class)).isEqualTo(totals);
    }
}
