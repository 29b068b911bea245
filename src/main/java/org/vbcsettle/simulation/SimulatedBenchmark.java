package org.vbcsettle.simulation;

import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.sharedsavings.SharedSavingsCalculator;

import java.math.BigDecimal;

/**
 * The total benchmark of a simulated year, from the contract's benchmark terms and the year's drawn
 * member-months and average risk score, by the settlement's own rules
 * ({@link SharedSavingsCalculator#pmpmBenchmark}, {@link SharedSavingsCalculator#riskFactor}). A scenario may
 * replace a contract's benchmark by a PMPM (a fixed total was set for the contract's population, not for the
 * simulated one); that plays the part of a benchmark the payer reports for the period.
 */
final class SimulatedBenchmark {

    private SimulatedBenchmark() {
    }

    static Money total(SharedSavings ss, Scenario.BenchmarkInputs inputs, long memberMonths, BigDecimal averageRisk) {
        if (inputs.pmpm() != null) {
            return inputs.pmpm().timesExact(memberMonths);
        }
        SharedSavings.Benchmark b = ss.benchmark();
        if (b instanceof SharedSavings.Benchmark.Total t) {
            return t.amount();
        }
        SharedSavings.Benchmark.Pmpm p = (SharedSavings.Benchmark.Pmpm) b;
        BigDecimal trend = p.trend() == null ? BigDecimal.ZERO : p.trend();
        int years = p.trendYears() == null ? 0 : p.trendYears(); // as the settlement reads it
        return SharedSavingsCalculator.pmpmBenchmark(p.baselinePmpm(), trend, years,
                SharedSavingsCalculator.riskFactor(p.riskAdjustment(), averageRisk), memberMonths);
    }
}
