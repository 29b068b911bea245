package org.vbcsettle.settlement.quality;

import org.vbcsettle.contract.QualityIncentive.Measure;
import org.vbcsettle.contract.QualityIncentive.Tier;
import org.vbcsettle.money.Rates;
import org.vbcsettle.settlement.CannotSettle;

import java.math.BigDecimal;

/**
 * How one quality measure scored.
 *
 * @param eligible denominator − exclusions, the figure the minimum denominator is checked against
 * @param scored   whether the measure counts in the composite (enough eligible members)
 * @param rate     numerator / eligible (10 decimals, half-even); null with no eligible member
 * @param points   0..1 earned: the highest tier met, or 1/0 against the target
 * @param met      the target or the top tier is reached and the measure is scored
 * @param weight   the measure's weight (1 when the contract gives none)
 */
record MeasureScore(Measure measure, MeasureCounts counts, long eligible, boolean scored, BigDecimal rate,
                    BigDecimal points, boolean met, BigDecimal weight) {

    static MeasureScore of(String where, Measure m, MeasureCounts c) {
        String field = where + ", measure " + m.id();
        BigDecimal weight = m.weight() == null ? BigDecimal.ONE : m.weight();
        if (weight.signum() < 0) {
            throw new CannotSettle(field + ": weight must not be negative, was " + weight);
        }
        if (c.numerator() < 0 || c.exclusions() < 0 || c.denominator() < 0) {
            throw new CannotSettle(field + ": counts must not be negative: " + c);
        }
        long eligible = c.eligible();
        if (eligible < 0 || c.numerator() > eligible) {
            throw new CannotSettle(field + ": numerator (" + c.numerator() + ") must not exceed denominator − exclusions ("
                    + eligible + ")");
        }
        boolean hasTiers = m.tiers() != null && !m.tiers().isEmpty();
        if (!hasTiers && m.target() == null) {
            throw new CannotSettle(field + ": give a target or tiers");
        }
        if (hasTiers) {
            for (Tier t : m.tiers()) {
                if (t.threshold() == null || t.points() == null || !Rates.between(t.points(), BigDecimal.ZERO, BigDecimal.ONE)) {
                    throw new CannotSettle(field + ": a tier needs a threshold and points in [0, 1], was " + t);
                }
            }
        }
        BigDecimal rate = eligible > 0 ? Rates.ratio(c.numerator(), eligible) : null;
        boolean scored = eligible > 0 && eligible >= m.minimumDenominatorOrDefault();
        if (!scored) {
            return new MeasureScore(m, c, eligible, false, rate, BigDecimal.ZERO, false, weight);
        }
        BigDecimal points;
        boolean met;
        if (hasTiers) {
            BigDecimal top = BigDecimal.ZERO;
            BigDecimal best = null;
            for (Tier t : m.tiers()) {
                top = top.max(t.points());
                if (reaches(m, c.numerator(), eligible, t.threshold()) && (best == null || t.points().compareTo(best) > 0)) {
                    best = t.points();
                }
            }
            points = best == null ? BigDecimal.ZERO : best;
            met = best != null && best.compareTo(top) == 0;
        } else {
            met = reaches(m, c.numerator(), eligible, m.target());
            points = met ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return new MeasureScore(m, c, eligible, true, rate, points, met, weight);
    }

    /**
     * Whether numerator / eligible reaches the threshold (at or above it; at or below for an inverse
     * measure), compared exactly as numerator against threshold × eligible so that no rounding of the rate
     * can decide it.
     */
    static boolean reaches(Measure m, long numerator, long eligible, BigDecimal threshold) {
        int cmp = BigDecimal.valueOf(numerator).compareTo(threshold.multiply(BigDecimal.valueOf(eligible)));
        return m.inverse() ? cmp <= 0 : cmp >= 0;
    }

    MeasureResult toResult() {
        return new MeasureResult(measure.id(), counts.numerator(), counts.denominator(), counts.exclusions(), eligible,
                measure.minimumDenominatorOrDefault(), scored, rate, points, met, weight);
    }
}
