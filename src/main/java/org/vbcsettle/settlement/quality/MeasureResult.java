package org.vbcsettle.settlement.quality;

import java.math.BigDecimal;

/**
 * How one quality measure scored.
 *
 * @param eligible           denominator − exclusions, the figure the minimum denominator is checked against
 * @param minimumDenominator the contract's minimum of eligible members for the measure to be scored
 * @param scored             the measure counts in the composite (enough eligible members)
 * @param rate               numerator ÷ eligible (10 decimals, half-even); null with no eligible member
 * @param points             0..1 earned: the highest tier met, or 1/0 against the target
 * @param met                the target or the top tier is reached and the measure is scored: the benchmark
 *                           that triggers the measure's payout
 * @param weight             the measure's weight (1 when the contract gives none)
 */
public record MeasureResult(String measureId, long numerator, long denominator, long exclusions, long eligible,
                            int minimumDenominator, boolean scored, BigDecimal rate, BigDecimal points, boolean met,
                            BigDecimal weight) {
}
