package org.vbcsettle.contract;

import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Collects the problems of one contract document under its source, with the field checks every arrangement
 * kind shares. Check methods return whether the value passed, so that a caller checks what depends on it only
 * when it is there and sound.
 */
final class TermsChecker {
    /** Ids appear in payout idempotency keys and URLs: keep them to a safe alphabet. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Parties and one-line values, as long as an intake's ids ({@code FieldReader.MAX_TEXT}). */
    static final int MAX_TEXT = 200;
    /** Names are free text, a line or a short paragraph. */
    static final int MAX_NAME = 500;

    private final String source;
    private final List<ContractProblem> problems = new ArrayList<>();

    TermsChecker(String source) {
        this.source = source;
    }

    List<ContractProblem> problems() {
        return problems;
    }

    static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    void at(String path, String message) {
        problems.add(new ContractProblem(source, path, message));
    }

    boolean required(String path, Object value) {
        if (value == null) {
            at(path, "is required");
            return false;
        }
        return true;
    }

    /** A required one-line value (a party's name): present, and storable ({@link StoredText}). */
    boolean text(String path, String value) {
        if (value == null || value.isBlank()) {
            at(path, "is required");
            return false;
        }
        return storable(path, value, MAX_TEXT, false);
    }

    /** A value that, when given, can be stored; {@code freeText} allows tabs and line breaks. */
    boolean storable(String path, String value, int max, boolean freeText) {
        String problem = StoredText.problem(value, max, freeText);
        if (problem != null) {
            at(path, problem);
            return false;
        }
        return true;
    }

    boolean id(String path, String value) {
        if (!text(path, value)) {
            return false;
        }
        if (!ID.matcher(value).matches()) {
            at(path, "must be 1 to 64 letters, digits, '.', '_' or '-' (starting with a letter or digit), was '" + StoredText.shown(value) + "'");
            return false;
        }
        return true;
    }

    boolean between(String path, BigDecimal v, BigDecimal lo, BigDecimal hi) {
        if (v.compareTo(lo) < 0 || v.compareTo(hi) > 0) {
            at(path, "must be between " + plain(lo) + " and " + plain(hi) + ", was " + plain(v));
            return false;
        }
        return true;
    }

    boolean rate(String path, BigDecimal v) {
        return between(path, v, BigDecimal.ZERO, BigDecimal.ONE);
    }

    /** A rate that must be given. */
    boolean requiredRate(String path, BigDecimal v) {
        return required(path, v) && rate(path, v);
    }

    /** A rate that may be left out. */
    void optionalRate(String path, BigDecimal v) {
        if (v != null) {
            rate(path, v);
        }
    }

    boolean greaterThanZero(String path, BigDecimal v) {
        if (v.signum() <= 0) {
            at(path, "must be greater than 0, was " + plain(v));
            return false;
        }
        return true;
    }

    boolean positive(String path, Money m) {
        if (!required(path, m)) {
            return false;
        }
        if (m.isNegative()) {
            at(path, "must not be negative, was " + m);
            return false;
        }
        if (m.isZero()) {
            at(path, "must be greater than $0.00");
            return false;
        }
        return true;
    }

    void codes(String path, List<String> codes, Pattern pattern, String what) {
        if (codes == null) {
            return;
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || !pattern.matcher(code).matches()) {
                at(path + "[" + i + "]", "must be " + what + ", was '" + (code == null ? null : StoredText.shown(code)) + "'");
            }
        }
    }

    void qualityReference(String path, String ref, Set<String> qualityIds) {
        if (!qualityIds.contains(ref)) {
            at(path, "refers to '" + StoredText.shown(ref) + "', which is not a quality-incentive arrangement of this contract"
                    + (qualityIds.isEmpty() ? " (it has none)" : " (it has: " + String.join(", ", new TreeSet<>(qualityIds)) + ")"));
        }
    }

    /**
     * Checks a list whose entries carry an id that must be unique within it: an empty entry is reported and
     * skipped, a bad or repeated key is reported (naming the entry that has it first), then {@code check}
     * sees the entry with its path.
     *
     * @param listPath e.g. {@code arrangements[0].measures}
     * @param keyField the key's field name in an entry, e.g. {@code id}
     * @param keyName  what the key is called in the message, e.g. {@code measure id}
     */
    <T> void uniqueEntries(String listPath, List<T> entries, String keyField, String keyName, Function<T, String> key,
                           BiConsumer<String, T> check) {
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String p = listPath + "[" + i + "]";
            T entry = entries.get(i);
            if (entry == null) {
                at(p, "is empty");
                continue;
            }
            String k = key.apply(entry);
            if (id(p + "." + keyField, k)) {
                Integer prev = firstIndex.putIfAbsent(k, i);
                if (prev != null) {
                    at(p + "." + keyField, "duplicate " + keyName + " '" + k + "' (also " + listPath + "[" + prev + "]." + keyField + ")");
                }
            }
            check.accept(p, entry);
        }
    }
}
