package org.vbcsettle.ingest.mssp;

import org.vbcsettle.money.Money;
import org.vbcsettle.contract.mssp.MsspTrack;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The settlement inputs of one ACO in a CMS MSSP PUF, and CMS's published answer. Rates are fractions.
 *
 * @param line                      physical line of the row in the file (1-based; the header is line 1)
 * @param minimumSavingsRate        {@code MinSavPerc}: the MSR/MLR that applied (null: not in the file)
 * @param minimumSavingsRateHalfStep half of the last printed decimal of {@code MinSavPerc}, as a fraction
 * @param qualityScore              {@code QualScore} as a fraction (null: blank or pay-for-reporting)
 * @param qualityScoreHalfStep      half of the last printed decimal of the column, as a fraction (0: exact)
 * @param payForReporting           {@code QualScore} printed as {@code P4R}, or blank: a first-year ACO that
 *                                  reported quality gets full credit
 * @param metQps                    {@code Met_QPS} (null: no such column); from PY2022 read from the other
 *                                  {@code Met_*} flags when the file has no {@code Met_QPS}
 * @param metAltQps                 {@code Met_AltQPS} (null: no such column)
 * @param lowRevenue                {@code Rev_Exp_Cat} says low revenue (null: not in the file)
 * @param disasterAdjustment        {@code DisAdj}: the published reduction of shared losses for extreme and
 *                                  uncontrollable circumstances, as a positive amount (null: none)
 * @param publishedEarned           {@code EarnSaveLoss}: positive paid to the ACO, negative owed by it
 * @param guardrail                 PY2024 {@code Guardrail}: the benchmark guardrail of 42 CFR 425.652(b)(5)(ii)
 *                                  applies (a flag, or expenditures below the recalculated benchmark the column
 *                                  gives); null: no such column
 */
public record MsspPufRow(
        int line,
        String acoId,
        int performanceYear,
        long assigned,
        Money benchmark,
        Money expenditure,
        BigDecimal minimumSavingsRate,
        BigDecimal minimumSavingsRateHalfStep,
        MsspTrack track,
        LocalDate agreementStart,
        BigDecimal qualityScore,
        BigDecimal qualityScoreHalfStep,
        boolean payForReporting,
        Boolean metQps,
        Boolean metAltQps,
        Boolean lowRevenue,
        Money participantRevenue,
        Money disasterAdjustment,
        Money publishedEarned,
        Boolean guardrail) {
}
