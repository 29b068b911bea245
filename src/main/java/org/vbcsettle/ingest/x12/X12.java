package org.vbcsettle.ingest.x12;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The X12 value formats this project writes and reads: money, identifiers and text. */
public final class X12 {
    /** PLB03-2 (and TRN02) are at most 50 characters. */
    static final int MAX_REFERENCE = 50;

    private X12() {
    }

    /**
     * Whole cents as an X12 decimal (type R) with exactly two decimals: {@code 123456} → {@code 1234.56},
     * {@code -5} → {@code -0.05}. Exact: no rounding step, cents are the unit.
     */
    public static String amount(long cents) {
        long abs = Math.abs(cents);
        return (cents < 0 ? "-" : "") + (abs / 100) + "." + String.format("%02d", abs % 100);
    }

    /** An X12 decimal back to cents; a value with fractions of a cent is refused, never rounded. */
    public static long cents(String decimal) {
        return new BigDecimal(decimal.trim()).movePointRight(2).longValueExact();
    }

    /**
     * The PLB reference of a payout: its key when it fits in 50 characters, else {@code VBC} and the first 20
     * hex digits of the key's SHA-256 (the CSV payout file lists both, so either side can look it up).
     */
    public static String reference(String payoutKey) {
        String clean = text(payoutKey);
        if (clean.length() <= MAX_REFERENCE && clean.equals(payoutKey)) {
            return payoutKey;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(payoutKey.getBytes(StandardCharsets.UTF_8));
            return "VBC" + HexFormat.of().formatHex(h).substring(0, 20).toUpperCase(java.util.Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text with the delimiters this project writes ({@code ~ * : ^}) and control characters taken out. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> c >= 0x20 && c < 0x7f && c != '~' && c != '*' && c != ':' && c != '^').forEach(b::appendCodePoint);
        return b.toString().trim();
    }
}
