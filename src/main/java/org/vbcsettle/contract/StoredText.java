package org.vbcsettle.contract;

/**
 * Whether a string can be stored and sent back: the journal's CBOR serializer and every JSON reply need
 * well-formed UTF-16 (a lone surrogate makes them fail), and ids, codes and names hold no control
 * characters. Free text (a contract's name) may hold tabs and line breaks. Every intake checks its strings
 * with this before they reach a ledger, so that a bad byte is a 422 naming the field, never a stopped entity.
 */
public final class StoredText {

    private StoredText() {
    }

    /** Why {@code value} cannot be stored as an id, code or one-line value of at most {@code max} characters; null when it can. */
    public static String problem(String value, int max) {
        return problem(value, max, false);
    }

    /** As {@link #problem(String, int)}; {@code freeText} also allows tab, line feed and carriage return. */
    public static String problem(String value, int max, boolean freeText) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            return "is longer than " + max + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                return "contains a lone UTF-16 surrogate (" + code(ch) + ") at position " + (i + 1);
            } else if (isControl(ch) && !(freeText && (ch == '\t' || ch == '\n' || ch == '\r'))) {
                return "contains a control character (" + code(ch) + ") at position " + (i + 1);
            }
        }
        return null;
    }

    /**
     * {@code value} made safe to echo in a message: lone surrogates and control characters written as
     * {@code U+XXXX}, cut after {@code 80} characters (a message quotes a value, it does not carry it).
     */
    public static String shown(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length() && sb.length() < 80; i++) {
            char ch = value.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                sb.append(ch).append(value.charAt(++i));
            } else if (Character.isSurrogate(ch) || isControl(ch)) {
                sb.append(code(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.length() < 80 ? sb.toString() : sb + "…";
    }

    /**
     * {@code value} with each lone surrogate written as {@code U+XXXX}, else unchanged: for text that goes
     * into a reply (a message quoting a field name the client sent), which JSON cannot carry otherwise.
     */
    public static String wellFormed(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            boolean pair = Character.isHighSurrogate(ch) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
            if (!pair && Character.isSurrogate(ch)) {
                if (sb == null) {
                    sb = new StringBuilder(value.substring(0, i));
                }
                sb.append(code(ch));
                continue;
            }
            if (sb != null) {
                sb.append(ch);
                if (pair) {
                    sb.append(value.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return sb == null ? value : sb.toString();
    }

    private static boolean isControl(char ch) {
        return Character.getType(ch) == Character.CONTROL;
    }

    private static String code(char ch) {
        return String.format("U+%04X", (int) ch);
    }
}
