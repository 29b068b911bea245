package org.vbcsettle.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Rates are {@link BigDecimal} fractions (0.5 = 50%). This class holds the shared constants and the
 * formatting used on statements.
 */
public final class Rates {
    /** Precision for intermediate rate arithmetic: far beyond any published figure. */
    public static final MathContext MC = new MathContext(20, RoundingMode.HALF_EVEN);
    public static final int RATE_SCALE = 10;

    private Rates() {
    }

    public static BigDecimal of(String text) {
        return new BigDecimal(text);
    }

    public static BigDecimal clamp(BigDecimal v, BigDecimal lo, BigDecimal hi) {
        return v.compareTo(lo) < 0 ? lo : v.compareTo(hi) > 0 ? hi : v;
    }

    public static boolean between(BigDecimal v, BigDecimal lo, BigDecimal hi) {
        return v.compareTo(lo) >= 0 && v.compareTo(hi) <= 0;
    }

    /** {@code 0.06462 -> "6.462%"}, up to 4 decimals of a percent, trailing zeros dropped. */
    public static String percent(BigDecimal rate) {
        BigDecimal p = rate.movePointRight(2).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return p.toPlainString() + "%";
    }

    public static BigDecimal ratio(long numerator, long denominator) {
        if (denominator == 0) {
            throw new ArithmeticException("ratio with zero denominator");
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), RATE_SCALE, RoundingMode.HALF_EVEN);
    }
}
