package org.vbcsettle.settlement;

import org.vbcsettle.contract.BundledPayment;

import java.math.BigDecimal;
import java.util.Map;

/** Placeholder: implemented in the bundled-payment work. */
public final class BundledPaymentCalculator {
    private BundledPaymentCalculator() {
    }

    public static ArrangementResult settle(BundledPayment terms, SettlementContext ctx, Map<String, BigDecimal> composites) {
        throw new UnsupportedOperationException("bundled payment calculator not implemented yet");
    }

    /** Opens and closes episodes from the claims in effect (anchor codes, window). */
    public static java.util.List<EpisodeOutcome> episodes(BundledPayment terms, SettlementContext ctx) {
        throw new UnsupportedOperationException("bundled payment calculator not implemented yet");
    }

    /**
     * The core reconciliation over episodes (used by settle and simulations).
     *
     * @param compositeQualityScore 0..1, null when no quality adjustment applies
     */
    public static ArrangementResult compute(BundledPayment terms, java.util.List<EpisodeOutcome> episodes,
                                            BigDecimal compositeQualityScore) {
        throw new UnsupportedOperationException("bundled payment calculator not implemented yet");
    }
}
