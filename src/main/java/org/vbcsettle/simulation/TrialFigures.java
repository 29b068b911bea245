package org.vbcsettle.simulation;

import java.math.BigDecimal;

/**
 * The aggregates of one drawn performance year: everything the calculators are called with. Money in
 * cents; counts per measure indexed like {@link SimulationModel#measureIds}; episode spend per episode type
 * indexed like {@link SimulationModel#episodeTypes}.
 *
 * @param members            distinct members attributed at some point of the year (assigned beneficiaries)
 * @param riskMilliMonths    Σ risk score (in thousandths) × months: the member-month weighted risk total
 * @param claimsCents        paid claims of all member-months (before any truncation)
 * @param truncatedCents     the same with each member's cost capped, one entry per distinct cap
 * @param trendRate          the trial's drawn cost trend
 * @param qualityScore       the trial's drawn reported quality score (null: none needed)
 * @param episodeSpendCents  per episode type, the spend of each drawn episode
 */
public record TrialFigures(long members, long memberMonths, long riskMilliMonths, long claimsCents,
                           long[] truncatedCents, double trendRate, BigDecimal qualityScore,
                           long[] numerators, long[] denominators, long[] exclusions,
                           long[][] episodeSpendCents) {

    public long episodeCount() {
        long n = 0;
        for (long[] e : episodeSpendCents) {
            n += e.length;
        }
        return n;
    }

    public long episodeSpendTotalCents() {
        long s = 0;
        for (long[] e : episodeSpendCents) {
            for (long c : e) {
                s = Math.addExact(s, c);
            }
        }
        return s;
    }
}
