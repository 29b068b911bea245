package org.vbcsettle.settlement;

import org.vbcsettle.contract.QualityIncentive;

/** Placeholder: implemented in the quality-incentive work. */
public final class QualityIncentiveCalculator {
    public static final String METRIC_COMPOSITE = "compositeScore";

    private QualityIncentiveCalculator() {
    }

    public static ArrangementResult settle(QualityIncentive terms, SettlementContext ctx) {
        throw new UnsupportedOperationException("quality incentive calculator not implemented yet");
    }

    /** Distinct-member counts per measure from quality events. */
    public static java.util.Map<String, MeasureCounts> counts(QualityIncentive terms, SettlementContext ctx) {
        throw new UnsupportedOperationException("quality incentive calculator not implemented yet");
    }

    /**
     * The core calculation over counts (used by settle and simulations).
     *
     * @param memberMonths attributed member-months (PMPM bonus)
     * @param paidClaims   paid claims of attributed members (percent-of-paid bonus)
     */
    public static ArrangementResult compute(QualityIncentive terms, java.util.Map<String, MeasureCounts> counts,
                                            long memberMonths, org.vbcsettle.money.Money paidClaims) {
        throw new UnsupportedOperationException("quality incentive calculator not implemented yet");
    }
}
