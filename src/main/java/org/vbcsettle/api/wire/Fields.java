package org.vbcsettle.api.wire;

import com.fasterxml.jackson.databind.JsonNode;
import org.vbcsettle.api.RecordError;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one JSON input record, collecting an error per bad field (naming the record and the
 * field) instead of stopping at the first, so one reply lists everything wrong with a record.
 */
final class Fields {

    private final JsonNode node;
    private final String record;
    private final List<RecordError> errors = new ArrayList<>();

    Fields(JsonNode node, String record, Set<String> known) {
        this.node = node;
        this.record = record;
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!known.contains(n)) {
                error(n, "unknown field (expected one of " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    List<RecordError> errors() {
        return errors;
    }

    String record() {
        return record;
    }

    void error(String field, String message) {
        errors.add(new RecordError(record, field, message));
    }

    private JsonNode get(String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        return v;
    }

    String text(String field, boolean required) {
        JsonNode v = get(field, required);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            error(field, "must be a string, was " + v.getNodeType().name().toLowerCase());
            return null;
        }
        String s = v.asText().trim();
        if (s.isEmpty()) {
            if (required) {
                error(field, "must not be blank");
            }
            return null;
        }
        if (s.length() > 200) {
            error(field, "is longer than 200 characters");
            return null;
        }
        return s;
    }

    LocalDate date(String field, boolean required) {
        String s = text(field, required);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            error(field, "must be a date YYYY-MM-DD, was '" + s + "'");
            return null;
        }
    }

    YearMonth month(String field, boolean required) {
        String s = text(field, required);
        if (s == null) {
            return null;
        }
        try {
            return YearMonth.parse(s);
        } catch (DateTimeParseException e) {
            error(field, "must be a month YYYY-MM, was '" + s + "'");
            return null;
        }
    }

    /** Cents as an integer, or a dollar string such as "$1,234.56". */
    Money money(String field, boolean required) {
        JsonNode v = get(field, required);
        if (v == null) {
            return null;
        }
        try {
            if (v.isIntegralNumber()) {
                if (!v.canConvertToLong()) {
                    error(field, "is out of range");
                    return null;
                }
                return Money.ofCents(v.longValue());
            }
            if (v.isTextual() && v.asText().trim().matches("-?\\$.*")) {
                return Money.fromJson(v.asText());
            }
        } catch (RuntimeException e) {
            error(field, e.getMessage());
            return null;
        }
        error(field, "must be an integer number of cents or a dollar string such as \"$1,234.56\", was " + v);
        return null;
    }

    BigDecimal decimal(String field, boolean required) {
        JsonNode v = get(field, required);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            error(field, "must be a number, was " + v);
            return null;
        }
        return v.decimalValue();
    }

    Integer integer(String field, boolean required) {
        JsonNode v = get(field, required);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            error(field, "must be an integer, was " + v);
            return null;
        }
        return v.intValue();
    }

    Boolean bool(String field) {
        JsonNode v = get(field, false);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            error(field, "must be true or false, was " + v);
            return null;
        }
        return v.booleanValue();
    }

    List<String> strings(String field) {
        JsonNode v = get(field, false);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            error(field, "must be an array of strings");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                error(field, "must be an array of strings, has " + e);
                return List.of();
            }
            out.add(e.asText());
        }
        if (out.size() > 100) {
            error(field, "has more than 100 entries");
        }
        return out;
    }
}
