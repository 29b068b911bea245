package org.vbcsettle.settlement;

import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rounding;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Completion of paid claims to an estimate of incurred spend for an interim settlement: paid ÷ completion
 * factor, the quotient to 10 decimals half-even and then {@link #ROUNDING}. One rule for every arrangement.
 */
public final class Completion {

    public static final Rounding ROUNDING = Rounding.NEAREST_CENT;

    private Completion() {
    }

    /** The factor in effect (none: 1), refused outside (0, 1]. */
    public static BigDecimal factor(String where, BigDecimal completionFactor) {
        BigDecimal cf = completionFactor == null ? BigDecimal.ONE : completionFactor;
        if (cf.signum() <= 0 || cf.compareTo(BigDecimal.ONE) > 0) {
            throw new CannotSettle(where + ": completionFactor must be in (0, 1], was " + cf);
        }
        return cf;
    }

    public static boolean applies(BigDecimal factor) {
        return factor.compareTo(BigDecimal.ONE) != 0;
    }

    public static Money complete(Money paid, BigDecimal factor) {
        if (!applies(factor)) {
            return paid;
        }
        return ROUNDING.apply(paid.toDecimalCents().divide(factor, 10, RoundingMode.HALF_EVEN));
    }
}
