package org.vbcsettle.settlement;

import org.vbcsettle.contract.Period;

import java.util.List;

/**
 * Everything a period's settlement is computed from. Lists may hold originals, replacements, voids and
 * retroactive changes in any order; {@link ClaimResolution} and {@link AttributionResolution} reduce them
 * to the effective records.
 *
 * @param period            the period settled (the performance year, or a quarter for an interim view)
 * @param completionFactor  share of ultimate claims already paid (1 for a final settlement); interim
 *                          settlements divide paid spend by it to estimate incurred spend
 */
public record SettlementInputs(
        Period period,
        List<Attribution> attribution,
        List<Claim> claims,
        List<QualityEvent> qualityEvents,
        ReportedFacts reported,
        java.math.BigDecimal completionFactor) {

    public SettlementInputs {
        attribution = attribution == null ? List.of() : List.copyOf(attribution);
        claims = claims == null ? List.of() : List.copyOf(claims);
        qualityEvents = qualityEvents == null ? List.of() : List.copyOf(qualityEvents);
        reported = reported == null ? ReportedFacts.NONE : reported;
        completionFactor = completionFactor == null ? java.math.BigDecimal.ONE : completionFactor;
    }

    public static SettlementInputs of(Period period, List<Attribution> attribution, List<Claim> claims,
                                      List<QualityEvent> qualityEvents) {
        return new SettlementInputs(period, attribution, claims, qualityEvents, ReportedFacts.NONE, null);
    }
}
