package org.vbcsettle.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Every rounding step in a settlement is one of these rules, named after the methodology it implements,
 * so that a statement can say which rule produced each figure. Inputs are amounts in (fractional) cents.
 */
public enum Rounding {
    /**
     * CMS reports shared savings and losses in whole dollars, rounding half away from zero
     * (MSSP financial reconciliation reports, 42 CFR 425.604/605/610).
     */
    CMS_WHOLE_DOLLAR("round to whole dollars, half away from zero (CMS reconciliation)") {
        @Override
        public Money apply(BigDecimal cents) {
            return new Money(cents.movePointLeft(2).setScale(0, RoundingMode.HALF_UP).movePointRight(2).longValueExact());
        }
    },
    /** Ordinary commercial contract money: nearest cent, half away from zero. */
    NEAREST_CENT("round to the nearest cent, half away from zero") {
        @Override
        public Money apply(BigDecimal cents) {
            return new Money(cents.setScale(0, RoundingMode.HALF_UP).longValueExact());
        }
    },
    /** Banker's rounding, used for averages (PMPM) so that rounding bias does not accumulate. */
    NEAREST_CENT_HALF_EVEN("round to the nearest cent, half to even (averages)") {
        @Override
        public Money apply(BigDecimal cents) {
            return new Money(cents.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        }
    },
    /**
     * Amounts paid out of a limited pool or withheld are rounded toward zero, so that the parts never
     * sum to more than the whole (withholds, interim payments, pool shares).
     */
    TOWARD_ZERO_CENT("truncate to whole cents toward zero (never pay out more than the whole)") {
        @Override
        public Money apply(BigDecimal cents) {
            return new Money(cents.setScale(0, RoundingMode.DOWN).longValueExact());
        }
    };

    private final String description;

    Rounding(String description) {
        this.description = description;
    }

    public abstract Money apply(BigDecimal cents);

    public String description() {
        return description;
    }
}
