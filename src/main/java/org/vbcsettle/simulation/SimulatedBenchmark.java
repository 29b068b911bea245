package org.vbcsettle.simulation;

import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rates;
import org.vbcsettle.money.Rounding;

import java.math.BigDecimal;

/**
 * The total benchmark of a simulated year, from the contract's benchmark terms and the year's drawn
 * member-months and risk. A scenario may replace a contract's fixed total by a PMPM (the contract's total
 * was set for its own population, not for the simulated one).
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
        int years = p.trendYears() == null ? 1 : p.trendYears();
        BigDecimal factor = BigDecimal.ONE.add(trend).pow(years, Rates.MC).multiply(riskFactor(p.riskAdjustment(), averageRisk), Rates.MC);
        // benchmark = baseline PMPM × trend factor × risk factor × member-months, rounded once at the end
        return p.baselinePmpm().timesExact(memberMonths).times(factor, Rounding.NEAREST_CENT);
    }

    static BigDecimal riskFactor(SharedSavings.RiskAdjustment ra, BigDecimal averageRisk) {
        if (ra == null) {
            return BigDecimal.ONE;
        }
        if (ra.factor() != null) {
            return ra.factor();
        }
        BigDecimal f = averageRisk.divide(ra.baselineRiskScore(), Rates.MC);
        if (ra.cap() != null) {
            f = Rates.clamp(f, BigDecimal.ONE.subtract(ra.cap()), BigDecimal.ONE.add(ra.cap()));
        }
        return f;
    }
}
