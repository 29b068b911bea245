package org.vbcsettle.settlement;

import org.vbcsettle.money.Money;

import java.math.BigDecimal;

/**
 * Facts a payer reports rather than derives from claims (as CMS does in an MSSP reconciliation).
 * Every field is optional; where set it overrides the figure the engine would derive.
 *
 * @param assignedBeneficiaries   drives the CMS MSR table (default: distinct attributed members)
 * @param qualityScore            0..1 (default: the quality rule's source composite)
 * @param qualityStandardMet      default: from the score and the rule's thresholds
 * @param alternativeStandardMet  default: from the score and the rule's thresholds
 * @param participantRevenue      provider's revenue for revenue-based loss limits
 * @param disasterShare           share of the year × share of members in areas under an extreme and
 *                                uncontrollable circumstance (0..1); losses are reduced by it
 * @param lowRevenue              provider is a low-revenue ACO (42 CFR 425.20)
 * @param compositeQualityScore   bundled-payment CQS 0..1
 * @param benchmarkOverride       a total benchmark published by the payer for the period
 */
public record ReportedFacts(
        Integer assignedBeneficiaries,
        BigDecimal qualityScore,
        Boolean qualityStandardMet,
        Boolean alternativeStandardMet,
        Money participantRevenue,
        BigDecimal disasterShare,
        Boolean lowRevenue,
        BigDecimal compositeQualityScore,
        Money benchmarkOverride) {

    public static final ReportedFacts NONE = new ReportedFacts(null, null, null, null, null, null, null, null, null);
}
