package org.vbcsettle.settlement;

import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.bundled.BundledPaymentCalculator;
import org.vbcsettle.settlement.bundled.EpisodeOutcome;
import org.vbcsettle.settlement.sharedsavings.SharedSavingsCalculator;
import org.vbcsettle.settlement.sharedsavings.SharedSavingsFigures;
import org.vbcsettle.settlement.sharedsavings.SharedSavingsResult;

import java.math.BigDecimal;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatementRendererTest {

    static Statement sample() {
        LineItem savings = LineItem.builder("Savings").input("benchmark", Money.ofDollars(1_000_000)).input("expenditure", Money.ofDollars(950_000))
                .formula("benchmark - expenditure").money(Money.ofDollars(50_000));
        LineItem rate = LineItem.builder("Savings rate").formula("savings / benchmark").result("5%");
        LineItem longLabel = LineItem.builder("A label far too long to fit into the label column of the table").result("x");
        // $50,000 savings × 50% × (1 − 2% sequestration) = $24,500
        SharedSavings terms = new SharedSavings("ss", new SharedSavings.Benchmark.Total(Money.ofDollars(1_000_000)),
                new MinimumRate.Fixed(new BigDecimal("0.02")), new BigDecimal("0.50"), null, null, new BigDecimal("0.02"), null, null, null);
        SharedSavingsResult figures = SharedSavingsCalculator.compute(terms, new SharedSavingsFigures(Money.ofDollars(1_000_000),
                Money.ofDollars(950_000), 100, 1_200, null, null, null, null, null, false)).orElseThrow();
        ArrangementResult a = ArrangementResult.of("ss", "shared-savings", figures, List.of(savings, rate, longLabel));
        // one episode $10.50 over its $1,000 target: repayment −$10.50
        BundledPayment bundle = new BundledPayment("q", List.of(), null, null, null, null);
        EpisodeOutcome episode = new EpisodeOutcome("q-e1", "m1", "MJRLE", "c1", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 5, 30),
                Money.ofCents(101_050), Money.ofCents(100_000), true);
        ArrangementResult q = BundledPaymentCalculator.computeWithLineItems(bundle, List.of(episode), null).orElseThrow();
        return new Statement("acme", 2, "2024", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), Statement.Kind.FINAL, 0,
                List.of(a, q), Money.ofCents(2_448_950));
    }

    @Test
    void jsonCarriesCentsAndRoundTrips() {
        String json = StatementRenderer.json(sample());
        assertThat(json).contains("\"total\" : 2448950").contains("\"amountCents\" : 5000000").contains("\"periodStart\" : \"2024-01-01\"")
                .contains("\"kind\" : \"FINAL\"");
        assertThat(StatementRenderer.fromJson(json)).isEqualTo(sample());
    }

    @Test
    void textTableShowsEveryLineItemItsInputsAndTheTotal() {
        String text = StatementRenderer.text(sample());
        List<String> lines = text.lines().collect(java.util.stream.Collectors.toList());
        assertThat(lines.get(0)).isEqualTo("Final settlement statement");
        assertThat(text).contains("Contract                      acme (version 2)")
                .contains("Period                        2024 (2024-01-01 to 2024-12-31)")
                .contains("Arrangement ss (shared-savings)");
        // label column 46 wide, result right-aligned in 22
        assertThat(lines).contains(String.format("%-46s%22s  %s", "  Savings", "$50,000.00", "benchmark - expenditure"),
                "      benchmark = $1,000,000.00",
                String.format("%-46s%22s", "  Amount of ss", "$24,500.00"),
                String.format("%-46s%22s", "  Amount of q", "-$10.50"),
                "  A label far too long to fit into the label column of the table",
                String.format("%-46s%22s  %s", "Total", "$24,489.50", "payer pays the provider"));
        assertThat(lines.stream().mapToInt(String::length).max().orElse(0)).isLessThanOrEqualTo(StatementRenderer.WIDTH);
    }
}
