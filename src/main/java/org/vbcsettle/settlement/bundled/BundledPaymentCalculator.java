package org.vbcsettle.settlement.bundled;

import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.BundledPayment.EpisodeDefinition;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rates;
import org.vbcsettle.money.Rounding;
import org.vbcsettle.settlement.ArrangementResult;
import org.vbcsettle.settlement.Benchmark;
import org.vbcsettle.settlement.CannotSettle;
import org.vbcsettle.settlement.Completion;
import org.vbcsettle.settlement.SettlementContext;
import org.vbcsettle.settlement.SettlementOutcome;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bundled-payment reconciliation after CMS BPCI Advanced (Clinical Episode Construction Specifications and
 * Clinical Episode Reconciliation Specifications, Model Years 1 and 2, CMS Innovation Center, 2019):
 * <ol>
 *   <li>episodes from anchor claims, excluded services left out and claims straddling the episode end
 *       prorated by days ({@link EpisodeConstruction}; Construction Specifications §5–§6);</li>
 *   <li>episode spend winsorized per episode type ({@link EpisodeWinsorization}: CMS's national 1st/99th
 *       percentile bounds, or explicitly the contract's own percentiles, or a fixed cap; §6.4);</li>
 *   <li>the Total Reconciliation Amount = Σ (final target price − winsorized spend), netted across all
 *       episodes of all types (Reconciliation Specifications, "Calculate Reconciliation Amounts");</li>
 *   <li>composite quality score (CQS) adjustment of that amount: a positive amount is reduced by up to
 *       maxAdjustment × (1 − CQS) of itself, a repayment by up to maxAdjustment × CQS of itself;</li>
 *   <li>then stop-gain / stop-loss: the result is held within [−stopLoss × total target, +stopGain × total
 *       target]. The order, CQS first and the limits last, is the order of CMS's reconciliation steps as
 *       this project reads them; the published text could not be confirmed here (contracts/README.md).</li>
 * </ol>
 * Positive: payment to the provider; negative: repayment to the payer. The figures are a
 * {@link BundledPaymentResult}; {@link BundledPaymentLineItems} writes the statement from them.
 */
public final class BundledPaymentCalculator {

    /** Limits and the quality adjustment round toward zero, so that none exceeds its share. */
    public static final Rounding LIMIT_ROUNDING = Rounding.TOWARD_ZERO_CENT;

    private BundledPaymentCalculator() {
    }

    /** Settles from the context's claims; {@code composites} holds the composite score of each quality arrangement. */
    public static SettlementOutcome<ArrangementResult> settle(BundledPayment terms, SettlementContext ctx,
                                                              Map<String, BigDecimal> composites) {
        return settle(terms, ctx, composites, false);
    }

    /**
     * As {@link #settle}, over the episodes an advance may count on ({@link EpisodeOutcome#knownForAdvance}): the
     * closed ones, and the open ones already over their target (a shortfall already owed). An open episode under
     * its target is still accumulating spend (its later claims are not paid yet), so counting it as if reconciled
     * would pay target − partial spend, far above what the final pays.
     */
    public static SettlementOutcome<ArrangementResult> settleForAdvance(BundledPayment terms, SettlementContext ctx,
                                                                            Map<String, BigDecimal> composites) {
        return settle(terms, ctx, composites, true);
    }

    private static SettlementOutcome<ArrangementResult> settle(BundledPayment terms, SettlementContext ctx,
                                                               Map<String, BigDecimal> composites, boolean closedOnly) {
        return SettlementOutcome.attempt(() -> {
            String where = "bundled-payment " + terms.id();
            List<EpisodeOutcome> episodes = EpisodeConstruction.build(terms, ctx.claims(), ctx.period());
            if (closedOnly) {
                episodes = episodes.stream().filter(EpisodeOutcome::knownForAdvance).toList();
            }
            BigDecimal cf = Completion.factor(where, ctx.completionFactor());
            BundledPaymentResult.CompletedSpend completion = null;
            if (Completion.applies(cf)) {
                // Interim view: paid claims are completed to an estimate of incurred spend.
                List<EpisodeOutcome> completed = episodes.stream().map(e -> e.withSpend(Completion.complete(e.spend(), cf))).toList();
                completion = new BundledPaymentResult.CompletedSpend(Money.sum(episodes.stream().map(EpisodeOutcome::spend).toList()),
                        cf, Money.sum(completed.stream().map(EpisodeOutcome::spend).toList()));
                episodes = completed;
            }
            BundledPaymentResult r = result(terms, episodes, qualityScore(terms, ctx, composites), completion);
            return ArrangementResult.of(terms.id(), terms.typeName(), r, BundledPaymentLineItems.of(terms, r));
        });
    }

    /** Opens and closes episodes from the claims in effect (anchor codes, window). */
    public static SettlementOutcome<List<EpisodeOutcome>> episodes(BundledPayment terms, SettlementContext ctx) {
        return SettlementOutcome.attempt(() -> EpisodeConstruction.build(terms, ctx.claims(), ctx.period()));
    }

    /** The episodes of the context that meet {@link EpisodeOutcome#closedUnderTarget()}, as payout benchmarks. */
    public static SettlementOutcome<List<Benchmark>> episodesClosedUnderTarget(BundledPayment terms, SettlementContext ctx) {
        return episodes(terms, ctx).map(list -> list.stream().filter(EpisodeOutcome::closedUnderTarget)
                .map(BundledPaymentCalculator::underTarget).toList());
    }

    /** The payout benchmark of an episode closed under its target. */
    public static Benchmark underTarget(EpisodeOutcome e) {
        return new Benchmark("episode." + e.id() + ".under-target",
                "episode " + e.id() + " (" + e.episodeType() + ", member " + e.memberId() + ") closed with spend "
                        + e.spend() + " under its target " + e.target());
    }

    /**
     * The core reconciliation over episodes (used by settle and simulations).
     *
     * @param compositeQualityScore 0..1, null when no quality adjustment applies
     */
    public static SettlementOutcome<BundledPaymentResult> compute(BundledPayment terms, List<EpisodeOutcome> episodes,
                                                                  BigDecimal compositeQualityScore) {
        return SettlementOutcome.attempt(() -> result(terms, episodes, compositeQualityScore, null));
    }

    /** As {@link #compute}, with the line items of the statement. */
    public static SettlementOutcome<ArrangementResult> computeWithLineItems(BundledPayment terms, List<EpisodeOutcome> episodes,
                                                                            BigDecimal compositeQualityScore) {
        return compute(terms, episodes, compositeQualityScore)
                .map(r -> ArrangementResult.of(terms.id(), terms.typeName(), r, BundledPaymentLineItems.of(terms, r)));
    }

    private static BundledPaymentResult result(BundledPayment terms, List<EpisodeOutcome> episodes, BigDecimal cqs,
                                               BundledPaymentResult.CompletedSpend completion) {
        String where = "bundled-payment " + terms.id();
        List<BundledPaymentResult.EpisodeType> types = new ArrayList<>();
        for (Map.Entry<String, List<EpisodeOutcome>> t : groupByType(terms, episodes).entrySet()) {
            types.add(winsorized(where, terms, t.getKey(), t.getValue()));
        }
        Money totalTarget = Money.sum(types.stream().map(BundledPaymentResult.EpisodeType::target).toList());
        Money totalSpend = Money.sum(types.stream().map(BundledPaymentResult.EpisodeType::spend).toList());
        Money totalWinsorized = Money.sum(types.stream().map(BundledPaymentResult.EpisodeType::winsorizedSpend).toList());
        Money reconciliation = totalTarget.minus(totalWinsorized);

        boolean quality = terms.qualityAdjustment() != null && cqs != null;
        BundledPaymentResult.QualityAdjustment qa = null;
        Limited limited;
        Money amount;
        if (terms.qualityFirst()) {
            qa = quality ? qualityAdjustment(where, terms.qualityAdjustment(), reconciliation, cqs) : null;
            limited = limits(where, terms, totalTarget, qa == null ? reconciliation : reconciliation.plus(qa.adjustment()));
            amount = limited.amount();
        } else {
            limited = limits(where, terms, totalTarget, reconciliation);
            qa = quality ? qualityAdjustment(where, terms.qualityAdjustment(), limited.amount(), cqs) : null;
            amount = qa == null ? limited.amount() : limited.amount().plus(qa.adjustment());
        }
        BundledPaymentResult.Limit stopGain = limited.stopGain();
        BundledPaymentResult.Limit stopLoss = limited.stopLoss();
        return new BundledPaymentResult(completion, types, totalTarget, totalSpend, totalWinsorized, reconciliation, qa,
                stopGain, stopLoss, amount);
    }

    /** The stop-gain and stop-loss limits applied to {@code amount}, and the amount they leave. */
    private record Limited(BundledPaymentResult.Limit stopGain, BundledPaymentResult.Limit stopLoss, Money amount) {
    }

    /**
     * Stop-gain / stop-loss: the amount held within [−stopLoss × total target, +stopGain × total target]
     * (BPCI Advanced: 20% of the Total Performance Period Target Amount each way), limits toward zero.
     */
    private static Limited limits(String where, BundledPayment terms, Money totalTarget, Money amount) {
        Money a = amount;
        BundledPaymentResult.Limit stopGain = null;
        if (terms.stopGain() != null) {
            BigDecimal share = share(terms.stopGain(), where + ": stopGain");
            stopGain = new BundledPaymentResult.Limit(share, totalTarget.times(share, LIMIT_ROUNDING), a);
            a = Money.min(a, stopGain.limit());
        }
        BundledPaymentResult.Limit stopLoss = null;
        if (terms.stopLoss() != null) {
            BigDecimal share = share(terms.stopLoss(), where + ": stopLoss");
            stopLoss = new BundledPaymentResult.Limit(share, totalTarget.times(share, LIMIT_ROUNDING).negate(), a);
            a = Money.max(a, stopLoss.limit());
        }
        return new Limited(stopGain, stopLoss, a);
    }

    private static BundledPaymentResult.EpisodeType winsorized(String where, BundledPayment terms, String type,
                                                               List<EpisodeOutcome> list) {
        BundledPayment.SpendBounds national = terms.episodes() == null ? null : terms.episodes().stream()
                .filter(d -> type.equals(d.episodeType())).map(EpisodeDefinition::nationalBounds).filter(b -> b != null)
                .findFirst().orElse(null);
        EpisodeWinsorization w = EpisodeWinsorization.of(terms.winsorization(), national,
                list.stream().map(EpisodeOutcome::spend).toList(), where + ", episode " + type);
        List<BundledPaymentResult.Episode> out = list.stream().map(e -> new BundledPaymentResult.Episode(e, w.apply(e.spend()))).toList();
        return new BundledPaymentResult.EpisodeType(type, w.method(), w.lower(), w.upper(), out);
    }

    /**
     * The CQS adjustment, signed (negative reduces a payment, positive reduces a repayment). Rounded toward
     * zero so that it never exceeds maxAdjustment of the reconciliation amount.
     */
    private static BundledPaymentResult.QualityAdjustment qualityAdjustment(String where, BundledPayment.QualityAdjustment qa,
                                                                            Money reconciliation, BigDecimal cqs) {
        BigDecimal max = share(qa.maxAdjustment(), where + ": qualityAdjustment.maxAdjustment");
        if (!Rates.between(cqs, BigDecimal.ZERO, BigDecimal.ONE)) {
            throw new CannotSettle(where + ": composite quality score must be in [0, 1], was " + cqs);
        }
        if (reconciliation.isPositive()) {
            BigDecimal rate = max.multiply(BigDecimal.ONE.subtract(cqs));
            return new BundledPaymentResult.QualityAdjustment(reconciliation, cqs, max, rate, reconciliation.times(rate, LIMIT_ROUNDING).negate());
        }
        if (reconciliation.isNegative()) {
            BigDecimal rate = max.multiply(cqs);
            return new BundledPaymentResult.QualityAdjustment(reconciliation, cqs, max, rate, reconciliation.abs().times(rate, LIMIT_ROUNDING));
        }
        return new BundledPaymentResult.QualityAdjustment(reconciliation, cqs, max, BigDecimal.ZERO, Money.ZERO);
    }

    /**
     * The CQS used: a reported score wins (reported facts override what the engine derives), else the
     * composite of the named quality-incentive arrangement. A quality adjustment without either is refused
     * rather than settled as a silent full payment.
     */
    static BigDecimal qualityScore(BundledPayment terms, SettlementContext ctx, Map<String, BigDecimal> composites) {
        BundledPayment.QualityAdjustment qa = terms.qualityAdjustment();
        if (qa == null) {
            return null;
        }
        BigDecimal reported = ctx.reported() == null ? null : ctx.reported().compositeQualityScore();
        if (reported != null) {
            return reported;
        }
        if (qa.sourceArrangement() != null) {
            BigDecimal c = composites == null ? null : composites.get(qa.sourceArrangement());
            if (c == null) {
                throw new CannotSettle("bundled-payment " + terms.id()
                        + ": qualityAdjustment.sourceArrangement '" + qa.sourceArrangement()
                        + "' is not a quality-incentive arrangement of this contract with a composite score");
            }
            return c;
        }
        throw new CannotSettle("bundled-payment " + terms.id()
                + ": qualityAdjustment needs a composite quality score: report reported.compositeQualityScore"
                + " or name qualityAdjustment.sourceArrangement");
    }

    private static BigDecimal share(BigDecimal v, String field) {
        if (v == null || !Rates.between(v, BigDecimal.ZERO, BigDecimal.ONE)) {
            throw new CannotSettle(field + " must be in [0, 1], was " + v);
        }
        return v;
    }

    /** Episodes grouped by type: the contract's types first in contract order, then any other, by name. */
    private static Map<String, List<EpisodeOutcome>> groupByType(BundledPayment terms, List<EpisodeOutcome> episodes) {
        Map<String, List<EpisodeOutcome>> byType = new LinkedHashMap<>();
        if (terms.episodes() != null) {
            for (EpisodeDefinition d : terms.episodes()) {
                byType.put(d.episodeType(), new ArrayList<>());
            }
        }
        Map<String, List<EpisodeOutcome>> others = new TreeMap<>();
        for (EpisodeOutcome e : episodes) {
            List<EpisodeOutcome> l = byType.get(e.episodeType());
            (l != null ? l : others.computeIfAbsent(e.episodeType(), k -> new ArrayList<>())).add(e);
        }
        byType.putAll(others);
        byType.values().removeIf(List::isEmpty);
        for (List<EpisodeOutcome> l : byType.values()) {
            l.sort(Comparator.comparing(EpisodeOutcome::id));
        }
        return byType;
    }

    /** An episode type's target: target price less the CMS discount, to the nearest cent (one rule for all callers). */
    public static Money episodeTarget(BundledPayment terms, EpisodeDefinition definition) {
        return EpisodeConstruction.target(terms, definition);
    }
}
