package org.vbcsettle.settlement;

/**
 * One member's status on one quality measure: in the denominator (eligible), in the numerator (met),
 * or excluded. A member counts once per kind per measure however many events repeat it.
 *
 * @param id         stable id; the idempotency key
 * @param periodId   the measurement period, e.g. {@code 2024}
 */
public record QualityEvent(String id, String memberId, String measureId, String periodId, Kind kind) {
    public enum Kind {
        NUMERATOR, DENOMINATOR, EXCLUSION;

        public static Kind parse(String s) {
            return valueOf(s.trim().toUpperCase());
        }
    }
}
