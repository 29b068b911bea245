package org.vbcsettle.ledger;

import org.vbcsettle.money.Money;

import java.util.List;

/**
 * One arrangement of the projected settlement, in the figures a provider checks it by: read from the
 * calculator's {@code ArrangementResult.metrics} (never recomputed) and the contract's terms (targets and
 * thresholds). Exactly one of {@code sharedSavings}, {@code quality}, {@code bundle} is set, by {@code type}.
 * Rates are decimal strings (0.0432 = 4.32%) as the calculators wrote them, so no precision is lost in JSON.
 *
 * @param projectedEarned the arrangement's amount in the projected statement (negative: owed to the payer)
 */
public record ArrangementTotals(String arrangementId, String type, Money projectedEarned, Savings sharedSavings,
                                Quality quality, Bundle bundle) implements CborSerializable {

    /**
     * Spend against benchmark (42 CFR 425.604/605 style).
     *
     * @param savings               benchmark − expenditure (negative: losses)
     * @param minimumSavingsRateMet savings rate ≥ MSR (false when there are no savings)
     * @param finalSharingRate      sharing rate after quality ("0" when nothing is shared)
     * @param earned                shared savings (or losses owed, negative) after caps and sequestration
     * @param minimumLossRate       with two-sided terms and losses: the MLR and whether it is met; else null
     */
    public record Savings(Money benchmark, Money expenditure, Money savings, String savingsRate, String minimumSavingsRate,
                          boolean minimumSavingsRateMet, String finalSharingRate, Money earned, String minimumLossRate,
                          Boolean minimumLossRateMet, Long memberMonths, Long assignedBeneficiaries, String qualityScore)
            implements CborSerializable {
    }

    /**
     * Quality measures against their targets and the composite against the minimum composite.
     *
     * @param compositeMet composite ≥ minimum composite (the bonus gate)
     */
    public record Quality(List<Measure> measures, String composite, String minimumComposite, boolean compositeMet,
                          Money bonus) implements CborSerializable {
        public Quality {
            measures = List.copyOf(measures);
        }
    }

    /**
     * @param rate            numerator ÷ eligible; null while nobody is eligible
     * @param target          the contract's target rate (null when the measure is scored by tiers only)
     * @param tierThresholds  the tiers' thresholds, lowest first as written in the contract (empty: none)
     * @param eligible        denominator − exclusions
     * @param scored          eligible ≥ minimum denominator
     * @param met             the target (or a tier) is reached and the measure is scored
     */
    public record Measure(String measureId, String rate, String target, List<String> tierThresholds, boolean lowerIsBetter,
                          long numerator, long eligible, int minimumDenominator, boolean scored, boolean met)
            implements CborSerializable {
        public Measure {
            tierThresholds = List.copyOf(tierThresholds);
        }
    }

    /**
     * Episodes and spend against target price over the performance period.
     *
     * @param reconciliation Σ(target − winsorized spend), before the quality adjustment and stop-gain/stop-loss
     */
    public record Bundle(int episodes, int closed, int open, int closedUnderTarget, Money target, Money spend,
                         Money winsorizedSpend, Money reconciliation, Money qualityAdjustment) implements CborSerializable {
    }
}
