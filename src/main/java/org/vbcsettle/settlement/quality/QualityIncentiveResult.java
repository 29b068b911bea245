package org.vbcsettle.settlement.quality;

import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.ArrangementFigures;
import org.vbcsettle.settlement.Benchmark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a quality-incentive settlement.
 *
 * @param paid             paid claims of attributed members, for a percent-of-paid bonus (null otherwise)
 * @param memberMonths     attributed member-months (PMPM bonus)
 * @param measures         every measure of the terms, in contract order
 * @param weightedPoints   Σ weight × points over the scored measures
 * @param weightSum        Σ weight over the scored measures
 * @param composite        the weighted composite, {@link QualityIncentiveCalculator#COMPOSITE_SCALE} decimals
 * @param minimumComposite the bonus gate (0 when the contract sets none)
 * @param gateMet          composite ≥ minimum composite
 * @param bonus            the bonus, the arrangement's amount
 */
public record QualityIncentiveResult(PaidClaims paid, long memberMonths, List<MeasureResult> measures,
                                     BigDecimal weightedPoints, BigDecimal weightSum, BigDecimal composite,
                                     BigDecimal minimumComposite, boolean gateMet, Money bonus)
        implements ArrangementFigures {

    public QualityIncentiveResult {
        measures = List.copyOf(measures);
    }

    /**
     * Paid claims of attributed members in the period and their completion to an estimate of incurred spend.
     *
     * @param period           the settlement period as shown on the statement
     * @param completionFactor 1 for a final settlement
     * @param completed        paid ÷ completion factor, to the cent
     */
    public record PaidClaims(String period, Money paid, BigDecimal completionFactor, Money completed) {
    }

    public long measuresScored() {
        return measures.stream().filter(MeasureResult::scored).count();
    }

    @Override
    public Money amount() {
        return bonus;
    }

    /** A measure that reached its target (or top tier) with its minimum denominator. */
    @Override
    public List<Benchmark> benchmarksMet(String arrangementId) {
        List<Benchmark> out = new ArrayList<>();
        for (MeasureResult m : measures) {
            if (m.met()) {
                out.add(new Benchmark("quality." + arrangementId + "." + m.measureId() + ".met",
                        "quality measure " + m.measureId() + " of " + arrangementId
                                + " reached its target with its minimum denominator"));
            }
        }
        return out;
    }
}
