package org.vbcsettle.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * Pay for performance on quality measures (HEDIS style). Per measure: rate = numerator /
 * (denominator − exclusions); points from a target or tiers; a weighted composite in [0, 1]; a bonus
 * paid when the composite reaches the gate.
 *
 * @param measures          the measures scored
 * @param bonus             how the bonus is sized
 * @param minimumComposite  no bonus below this composite score (0..1)
 * @param scaleByComposite  whether the bonus is multiplied by the composite (true) or paid in full once
 *                          the gate is met (false)
 */
public record QualityIncentive(
        String id,
        List<Measure> measures,
        Bonus bonus,
        BigDecimal minimumComposite,
        Boolean scaleByComposite) implements Arrangement {

    /**
     * @param weight             relative weight in the composite (weights are normalised over scored measures)
     * @param minimumDenominator a measure with fewer eligible members is not scored (dropped from the composite)
     * @param target             rate at or above which the measure earns full points (or, when
     *                           {@code lowerIsBetter}, at or below); used when no tiers are given
     * @param tiers              threshold tiers: the highest tier whose threshold is met gives its points (0..1)
     * @param lowerIsBetter      inverse measures such as HbA1c poor control (&gt; 9%)
     */
    public record Measure(String id, String name, BigDecimal weight, Integer minimumDenominator,
                          BigDecimal target, List<Tier> tiers, Boolean lowerIsBetter) {
        public boolean inverse() {
            return Boolean.TRUE.equals(lowerIsBetter);
        }

        public int minimumDenominatorOrDefault() {
            return minimumDenominator == null ? 0 : minimumDenominator;
        }
    }

    /** @param points share of the measure's points earned at this threshold, 0..1 */
    public record Tier(BigDecimal threshold, BigDecimal points) {
    }

    /** How the bonus is sized. */
    @ChosenByMethod
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Bonus.Pmpm.class, name = "pmpm"),
            @JsonSubTypes.Type(value = Bonus.Pool.class, name = "pool"),
            @JsonSubTypes.Type(value = Bonus.PercentOfPaid.class, name = "percent-of-paid")
    })
    public sealed interface Bonus {
        /** amount per attributed member-month. */
        record Pmpm(Money amount) implements Bonus {
        }

        /** a fixed pool. */
        record Pool(Money amount) implements Bonus {
        }

        /** a percentage of the period's paid claims of attributed members. */
        record PercentOfPaid(BigDecimal percent) implements Bonus {
        }
    }

    @Override
    public String typeName() {
        return "quality-incentive";
    }
}
