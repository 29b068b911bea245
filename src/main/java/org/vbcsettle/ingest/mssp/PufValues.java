package org.vbcsettle.ingest.mssp;

import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the cell formats CMS has used across PUF years: {@code 6.46%} or {@code 0.0646} or {@code 6.46},
 * {@code $1,234} or {@code (1,234)} for a negative, {@code -} or blank for not applicable, dates as
 * {@code 07/01/2012}, {@code 7/1/12}, {@code 1/1/16 00:00}, {@code 01/01/2016 12:00:00 AM}, {@code 2019-07-01}
 * or {@code 01JUL2019}. Each parser throws {@link IllegalArgumentException} with what it expected; the reader
 * adds the file, row and column.
 */
final class PufValues {

    private static final Set<String> NOT_APPLICABLE = Set.of("", "-", ".", "--", "na", "n/a", "*", "null", "none");

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("M/d/yyyy"),
            DateTimeFormatter.ofPattern("M/d/yy"),
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M-d-yyyy"),
            DateTimeFormatter.ofPattern("yyyyMMdd"),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("ddMMMyyyy").toFormatter(Locale.US),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d-MMM-yyyy").toFormatter(Locale.US),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d-MMM-yy").toFormatter(Locale.US));

    private PufValues() {
    }

    static boolean isBlank(String s) {
        return s == null || NOT_APPLICABLE.contains(s.trim().toLowerCase(Locale.ROOT));
    }

    /** A number as printed: its value (percent sign removed, not yet scaled), decimals shown, and the sign. */
    record Num(BigDecimal value, int decimals, boolean percent) {
        /** The value as a fraction: a printed percent divided by 100, or when {@code percentScale}. */
        BigDecimal fraction(boolean percentScale) {
            return percent || percentScale ? value.movePointLeft(2) : value;
        }
    }

    static Num number(String s) {
        String t = s.trim().replace(",", "").replace("$", "").replace(" ", "");
        boolean negative = false;
        if (t.startsWith("(") && t.endsWith(")")) {
            negative = true;
            t = t.substring(1, t.length() - 1);
        }
        boolean percent = t.endsWith("%");
        if (percent) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        BigDecimal v;
        try {
            v = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number (e.g. 6.46%, 0.0646, $1,234), was '" + s.trim() + "'");
        }
        if (negative) {
            v = v.negate();
        }
        return new Num(v, Math.max(0, v.scale()), percent);
    }

    /** Dollars as Money; fails on fractions of a cent. */
    static Money dollars(String s) {
        Num n = number(s);
        if (n.percent()) {
            throw new IllegalArgumentException("expected a dollar amount, was a percentage '" + s.trim() + "'");
        }
        try {
            return Money.ofDollars(n.value());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("dollar amount has fractions of a cent: '" + s.trim() + "'");
        }
    }

    static long count(String s) {
        Num n = number(s);
        try {
            long v = n.value().longValueExact();
            if (v < 0) {
                throw new IllegalArgumentException("expected a count of zero or more, was '" + s.trim() + "'");
            }
            return v;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("expected a whole count, was '" + s.trim() + "'");
        }
    }

    static boolean flag(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "1":
            case "1.0":
            case "y":
            case "yes":
            case "true":
            case "t":
            case "met":
                return true;
            case "0":
            case "0.0":
            case "n":
            case "no":
            case "false":
            case "f":
            case "not met":
                return false;
            default:
                throw new IllegalArgumentException("expected a flag (1/0, Y/N, Yes/No), was '" + s.trim() + "'");
        }
    }

    static LocalDate date(String s) {
        String t = s.trim();
        int space = t.indexOf(' ');
        if (space > 0) {
            t = t.substring(0, space); // drop a time of day: "1/1/16 00:00", "01/01/2016 12:00:00 AM"
        }
        int tee = t.indexOf('T');
        if (tee == 10) {
            t = t.substring(0, tee);
        }
        for (DateTimeFormatter f : DATES) {
            try {
                LocalDate d = LocalDate.parse(t, f);
                if (d.getYear() < 100) {
                    d = d.plusYears(2000);
                }
                return d;
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        throw new IllegalArgumentException("expected a date (MM/DD/YYYY, M/D/YY, YYYY-MM-DD or DDMONYYYY), was '" + s.trim() + "'");
    }
}
