package org.vbcsettle.ledger;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.vbcsettle.contract.Arrangement;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.ArrangementResult;
import org.vbcsettle.settlement.bundled.BundledPaymentResult;
import org.vbcsettle.settlement.quality.MeasureResult;
import org.vbcsettle.settlement.quality.QualityIncentiveResult;
import org.vbcsettle.settlement.sharedsavings.SharedSavingsResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One arrangement of the projected settlement, in the figures a provider checks it by: read from the
 * calculator's typed result (never recomputed) and the contract's terms (targets and thresholds). Exactly
 * one of {@code sharedSavings}, {@code quality}, {@code bundle} is set, by {@code type}. Rates are written as
 * decimal strings (0.0432 = 4.32%) so that no precision is lost in JSON.
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
     * @param finalSharingRate      sharing rate after quality (0 when nothing is shared)
     * @param earned                shared savings (or losses owed, negative) after caps and sequestration
     * @param minimumLossRate       with two-sided terms and losses: the MLR and whether it is met; else null
     */
    public record Savings(Money benchmark, Money expenditure, Money savings,
                          @JsonSerialize(using = PlainDecimal.class) BigDecimal savingsRate,
                          @JsonSerialize(using = PlainDecimal.class) BigDecimal minimumSavingsRate,
                          boolean minimumSavingsRateMet,
                          @JsonSerialize(using = PlainDecimal.class) BigDecimal finalSharingRate, Money earned,
                          @JsonSerialize(using = PlainDecimal.class) BigDecimal minimumLossRate,
                          Boolean minimumLossRateMet, Long memberMonths, Long assignedBeneficiaries,
                          @JsonSerialize(using = PlainDecimal.class) BigDecimal qualityScore)
            implements CborSerializable {

        static Savings of(SharedSavingsResult r) {
            return new Savings(r.benchmark(), r.expenditure(), r.savings(), r.savingsRate(), r.minimumSavingsRate(), r.msrMet(),
                    r.finalSharingRate(), r.earned(), r.minimumLossRate(), r.minimumLossRateMet(), r.memberMonths(),
                    r.assignedBeneficiaries(), r.qualityScore());
        }
    }

    /**
     * Quality measures against their targets and the composite against the minimum composite.
     *
     * @param compositeMet composite ≥ minimum composite (the bonus gate)
     */
    public record Quality(List<Measure> measures, @JsonSerialize(using = PlainDecimal.class) BigDecimal composite,
                          @JsonSerialize(using = PlainDecimal.class) BigDecimal minimumComposite, boolean compositeMet,
                          Money bonus) implements CborSerializable {
        public Quality {
            measures = List.copyOf(measures);
        }

        static Quality of(QualityIncentive terms, QualityIncentiveResult r) {
            List<Measure> measures = new ArrayList<>();
            for (MeasureResult s : r.measures()) {
                QualityIncentive.Measure m = terms.measures().stream().filter(x -> x.id().equals(s.measureId())).findFirst().orElseThrow();
                List<BigDecimal> thresholds = new ArrayList<>();
                if (m.tiers() != null) {
                    m.tiers().forEach(t -> thresholds.add(t.threshold()));
                }
                measures.add(new Measure(m.id(), s.rate(), m.target(), thresholds, m.inverse(), s.numerator(), s.eligible(),
                        s.minimumDenominator(), s.scored(), s.met()));
            }
            return new Quality(measures, r.composite(), r.minimumComposite(), r.gateMet(), r.bonus());
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
    public record Measure(String measureId, @JsonSerialize(using = PlainDecimal.class) BigDecimal rate,
                          @JsonSerialize(using = PlainDecimal.class) BigDecimal target,
                          @JsonSerialize(contentUsing = PlainDecimal.class) List<BigDecimal> tierThresholds,
                          boolean lowerIsBetter, long numerator, long eligible, int minimumDenominator, boolean scored,
                          boolean met) implements CborSerializable {
        public Measure {
            tierThresholds = List.copyOf(tierThresholds);
        }
    }

    /**
     * Episodes and spend against target price over the performance period.
     *
     * @param closedUnderTarget episodes closed with their own (not winsorized) spend under target
     * @param reconciliation    Σ(target − winsorized spend), before the quality adjustment and stop-gain/stop-loss
     */
    public record Bundle(int episodes, int closed, int open, int closedUnderTarget, Money target, Money spend,
                         Money winsorizedSpend, Money reconciliation, Money qualityAdjustment) implements CborSerializable {

        static Bundle of(BundledPaymentResult r) {
            return new Bundle(r.episodeCount(), r.closed(), r.open(), r.closedUnderTarget(), r.totalTarget(), r.totalSpend(),
                    r.totalWinsorized(), r.reconciliation(), r.qualityAdjustmentAmount());
        }
    }

    /** The figures of each arrangement of a projected statement, with the targets of the contract's terms. */
    static List<ArrangementTotals> of(Contract contract, List<ArrangementResult> results) {
        List<ArrangementTotals> out = new ArrayList<>();
        for (ArrangementResult r : results) {
            Savings savings = r.figures() instanceof SharedSavingsResult ss ? Savings.of(ss) : null;
            Bundle bundle = r.figures() instanceof BundledPaymentResult bp ? Bundle.of(bp) : null;
            Quality quality = null;
            if (r.figures() instanceof QualityIncentiveResult q && terms(contract, r.arrangementId()) instanceof QualityIncentive qi) {
                quality = Quality.of(qi, q);
            }
            out.add(new ArrangementTotals(r.arrangementId(), r.type(), r.amount(), savings, quality, bundle));
        }
        return out;
    }

    private static Arrangement terms(Contract contract, String id) {
        for (Arrangement a : contract.arrangements()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        return null;
    }
}
