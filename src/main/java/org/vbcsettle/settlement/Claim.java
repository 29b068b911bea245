package org.vbcsettle.settlement;

import org.vbcsettle.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * One claim line as paid, after X12 837/835 and CMS CCLF. Amounts in cents.
 *
 * @param id              stable claim id; the idempotency key
 * @param frequency       X12 claim frequency: original (1), replacement (7) or void (8)
 * @param replacesClaimId for a replacement or void: the id of the claim it replaces
 */
public record Claim(
        String id,
        String memberId,
        ClaimType type,
        LocalDate serviceFrom,
        LocalDate serviceThrough,
        LocalDate paidDate,
        Money paidAmount,
        Money allowedAmount,
        String drg,
        List<String> hcpcs,
        List<String> diagnoses,
        String billingProvider,
        Frequency frequency,
        String replacesClaimId) {

    public Claim {
        hcpcs = hcpcs == null ? List.of() : List.copyOf(hcpcs);
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        if (frequency == null) {
            frequency = Frequency.ORIGINAL;
        }
        if (allowedAmount == null) {
            allowedAmount = paidAmount;
        }
    }

    public enum ClaimType {
        INPATIENT, OUTPATIENT, PROFESSIONAL, SNF, HOME_HEALTH, HOSPICE, DME, PHARMACY;

        public static ClaimType parse(String s) {
            return valueOf(s.trim().toUpperCase().replace('-', '_'));
        }

        public String code() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** X12 claim frequency type codes. */
    public enum Frequency {
        ORIGINAL(1), REPLACEMENT(7), VOID(8);

        private final int code;

        Frequency(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static Frequency ofCode(int code) {
            for (Frequency f : values()) {
                if (f.code == code) {
                    return f;
                }
            }
            throw new IllegalArgumentException("claim frequency must be 1 (original), 7 (replacement) or 8 (void), was " + code);
        }
    }
}
