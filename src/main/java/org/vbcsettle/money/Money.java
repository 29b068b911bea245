package org.vbcsettle.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * An amount of US dollars held as a whole number of cents. Arithmetic is exact and overflow-checked;
 * the only way to get a fraction is {@link #times(BigDecimal, Rounding)}, which forces the caller to
 * name the rounding rule it is implementing.
 */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    /**
     * JSON/YAML form: an integer is cents ({@code 2850000}); a string starting with {@code $} is dollars
     * ({@code "$28,500.00"}), the form contract documents use so that finance staff can read them.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Money fromJson(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return new Money(((Number) value).longValue());
        }
        if (value instanceof String s) {
            String t = s.trim();
            if (t.startsWith("$") || t.startsWith("-$")) {
                return parseDollars(t.replace("-$", "-"));
            }
        }
        throw new IllegalArgumentException(
                "an amount is an integer number of cents (2850000) or a dollar string (\"$28,500.00\"), was " + value);
    }

    @JsonValue
    public long jsonValue() {
        return cents;
    }

    public static Money ofDollars(long dollars) {
        return new Money(Math.multiplyExact(dollars, 100L));
    }

    /** Exact conversion of a decimal dollar amount; fails if it has fractions of a cent. */
    public static Money ofDollars(BigDecimal dollars) {
        return new Money(dollars.movePointRight(2).longValueExact());
    }

    /** Parses {@code 1234.56}, {@code -12}, {@code $1,234.5}; fails on fractions of a cent. */
    public static Money parseDollars(String text) {
        String cleaned = text.trim().replace("$", "").replace(",", "");
        if (cleaned.isEmpty()) {
            throw new NumberFormatException("empty amount");
        }
        try {
            return ofDollars(new BigDecimal(cleaned));
        } catch (ArithmeticException e) {
            throw new NumberFormatException("amount has fractions of a cent: " + text);
        }
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, other.cents));
    }

    public Money negate() {
        return new Money(Math.negateExact(cents));
    }

    public Money abs() {
        return cents < 0 ? negate() : this;
    }

    public Money timesExact(long factor) {
        return new Money(Math.multiplyExact(cents, factor));
    }

    /** Multiplies by a rate and rounds to whole cents (or dollars) by the named rule. */
    public Money times(BigDecimal rate, Rounding rounding) {
        return rounding.apply(toDecimalCents().multiply(rate));
    }

    /** Divides by a count and rounds by the named rule (e.g. a per-member-per-month figure). */
    public Money dividedBy(long divisor, Rounding rounding) {
        if (divisor == 0) {
            throw new ArithmeticException("division of money by zero");
        }
        return rounding.apply(toDecimalCents().divide(BigDecimal.valueOf(divisor), 10, RoundingMode.HALF_EVEN));
    }

    /** This amount as a fraction of {@code base}, to {@code scale} decimals (half-even). */
    public BigDecimal ratioTo(Money base, int scale) {
        if (base.cents == 0) {
            throw new ArithmeticException("ratio to zero");
        }
        return toDecimalCents().divide(base.toDecimalCents(), scale, RoundingMode.HALF_EVEN);
    }

    public BigDecimal toDecimalCents() {
        return BigDecimal.valueOf(cents);
    }

    public BigDecimal toDollars() {
        return BigDecimal.valueOf(cents, 2);
    }

    public boolean isNegative() {
        return cents < 0;
    }

    public boolean isPositive() {
        return cents > 0;
    }

    public boolean isZero() {
        return cents == 0;
    }

    public static Money min(Money a, Money b) {
        return a.cents <= b.cents ? a : b;
    }

    public static Money max(Money a, Money b) {
        return a.cents >= b.cents ? a : b;
    }

    public static Money sum(Collection<Money> amounts) {
        Money total = ZERO;
        for (Money m : amounts) {
            total = total.plus(m);
        }
        return total;
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(cents, o.cents);
    }

    /** {@code $1,234.56} or {@code -$1,234.56}. */
    @Override
    public String toString() {
        long abs = Math.abs(cents);
        String body = String.format("$%,d.%02d", abs / 100, abs % 100);
        return cents < 0 ? "-" + body : body;
    }
}
