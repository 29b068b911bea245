package org.vbcsettle.settlement.quality;

/**
 * Distinct members per kind for one quality measure. rate = numerator / (denominator − exclusions).
 * A member both excluded and in the numerator counts as excluded only.
 */
public record MeasureCounts(String measureId, long numerator, long denominator, long exclusions) {
    public long eligible() {
        return denominator - exclusions;
    }
}
