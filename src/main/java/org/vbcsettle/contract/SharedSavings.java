package org.vbcsettle.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;

/**
 * Shared savings (and optionally shared losses) against a spending benchmark, after 42 CFR 425 (MSSP),
 * parameterised so that commercial ACO deals use the same engine with other numbers.
 *
 * @param benchmark             the expected spend for the attributed population
 * @param minimumSavingsRate    savings count only when savings / benchmark reaches it
 * @param sharingRate           the maximum (final, quality standard met) sharing rate, e.g. 0.50
 * @param quality               how quality performance scales the sharing rate (null: no quality gate)
 * @param savingsCap            earned savings are capped at this share of the benchmark, e.g. 0.10
 * @param sequestration         payment sequestration applied to earned savings, e.g. 0.02 (MSSP)
 * @param truncation            optional per-member annual spend truncation (MSSP caps outliers)
 * @param downside              shared losses; null for a one-sided (upside-only) deal
 * @param lowRevenueReducedSharing 42 CFR 425.605(h): low-revenue BASIC ACO that misses the MSR
 */
public record SharedSavings(
        String id,
        Benchmark benchmark,
        MinimumRate minimumSavingsRate,
        BigDecimal sharingRate,
        QualityRule quality,
        BigDecimal savingsCap,
        BigDecimal sequestration,
        Money truncation,
        Downside downside,
        LowRevenueReducedSharing lowRevenueReducedSharing) implements Arrangement {

    /** The spending benchmark. */
    @ChosenByMethod
    @JsonSubTypes({@JsonSubTypes.Type(value = Benchmark.Total.class, name = "total"), @JsonSubTypes.Type(value = Benchmark.Pmpm.class, name = "pmpm")})
    public sealed interface Benchmark {
        /** A total benchmark set by the payer (MSSP: the updated benchmark × person-years). */
        record Total(Money amount) implements Benchmark {
        }

        /**
         * Baseline PMPM trended forward and risk adjusted, times the period's member-months:
         * benchmark = baselinePmpm × (1 + trend)^trendYears × riskFactor × memberMonths.
         *
         * @param riskAdjustment null: no risk adjustment
         */
        record Pmpm(Money baselinePmpm, BigDecimal trend, Integer trendYears, RiskAdjustment riskAdjustment)
                implements Benchmark {
        }
    }

    /**
     * Risk adjustment of a PMPM benchmark.
     *
     * @param factor             a fixed factor agreed in advance; or null to use the attributed population's
     *                           average risk score divided by {@code baselineRiskScore}
     * @param baselineRiskScore  the baseline population's average risk score
     * @param cap                optional bound on the change, e.g. 0.03 keeps the factor within [0.97, 1.03]
     *                           (the MSSP 3% cap on risk score growth)
     */
    public record RiskAdjustment(BigDecimal factor, BigDecimal baselineRiskScore, BigDecimal cap) {
    }

    /**
     * How quality performance gates and scales the sharing rate (42 CFR 425.512 / 425.605(d)):
     * quality standard met: full rate; only the alternative standard met: rate × quality score;
     * neither: no shared savings (and, for a quality-scaled loss rate, the loss rate's ceiling).
     *
     * @param sourceArrangement id of a quality-incentive arrangement of the same contract whose composite
     *                          score is the quality score; null when the score is reported as an input
     * @param standard          a composite score at or above this meets the quality performance standard
     * @param alternative       a composite score at or above this meets only the alternative standard
     *                          (null: no alternative standard)
     */
    public record QualityRule(String sourceArrangement, BigDecimal standard, BigDecimal alternative) {
    }

    /**
     * Two-sided risk.
     *
     * @param minimumLossRate losses count only when losses / benchmark reaches it
     * @param lossRate        share of losses the provider owes
     * @param lossLimit       cap on what the provider owes
     * @param disasterAdjustment whether losses are reduced for extreme and uncontrollable circumstances
     *                        (42 CFR 425.605(f)) by the share of the year and of members affected
     */
    public record Downside(MinimumRate minimumLossRate, LossRate lossRate, LossLimit lossLimit, Boolean disasterAdjustment) {
    }

    /** The shared loss rate. */
    @ChosenByMethod
    @JsonSubTypes({@JsonSubTypes.Type(value = LossRate.Fixed.class, name = "fixed"), @JsonSubTypes.Type(value = LossRate.QualityScaled.class, name = "quality-scaled")})
    public sealed interface LossRate {
        /** e.g. 0.30 (BASIC levels C–E). */
        record Fixed(BigDecimal rate) implements LossRate {
        }

        /** rate = 1 − k × quality score, within [floor, ceiling] (ENHANCED: k 0.75, 40%–75%). */
        record QualityScaled(BigDecimal k, BigDecimal floor, BigDecimal ceiling) implements LossRate {
        }
    }

    /**
     * Cap on shared losses: {@code percentOfRevenue} of the provider's participant revenue, capped at
     * {@code percentOfBenchmark} of the benchmark; or, with no revenue percentage, {@code percentOfBenchmark}
     * alone (ENHANCED: 15% of benchmark).
     */
    public record LossLimit(BigDecimal percentOfRevenue, BigDecimal percentOfBenchmark) {
    }

    /**
     * 42 CFR 425.605(h): for agreement periods starting on or after 2024-01-01, a low-revenue ACO in the
     * BASIC track that has savings but misses the MSR can still share savings at a reduced rate.
     *
     * @param agreementStart      first day of the ACO's agreement period (the rule applies from 2024-01-01)
     * @param minimumAssigned     minimum assigned beneficiaries (regulation: 5,000)
     * @param sharingRateFactor   share of the final sharing rate (425.605(h)(2): one half; the savings cap is not reduced)
     */
    public record LowRevenueReducedSharing(java.time.LocalDate agreementStart, Integer minimumAssigned,
                                           BigDecimal sharingRateFactor) {
        /** 42 CFR 425.605(h)(1): the rule needs at least 5,000 assigned beneficiaries. */
        public static final int REGULATION_MINIMUM_ASSIGNED = 5_000;
    }

    @Override
    public String typeName() {
        return "shared-savings";
    }
}
