package org.vbcsettle.settlement;

import org.vbcsettle.contract.SharedSavings;

import java.math.BigDecimal;
import java.util.Map;

/** Placeholder: implemented in the shared-savings work. */
public final class SharedSavingsCalculator {
    private SharedSavingsCalculator() {
    }

    public static ArrangementResult settle(SharedSavings terms, SettlementContext ctx, Map<String, BigDecimal> composites) {
        throw new UnsupportedOperationException("shared savings calculator not implemented yet");
    }

    /** The core calculation over aggregate figures (used by settle, reconcile-mssp and simulations). */
    public static ArrangementResult compute(SharedSavings terms, SharedSavingsFigures figures) {
        throw new UnsupportedOperationException("shared savings calculator not implemented yet");
    }
}
