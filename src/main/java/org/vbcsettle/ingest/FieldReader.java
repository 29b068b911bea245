package org.vbcsettle.ingest;

import org.vbcsettle.contract.StoredText;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The formats of the record rules: reads one record's fields as typed values whatever the file format, and
 * collects a {@link Violation} per bad field (so one reply lists everything wrong with a record) instead of
 * stopping at the first. A value that cannot be read comes back null.
 *
 * <p>Amounts are whole cents ({@code 123456}) or dollars written with a dollar sign ({@code "$1,234.56"}),
 * the form {@link Money#fromJson} gives contract documents; a bare decimal ({@code 12.5}) is refused, because
 * it cannot tell dollars from cents.
 */
final class FieldReader {
    /** Ids, codes and names are short; a longer value is a broken record, not data. */
    static final int MAX_TEXT = 200;
    /** HCPCS codes or diagnoses on one claim. */
    static final int MAX_CODES = 100;

    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern DOLLARS = Pattern.compile("-?\\$(\\d{1,3}(,\\d{3})+|\\d{1,16})(\\.\\d{1,2})?");
    private static final Pattern DOLLARS_WITH_FRACTIONS = Pattern.compile("-?\\$[\\d,]+\\.\\d{3,}");

    private final Fields fields;
    private final Set<String> required;
    private final List<Violation> violations = new ArrayList<>();

    FieldReader(Fields fields, Set<String> required) {
        this.fields = fields;
        this.required = required;
    }

    List<Violation> violations() {
        return violations;
    }

    void violation(String field, String message) {
        violations.add(new Violation(field, message));
    }

    String text(String name) {
        String v;
        try {
            v = fields.text(name);
        } catch (FieldProblem p) {
            violation(p.field(), p.getMessage());
            return null;
        }
        if (v == null) {
            if (required.contains(name)) {
                violation(name, "is required");
            }
            return null;
        }
        String problem = textProblem(v);
        if (problem != null) {
            violation(name, problem);
            return null;
        }
        return v;
    }

    /** Why a text value cannot be stored (too long, a lone surrogate, a control character); null when it can. */
    static String textProblem(String v) {
        return StoredText.problem(v, MAX_TEXT);
    }

    /** Why a list of codes cannot be stored; null when it can. */
    static String codesProblem(List<?> codes) {
        if (codes.size() > MAX_CODES) {
            return "has more than " + MAX_CODES + " entries";
        }
        for (Object code : codes) {
            String c = String.valueOf(code);
            if (c.length() > MAX_TEXT) {
                return "has an entry longer than " + MAX_TEXT + " characters";
            }
            String problem = textProblem(c);
            if (problem != null) {
                return "has an entry that " + problem;
            }
        }
        return null;
    }

    /** A code from a closed list (claim type, kind, ...); {@code expected} names the list. */
    <E> E oneOf(String name, Function<String, E> parse, String expected) {
        return parse(name, parse, "must be " + expected + ", was ");
    }

    LocalDate date(String name) {
        return parse(name, LocalDate::parse, "not a date (YYYY-MM-DD): ");
    }

    YearMonth month(String name) {
        return parse(name, YearMonth::parse, "not a month (YYYY-MM): ");
    }

    BigDecimal decimal(String name) {
        return parse(name, v -> new BigDecimal(matching(DECIMAL, v)), "not a number: ");
    }

    Integer integer(String name) {
        return parse(name, v -> Integer.parseInt(matching(WHOLE, v)), "not a whole number: ");
    }

    Boolean bool(String name) {
        return parse(name, v -> {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(v);
            }
            return Boolean.parseBoolean(v);
        }, "must be true or false, was ");
    }

    /** The value read by {@code parse}, or null and a violation {@code problem + value} when it cannot be read. */
    private <V> V parse(String name, Function<String, V> parse, String problem) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return parse.apply(v);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            violation(name, problem + v);
            return null;
        }
    }

    private static String matching(Pattern p, String v) {
        if (!p.matcher(v).matches()) {
            throw new IllegalArgumentException(v);
        }
        return v;
    }

    Money amount(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        if (WHOLE.matcher(v).matches()) {
            return Money.ofCents(Long.parseLong(v));
        }
        if (DOLLARS.matcher(v).matches()) {
            return Money.parseDollars(v.replace("-$", "-"));
        }
        if (DECIMAL.matcher(v).matches()) {
            violation(name, "not a whole number of cents: " + v);
        } else if (DOLLARS_WITH_FRACTIONS.matcher(v).matches()) {
            violation(name, "has fractions of a cent: " + v);
        } else {
            violation(name, "not an amount (whole cents such as 123456, or dollars such as \"$1,234.56\"): " + v);
        }
        return null;
    }

    List<String> codes(String name) {
        List<String> v;
        try {
            v = fields.list(name);
        } catch (FieldProblem p) {
            violation(p.field(), p.getMessage());
            return List.of();
        }
        String problem = codesProblem(v);
        if (problem != null) {
            violation(name, problem);
            return List.of();
        }
        return v;
    }
}
