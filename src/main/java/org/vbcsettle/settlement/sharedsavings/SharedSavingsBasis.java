package org.vbcsettle.settlement.sharedsavings;

import org.vbcsettle.money.Money;

import java.math.BigDecimal;

/**
 * Where the figures of a shared-savings settlement came from when they were derived from claims and
 * attribution (null on a result computed from aggregate figures).
 *
 * @param assignedReported assigned beneficiaries as reported by the payer (else the distinct attributed members)
 * @param qualitySource    "reported", "composite of &lt;arrangement&gt;", or null when the terms have no quality rule
 */
public record SharedSavingsBasis(BenchmarkBasis benchmark, ExpenditureBasis expenditure, boolean assignedReported,
                                 String qualitySource) {

    public enum BenchmarkSource { REPORTED, CONTRACT_TOTAL, PRORATED_TOTAL, PMPM }

    /**
     * @param annual       a total set by the contract, before pro-rating (null otherwise)
     * @param periodMonths months of the settlement period (pro-rated total)
     * @param yearMonths   months of the performance period (pro-rated total)
     */
    public record BenchmarkBasis(BenchmarkSource source, Money amount, Money annual, long periodMonths, long yearMonths,
                                 Money baselinePmpm, BigDecimal trend, int trendYears, BigDecimal riskFactor,
                                 BigDecimal averageRiskScore, long memberMonths) {
    }

    /**
     * @param truncation    the cap per member per calendar year (null: none)
     * @param truncatedAway spend above the cap
     * @param paid          paid after truncation, before completion
     */
    public record ExpenditureBasis(long claimsCounted, int membersWithSpend, Money truncation, Money truncatedAway, Money paid,
                                   BigDecimal completionFactor, Money expenditure) {
    }
}
