package org.vbcsettle.contract;

/**
 * Who receives the contract's payouts, as the X12 835 names the payee: its name, its federal tax id (TIN,
 * EIN: 9 digits) and its NPI (10 digits whose last is the Luhn check digit over the prefix 80840 and the
 * first nine, as CMS issues them).
 */
public record Payee(String name, String tin, String npi) {

    /** Why {@code tin} is not a TIN; null when it is. {@code 27-5530914} and {@code 275530914} are the same TIN. */
    public static String tinProblem(String tin) {
        if (tin == null) {
            return "is required";
        }
        String digits = tin.replace("-", "");
        return digits.matches("\\d{9}") ? null : "must be 9 digits (e.g. 27-5530914), was '" + StoredText.shown(tin) + "'";
    }

    /** Why {@code npi} is not an NPI; null when it is. */
    public static String npiProblem(String npi) {
        if (npi == null) {
            return "is required";
        }
        if (!npi.matches("\\d{10}")) {
            return "must be 10 digits, was '" + StoredText.shown(npi) + "'";
        }
        int sum = 24; // the prefix 80840 contributes 24 under the Luhn doubling
        for (int i = 0; i < 9; i++) {
            int d = npi.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        int check = (10 - sum % 10) % 10;
        return check == npi.charAt(9) - '0' ? null : "fails the NPI check digit (expected " + check + " as the last digit), was '" + npi + "'";
    }

    /** The TIN as 9 digits. */
    public String tinDigits() {
        return tin == null ? null : tin.replace("-", "");
    }
}
