package org.vbcsettle.contract.mssp;

import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The {@link SharedSavings} terms of an MSSP ACO for one performance year and track, as 42 CFR 425 sets them
 * (the rules in force for PY2024 are used for any later year):
 *
 * <table>
 * <caption>sharing, caps and losses by track</caption>
 * <tr><th>track</th><th>max sharing</th><th>cap (of benchmark)</th><th>shared loss rate</th><th>loss limit</th></tr>
 * <tr><td>Track 1</td><td>50%</td><td>10%</td><td>—</td><td>—</td></tr>
 * <tr><td>Track 2</td><td>60%</td><td>15%</td><td>1 − 0.6 × quality, 40–60%</td><td>5% / 7.5% / 10% of benchmark in agreement year 1 / 2 / 3+</td></tr>
 * <tr><td>Track 1+</td><td>50%</td><td>10%</td><td>30%</td><td>8% of revenue, at most 4% of benchmark</td></tr>
 * <tr><td>Track 3 / ENHANCED</td><td>75%</td><td>20%</td><td>1 − 0.75 × quality, 40–75%</td><td>15% of benchmark</td></tr>
 * <tr><td>BASIC A, B</td><td>40%</td><td>10%</td><td>—</td><td>—</td></tr>
 * <tr><td>BASIC C / D / E</td><td>50%</td><td>10%</td><td>30%</td><td>2% / 4% / 8% of revenue, at most 1% / 2% / 4% of benchmark</td></tr>
 * </table>
 *
 * <p>What changed with the performance year (quality scaling or the full rate, the sliding scale, sequestration
 * as applied when the year was paid, the COVID-19 loss reduction, 425.605(h), the guardrail) is the table of
 * {@link MsspProgramYear}, each entry citing its rule. The quality standards are percentiles of MIPS scores, not
 * fixed numbers, so the terms carry no thresholds: the reported flags decide.
 */
public final class MsspTerms {

    private MsspTerms() {
    }

    /**
     * @param id              arrangement id (e.g. the ACO id)
     * @param performanceYear the calendar performance year
     * @param track           the ACO's track that year
     * @param minimumRate     the MSR (and, two-sided, the MLR): the CMS table or a fixed choice
     * @param agreementStart  first day of the current agreement period (null: unknown)
     * @param benchmark       the updated benchmark (total); null: none (a contract document gives its own)
     */
    public static SharedSavings of(String id, int performanceYear, MsspTrack track, MinimumRate minimumRate,
                                   LocalDate agreementStart, Money benchmark) {
        BigDecimal sharing = maxSharing(track);
        BigDecimal cap = cap(track);
        SharedSavings.Downside downside = downside(track, minimumRate, agreementYear(performanceYear, agreementStart));
        MsspProgramYear rules = MsspProgramYear.of(performanceYear);
        // scaled years: meeting the standard is the terms' scaled tier (rate × score), so no full-rate standard
        SharedSavings.QualityRule quality = rules.scaledQuality()
                ? new SharedSavings.QualityRule(null, null, BigDecimal.ZERO)
                : new SharedSavings.QualityRule(null, null, null);
        SharedSavings.LowRevenueReducedSharing reduced = null;
        if (track.basic() && !track.twoSided() && rules.reducedSharing() && agreementStart != null) {
            // one-sided BASIC levels (A, B) only, as the contract rule SharedSavingsTermsCheck states it
            reduced = new SharedSavings.LowRevenueReducedSharing(agreementStart,
                    SharedSavings.LowRevenueReducedSharing.REGULATION_MINIMUM_ASSIGNED, new BigDecimal("0.5"));
        }
        return new SharedSavings(id, benchmark == null ? null : new SharedSavings.Benchmark.Total(benchmark), minimumRate, sharing, quality, cap,
                rules.sequestration(), null, downside, reduced);
    }

    private static BigDecimal maxSharing(MsspTrack track) {
        return new BigDecimal(switch (track) {
            case TRACK_1, TRACK_1_PLUS, BASIC_C, BASIC_D, BASIC_E -> "0.50";
            case TRACK_2 -> "0.60";
            case ENHANCED -> "0.75";
            case BASIC_A, BASIC_B -> "0.40";
        });
    }

    private static BigDecimal cap(MsspTrack track) {
        return new BigDecimal(switch (track) {
            case TRACK_2 -> "0.15";
            case ENHANCED -> "0.20";
            default -> "0.10";
        });
    }

    /** The loss side of the two-sided tracks; null for the one-sided ones. */
    private static SharedSavings.Downside downside(MsspTrack track, MinimumRate minimumRate, int agreementYear) {
        return switch (track) {
            case TRACK_1, BASIC_A, BASIC_B -> null;
            case TRACK_2 -> downside(minimumRate,
                    new SharedSavings.LossRate.QualityScaled(new BigDecimal("0.60"), new BigDecimal("0.40"), new BigDecimal("0.60")),
                    new SharedSavings.LossLimit(null, track2LossLimit(agreementYear)));
            case TRACK_1_PLUS -> downside(minimumRate, new SharedSavings.LossRate.Fixed(new BigDecimal("0.30")),
                    new SharedSavings.LossLimit(new BigDecimal("0.08"), new BigDecimal("0.04")));
            case ENHANCED -> downside(minimumRate,
                    new SharedSavings.LossRate.QualityScaled(new BigDecimal("0.75"), new BigDecimal("0.40"), new BigDecimal("0.75")),
                    new SharedSavings.LossLimit(null, new BigDecimal("0.15")));
            case BASIC_C -> basicDownside(minimumRate, "0.02", "0.01");
            case BASIC_D -> basicDownside(minimumRate, "0.04", "0.02");
            case BASIC_E -> basicDownside(minimumRate, "0.08", "0.04");
        };
    }

    /**
     * The performance year's place in the agreement period, 1-based. ACOs that started on 2012-04-01 or
     * 2012-07-01 had a first performance year that ran to 2013-12-31, so a start after January counts from the
     * following year. Unknown start: 3 (the largest Track 2 loss limit).
     */
    public static int agreementYear(int performanceYear, LocalDate agreementStart) {
        if (agreementStart == null) {
            return 3;
        }
        int first = agreementStart.getMonthValue() == 1 ? agreementStart.getYear() : agreementStart.getYear() + 1;
        return Math.max(1, performanceYear - first + 1);
    }

    private static BigDecimal track2LossLimit(int agreementYear) {
        return agreementYear <= 1 ? new BigDecimal("0.05") : agreementYear == 2 ? new BigDecimal("0.075") : new BigDecimal("0.10");
    }

    private static SharedSavings.Downside basicDownside(MinimumRate rate, String percentOfRevenue, String percentOfBenchmark) {
        return downside(rate, new SharedSavings.LossRate.Fixed(new BigDecimal("0.30")),
                new SharedSavings.LossLimit(new BigDecimal(percentOfRevenue), new BigDecimal(percentOfBenchmark)));
    }

    private static SharedSavings.Downside downside(MinimumRate rate, SharedSavings.LossRate lossRate, SharedSavings.LossLimit limit) {
        return new SharedSavings.Downside(rate, lossRate, limit, Boolean.TRUE);
    }
}
