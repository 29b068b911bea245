package org.vbcsettle.settlement.bundled;

import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.ArrangementFigures;
import org.vbcsettle.settlement.Benchmark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a bundled-payment reconciliation.
 *
 * @param completion        the completion of paid episode spend on an interim view (null when none applies)
 * @param types             per episode type, the contract's types first in contract order, then any other by name
 * @param totalTarget       Σ target
 * @param totalSpend        Σ episode spend, as the episodes had it (raw)
 * @param totalWinsorized   Σ winsorized spend
 * @param reconciliation    Σ (target − winsorized spend), before the quality adjustment and the limits
 * @param qualityAdjustment the composite quality score adjustment (null when the terms have none)
 * @param stopGain          the stop-gain limit applied (null when the terms have none)
 * @param stopLoss          the stop-loss limit applied (null when the terms have none)
 * @param amount            positive: payment to the provider; negative: repayment to the payer
 */
public record BundledPaymentResult(CompletedSpend completion, List<EpisodeType> types, Money totalTarget, Money totalSpend,
                                   Money totalWinsorized, Money reconciliation, QualityAdjustment qualityAdjustment,
                                   Limit stopGain, Limit stopLoss, Money amount) implements ArrangementFigures {

    public BundledPaymentResult {
        types = List.copyOf(types);
    }

    /** Paid episode spend, the completion factor and the completed (incurred) spend. */
    public record CompletedSpend(Money paid, BigDecimal completionFactor, Money completed) {
    }

    /**
     * One episode type: its winsorization bounds and its episodes.
     *
     * @param method  how the bounds were set (percentiles, a fixed cap, or none)
     * @param lower   spend below it is raised to it (null: no lower bound)
     * @param upper   spend above it is lowered to it (null: no upper bound)
     */
    public record EpisodeType(String episodeType, String method, Money lower, Money upper, List<Episode> episodes) {
        public EpisodeType {
            episodes = List.copyOf(episodes);
        }

        public Money target() {
            return Money.sum(episodes.stream().map(e -> e.outcome().target()).toList());
        }

        public Money spend() {
            return Money.sum(episodes.stream().map(e -> e.outcome().spend()).toList());
        }

        public Money winsorizedSpend() {
            return Money.sum(episodes.stream().map(Episode::winsorizedSpend).toList());
        }

        public Money reconciliation() {
            return target().minus(winsorizedSpend());
        }

        public long raised() {
            return episodes.stream().filter(e -> e.winsorizedSpend().compareTo(e.outcome().spend()) > 0).count();
        }

        public long lowered() {
            return episodes.stream().filter(e -> e.winsorizedSpend().compareTo(e.outcome().spend()) < 0).count();
        }
    }

    /** An episode with its spend held within its type's bounds. */
    public record Episode(EpisodeOutcome outcome, Money winsorizedSpend) {
        /** target − winsorized spend */
        public Money reconciliation() {
            return outcome.target().minus(winsorizedSpend);
        }
    }

    /**
     * @param base  the amount adjusted: the Total Reconciliation Amount, or the amount the limits left when
     *              the terms apply the limits first
     * @param score the composite quality score (CQS) applied, 0..1
     * @param rate  the share of the reconciliation adjusted: maxAdjustment × (1 − CQS) of a payment,
     *              maxAdjustment × CQS of a repayment
     * @param adjustment signed: negative reduces a payment, positive reduces a repayment
     */
    public record QualityAdjustment(Money base, BigDecimal score, BigDecimal maxAdjustment, BigDecimal rate, Money adjustment) {
    }

    /**
     * A stop-gain or stop-loss limit.
     *
     * @param share  of the total target
     * @param limit  share × total target, toward zero (negative for stop-loss)
     * @param before the amount it was applied to
     */
    public record Limit(BigDecimal share, Money limit, Money before) {
    }

    public List<Episode> episodes() {
        List<Episode> out = new ArrayList<>();
        types.forEach(t -> out.addAll(t.episodes()));
        return out;
    }

    public int episodeCount() {
        return types.stream().mapToInt(t -> t.episodes().size()).sum();
    }

    public int closed() {
        return (int) episodes().stream().filter(e -> e.outcome().closed()).count();
    }

    public int open() {
        return episodeCount() - closed();
    }

    /** Episodes meeting {@link EpisodeOutcome#closedUnderTarget()}. */
    public int closedUnderTarget() {
        return (int) episodes().stream().filter(e -> e.outcome().closedUnderTarget()).count();
    }

    public Money qualityAdjustmentAmount() {
        return qualityAdjustment == null ? Money.ZERO : qualityAdjustment.adjustment();
    }

    /** The amount the quality adjustment was applied to, plus the adjustment. */
    public Money adjustedReconciliation() {
        return qualityAdjustment == null ? reconciliation : qualityAdjustment.base().plus(qualityAdjustment.adjustment());
    }

    @Override
    public List<Benchmark> benchmarksMet(String arrangementId) {
        return episodes().stream().filter(e -> e.outcome().closedUnderTarget())
                .map(e -> BundledPaymentCalculator.underTarget(e.outcome())).toList();
    }
}
