package org.vbcsettle.contract.mssp;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rules of the MSSP that changed from one performance year to the next, in one table ({@link #TABLE}); the
 * rules by track (sharing and loss rates, caps, loss limits) did not change with the year and stand in
 * {@link MsspTerms}. Each entry cites the regulation or the CMS notice it follows.
 *
 * @param firstYear          first performance year of the entry
 * @param lastYear           last performance year of the entry
 * @param quality            how quality performance sets the final sharing rate
 * @param slidingScale       an ACO meeting only the alternative quality performance standard shares at
 *                           rate × quality score (the sliding scale)
 * @param sequestration      payment sequestration as applied when the year's savings were paid
 * @param publicHealthEmergencyLossReduction share of shared losses forgiven because the COVID-19 emergency
 *                           covered every month and every county (null: only a published disaster adjustment)
 * @param reducedSharing     42 CFR 425.605(h) applies (low-revenue BASIC ACOs below the MSR)
 * @param benchmarkGuardrail the benchmark guardrail of 42 CFR 425.652(b)(5)(ii) is read from the PUF
 * @param disasterQuality    the quality floor for an ACO affected by extreme and uncontrollable circumstances
 * @param citation           the regulation or notice each rule of the entry follows
 */
public record MsspProgramYear(int firstYear, int lastYear, Quality quality, boolean slidingScale, BigDecimal sequestration,
                              BigDecimal publicHealthEmergencyLossReduction, boolean reducedSharing, boolean benchmarkGuardrail,
                              DisasterQuality disasterQuality, String citation) {

    /**
     * The quality floor for an ACO affected by extreme and uncontrollable circumstances ({@code DisAffQual}).
     * The PUFs publish the score after the floor (PY2018: the 30 affected ACOs at the floor all show 0.9268, the
     * mean), so the floor is not applied again; where a year's file carries only the flag that the floor was
     * received ({@code Recvd30p}) and no {@code Met_QPS}, receiving it meets the quality standard.
     */
    public enum DisasterQuality {
        /** No quality floor for disasters (before PY2017). */
        NONE,
        /** 42 CFR 425.502(f) (PY2017–2020): the higher of the ACO's own score and the mean score of all ACOs. */
        MEAN_ACO_SCORE,
        /**
         * 42 CFR 425.512(b) (from PY2021): an affected ACO that cannot report, or scores lower, receives the 30th
         * percentile MIPS quality performance category score, which meets the quality performance standard.
         */
        MIPS_30TH_PERCENTILE
    }

    /** How meeting the quality performance standard sets the final sharing rate. */
    public enum Quality {
        /** Final sharing rate = maximum rate × quality score (first-year reporters: score 1). */
        SCALED_BY_SCORE,
        /** Meeting the standard of 42 CFR 425.512 earns the maximum rate, not scaled by the score. */
        FULL_RATE_FOR_STANDARD
    }

    private static final BigDecimal TWO_PERCENT = new BigDecimal("0.02");

    /** The performance years PY2013–PY2024; a later year follows the last entry. */
    public static final List<MsspProgramYear> TABLE = List.of(
            new MsspProgramYear(2013, 2016, Quality.SCALED_BY_SCORE, false, TWO_PERCENT, null, false, false, DisasterQuality.NONE,
                    "quality: 42 CFR 425.604(d), 425.606(d), 425.610(d) (rate × quality score; 425.502 first-year full credit);"
                            + " sequestration: Budget Control Act of 2011, 2% from 2013-04-01"),
            new MsspProgramYear(2017, 2018, Quality.SCALED_BY_SCORE, false, TWO_PERCENT, null, false, false, DisasterQuality.MEAN_ACO_SCORE,
                    "quality: 42 CFR 425.604(d), 425.606(d), 425.610(d) (rate × quality score); disasters: 425.502(f) (the mean"
                            + " ACO quality score as a floor); sequestration: Budget Control Act of 2011, 2%"),
            new MsspProgramYear(2019, 2019, Quality.SCALED_BY_SCORE, false, BigDecimal.ZERO, null, false, false, DisasterQuality.MEAN_ACO_SCORE,
                    "quality: 42 CFR 425.605(d), 425.610(d) as they stood for 2019; sequestration: suspended by the CARES Act"
                            + " §3709 (2020-05-01 to 2022-03-31) when PY2019 was paid"),
            new MsspProgramYear(2020, 2020, Quality.SCALED_BY_SCORE, false, BigDecimal.ZERO, BigDecimal.ONE, false, false, DisasterQuality.MEAN_ACO_SCORE,
                    "quality: 42 CFR 425.605(d), 425.610(d) for 2020; sequestration: CARES Act §3709 suspension; losses:"
                            + " 42 CFR 425.605(f), 425.606(i), 425.610(i) (COVID-19 emergency, every month and county)"),
            new MsspProgramYear(2021, 2022, Quality.FULL_RATE_FOR_STANDARD, false, TWO_PERCENT, BigDecimal.ONE, false, false,
                    DisasterQuality.MIPS_30TH_PERCENTILE,
                    "quality: 42 CFR 425.512(a), CY2021 PFS final rule (85 FR 84472): the standard earns the maximum rate;"
                            + " sequestration: 2% from 2022-07-01 (1% April–June 2022), when PY2021 and PY2022 were paid; losses: 42 CFR 425.605(f), 425.610(i)"),
            new MsspProgramYear(2023, 2023, Quality.FULL_RATE_FOR_STANDARD, true, TWO_PERCENT, null, false, false,
                    DisasterQuality.MIPS_30TH_PERCENTILE,
                    "quality: 42 CFR 425.512(a)(4), CY2023 PFS final rule (87 FR 69777): alternative standard, sliding scale;"
                            + " sequestration 2%; losses: the published disaster adjustment (425.605(f))"),
            new MsspProgramYear(2024, 9999, Quality.FULL_RATE_FOR_STANDARD, true, TWO_PERCENT, null, true, true,
                    DisasterQuality.MIPS_30TH_PERCENTILE,
                    "quality: 42 CFR 425.512(a)(4) sliding scale; 42 CFR 425.605(h) reduced sharing (agreements from 2024);"
                            + " 42 CFR 425.652(b)(5)(ii) benchmark guardrail; sequestration 2%"));

    /** The entry of a performance year (a year before 2013 follows the first entry, a later one the last). */
    public static MsspProgramYear of(int performanceYear) {
        for (MsspProgramYear y : TABLE) {
            if (performanceYear >= y.firstYear() && performanceYear <= y.lastYear()) {
                return y;
            }
        }
        return performanceYear < TABLE.get(0).firstYear() ? TABLE.get(0) : TABLE.get(TABLE.size() - 1);
    }

    public boolean scaledQuality() {
        return quality == Quality.SCALED_BY_SCORE;
    }
}
