package org.vbcsettle.ingest;

import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The parsing rules shared by every record type; each failure names its field. */
final class FieldParsers {
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private FieldParsers() {
    }

    static String required(Fields f, String name) {
        String v = f.text(name);
        if (v == null) {
            throw new FieldProblem(name, "is required");
        }
        return v;
    }

    /** Amounts in files are whole cents: a decimal point means someone sent dollars, which is refused. */
    static Money cents(Fields f, String name, boolean required) {
        String v = required ? required(f, name) : f.text(name);
        if (v == null) {
            return null;
        }
        if (WHOLE.matcher(v).matches()) {
            return Money.ofCents(Long.parseLong(v));
        }
        if (DECIMAL.matcher(v).matches()) {
            throw new FieldProblem(name, "not a whole number of cents: " + v);
        }
        throw new FieldProblem(name, "not an amount in cents: " + v);
    }

    static LocalDate date(Fields f, String name, boolean required) {
        String v = required ? required(f, name) : f.text(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new FieldProblem(name, "not a date (YYYY-MM-DD): " + v);
        }
    }

    static YearMonth month(Fields f, String name) {
        String v = required(f, name);
        try {
            return YearMonth.parse(v);
        } catch (DateTimeParseException e) {
            throw new FieldProblem(name, "not a month (YYYY-MM): " + v);
        }
    }

    static BigDecimal decimal(Fields f, String name) {
        String v = f.text(name);
        if (v == null) {
            return null;
        }
        if (!DECIMAL.matcher(v).matches()) {
            throw new FieldProblem(name, "not a number: " + v);
        }
        return new BigDecimal(v);
    }

    static Integer integer(Fields f, String name) {
        String v = f.text(name);
        if (v == null) {
            return null;
        }
        if (!WHOLE.matcher(v).matches() || v.length() > 9) {
            throw new FieldProblem(name, "not a whole number: " + v);
        }
        return Integer.parseInt(v);
    }

    static Boolean bool(Fields f, String name) {
        String v = f.text(name);
        if (v == null) {
            return null;
        }
        if (v.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (v.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new FieldProblem(name, "must be true or false, was " + v);
    }
}
