package org.vbcsettle.settlement;

import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.BundledPayment.EpisodeDefinition;
import org.vbcsettle.contract.BundledPayment.QualityAdjustment;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rates;
import org.vbcsettle.money.Rounding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bundled-payment reconciliation after CMS BPCI Advanced:
 * <ol>
 *   <li>episodes from anchor claims ({@link EpisodeConstruction});</li>
 *   <li>episode spend winsorized per episode type ({@link EpisodeWinsorization}: nearest-rank percentiles
 *       over the period's episodes of the type, or a fixed cap per episode);</li>
 *   <li>reconciliation = Σ (target − winsorized spend);</li>
 *   <li>composite quality score (CQS) adjustment: a positive amount is reduced by up to
 *       maxAdjustment × (1 − CQS) of itself, a repayment by up to maxAdjustment × CQS of itself;</li>
 *   <li>stop-gain / stop-loss: the result is held within [−stopLoss × total target, +stopGain × total target].</li>
 * </ol>
 * Positive: payment to the provider; negative: repayment to the payer. Metrics carry counts as integers and
 * money as whole cents (the JSON form of an amount).
 */
public final class BundledPaymentCalculator {

    public static final String METRIC_EPISODES = "episodes";
    public static final String METRIC_EPISODES_CLOSED = "episodesClosed";
    public static final String METRIC_EPISODES_OPEN = "episodesOpen";
    public static final String METRIC_CLOSED_UNDER_TARGET = "episodesClosedUnderTarget";
    public static final String METRIC_TOTAL_TARGET = "totalTarget";
    public static final String METRIC_TOTAL_SPEND = "totalSpend";
    public static final String METRIC_WINSORIZED_SPEND = "totalWinsorizedSpend";
    public static final String METRIC_RECONCILIATION = "reconciliation";
    public static final String METRIC_QUALITY_ADJUSTMENT = "qualityAdjustment";
    public static final String METRIC_CQS = "compositeQualityScore";
    public static final String METRIC_AMOUNT = "amount";

    private BundledPaymentCalculator() {
    }

    public static ArrangementResult settle(BundledPayment terms, SettlementContext ctx, Map<String, BigDecimal> composites) {
        List<EpisodeOutcome> episodes = episodes(terms, ctx);
        BigDecimal cf = ctx.completionFactor() == null ? BigDecimal.ONE : ctx.completionFactor();
        List<LineItem> pre = new ArrayList<>();
        if (cf.compareTo(BigDecimal.ONE) != 0) {
            if (cf.signum() <= 0 || cf.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("bundled-payment " + terms.id() + ": completionFactor must be in (0, 1], was " + cf);
            }
            List<EpisodeOutcome> completed = new ArrayList<>(episodes.size());
            Money paid = Money.ZERO;
            Money total = Money.ZERO;
            for (EpisodeOutcome e : episodes) {
                // Interim view: paid claims are completed to an estimate of incurred spend.
                Money spend = Rounding.NEAREST_CENT.apply(e.spend().toDecimalCents().divide(cf, 10, RoundingMode.HALF_EVEN));
                paid = paid.plus(e.spend());
                total = total.plus(spend);
                completed.add(new EpisodeOutcome(e.id(), e.memberId(), e.episodeType(), e.anchorClaimId(), e.start(),
                        e.end(), spend, e.target(), e.closed()));
            }
            episodes = completed;
            pre.add(LineItem.builder("Completed episode spend (incurred but not reported)")
                    .input("paid episode spend", paid)
                    .input("completion factor", cf.toPlainString())
                    .input("rounding", Rounding.NEAREST_CENT.description())
                    .formula("each episode's spend ÷ completion factor")
                    .money(total));
        }
        BigDecimal cqs = qualityScore(terms, ctx, composites);
        ArrangementResult r = compute(terms, episodes, cqs);
        if (pre.isEmpty()) {
            return r;
        }
        List<LineItem> items = new ArrayList<>(pre);
        items.addAll(r.lineItems());
        return new ArrangementResult(r.arrangementId(), r.type(), items, r.amount(), r.metrics());
    }

    /** Opens and closes episodes from the claims in effect (anchor codes, window). */
    public static List<EpisodeOutcome> episodes(BundledPayment terms, SettlementContext ctx) {
        return EpisodeConstruction.build(terms, ctx.claims(), ctx.period());
    }

    /**
     * The core reconciliation over episodes (used by settle and simulations).
     *
     * @param compositeQualityScore 0..1, null when no quality adjustment applies
     */
    public static ArrangementResult compute(BundledPayment terms, List<EpisodeOutcome> episodes,
                                            BigDecimal compositeQualityScore) {
        return compute(terms, episodes, compositeQualityScore, true);
    }

    /**
     * As {@link #compute(BundledPayment, List, BigDecimal)}; {@code episodeLines} false leaves out the one
     * line item per episode (same amount and metrics), for callers such as Monte Carlo trials that only
     * need the figures.
     */
    public static ArrangementResult compute(BundledPayment terms, List<EpisodeOutcome> episodes,
                                            BigDecimal compositeQualityScore, boolean episodeLines) {
        String where = "bundled-payment " + terms.id();
        List<LineItem> items = new ArrayList<>();
        Map<String, String> metrics = new LinkedHashMap<>();

        Map<String, List<EpisodeOutcome>> byType = groupByType(terms, episodes);
        Money totalTarget = Money.ZERO;
        Money totalSpend = Money.ZERO;
        Money totalWinsorized = Money.ZERO;
        Money reconciliation = Money.ZERO;
        long closed = 0;
        long closedUnderTarget = 0;
        for (Map.Entry<String, List<EpisodeOutcome>> t : byType.entrySet()) {
            String type = t.getKey();
            List<EpisodeOutcome> list = t.getValue();
            List<Money> spends = list.stream().map(EpisodeOutcome::spend).toList();
            EpisodeWinsorization w = EpisodeWinsorization.of(terms.winsorization(), spends, where + ", episode " + type);
            Money typeTarget = Money.ZERO;
            Money typeSpend = Money.ZERO;
            Money typeWinsorized = Money.ZERO;
            int raised = 0;
            int lowered = 0;
            for (EpisodeOutcome e : list) {
                Money ws = w.apply(e.spend());
                if (ws.compareTo(e.spend()) > 0) {
                    raised++;
                } else if (ws.compareTo(e.spend()) < 0) {
                    lowered++;
                }
                Money diff = e.target().minus(ws);
                if (episodeLines) {
                    items.add(LineItem.builder("Episode " + e.id())
                            .input("episode type", type)
                            .input("member", e.memberId())
                            .input("anchor claim", e.anchorClaimId())
                            .input("window", e.start() + " to " + e.end())
                            .input("closed", e.closed())
                            .input("spend", e.spend())
                            .input("winsorized spend", ws)
                            .input("target", e.target())
                            .formula("target − winsorized spend")
                            .money(diff));
                }
                typeTarget = typeTarget.plus(e.target());
                typeSpend = typeSpend.plus(e.spend());
                typeWinsorized = typeWinsorized.plus(ws);
                if (e.closed()) {
                    closed++;
                    if (ws.compareTo(e.target()) < 0) {
                        closedUnderTarget++;
                    }
                }
            }
            Money typeRecon = typeTarget.minus(typeWinsorized);
            items.add(LineItem.builder("Winsorization " + type)
                    .input("episodes", list.size())
                    .input("method", w.method())
                    .input("lower bound", w.lower() == null ? "none" : w.lower().toString())
                    .input("upper bound", w.upper() == null ? "none" : w.upper().toString())
                    .input("episodes raised", raised)
                    .input("episodes lowered", lowered)
                    .input("spend", typeSpend)
                    .formula("each episode's spend held within [lower bound, upper bound]")
                    .money(typeWinsorized));
            items.add(LineItem.builder("Reconciliation " + type)
                    .input("episodes", list.size())
                    .input("total target", typeTarget)
                    .input("winsorized spend", typeWinsorized)
                    .formula("Σ target − Σ winsorized spend")
                    .money(typeRecon));
            metrics.put("episodeType." + type + ".episodes", String.valueOf(list.size()));
            metrics.put("episodeType." + type + ".totalTarget", String.valueOf(typeTarget.cents()));
            metrics.put("episodeType." + type + ".totalSpend", String.valueOf(typeSpend.cents()));
            metrics.put("episodeType." + type + ".reconciliation", String.valueOf(typeRecon.cents()));
            totalTarget = totalTarget.plus(typeTarget);
            totalSpend = totalSpend.plus(typeSpend);
            totalWinsorized = totalWinsorized.plus(typeWinsorized);
            reconciliation = reconciliation.plus(typeRecon);
        }
        items.add(LineItem.builder("Total reconciliation amount")
                .input("episodes", episodes.size())
                .input("total target", totalTarget)
                .input("total winsorized spend", totalWinsorized)
                .formula("Σ over episode types (target − winsorized spend)")
                .money(reconciliation));

        Money adjustment = Money.ZERO;
        QualityAdjustment qa = terms.qualityAdjustment();
        if (qa != null && compositeQualityScore != null) {
            adjustment = qualityAdjustment(where, qa, reconciliation, compositeQualityScore, items);
            metrics.put(METRIC_CQS, compositeQualityScore.toPlainString());
        }
        Money adjusted = reconciliation.plus(adjustment);

        Money amount = adjusted;
        if (terms.stopGain() != null) {
            Money gainLimit = totalTarget.times(share(terms.stopGain(), where + ": stopGain"), Rounding.TOWARD_ZERO_CENT);
            amount = Money.min(amount, gainLimit);
            items.add(LineItem.builder("Stop-gain limit")
                    .input("total target", totalTarget)
                    .input("stop-gain", Rates.percent(terms.stopGain()))
                    .input("limit", gainLimit)
                    .input("adjusted reconciliation", adjusted)
                    .input("rounding", Rounding.TOWARD_ZERO_CENT.description())
                    .formula("min(adjusted reconciliation, stop-gain × total target)")
                    .money(amount));
        }
        if (terms.stopLoss() != null) {
            Money lossLimit = totalTarget.times(share(terms.stopLoss(), where + ": stopLoss"), Rounding.TOWARD_ZERO_CENT);
            Money before = amount;
            amount = Money.max(amount, lossLimit.negate());
            items.add(LineItem.builder("Stop-loss limit")
                    .input("total target", totalTarget)
                    .input("stop-loss", Rates.percent(terms.stopLoss()))
                    .input("limit", lossLimit.negate())
                    .input("amount before", before)
                    .input("rounding", Rounding.TOWARD_ZERO_CENT.description())
                    .formula("max(amount, −stop-loss × total target)")
                    .money(amount));
        }
        items.add(LineItem.builder(amount.isNegative() ? "Repayment to the payer" : "Payment to the provider")
                .input("amount", amount)
                .formula("positive: payment to the provider; negative: repayment to the payer")
                .money(amount));

        Map<String, String> head = new LinkedHashMap<>();
        head.put(METRIC_EPISODES, String.valueOf(episodes.size()));
        head.put(METRIC_EPISODES_CLOSED, String.valueOf(closed));
        head.put(METRIC_EPISODES_OPEN, String.valueOf(episodes.size() - closed));
        head.put(METRIC_CLOSED_UNDER_TARGET, String.valueOf(closedUnderTarget));
        head.put(METRIC_TOTAL_TARGET, String.valueOf(totalTarget.cents()));
        head.put(METRIC_TOTAL_SPEND, String.valueOf(totalSpend.cents()));
        head.put(METRIC_WINSORIZED_SPEND, String.valueOf(totalWinsorized.cents()));
        head.put(METRIC_RECONCILIATION, String.valueOf(reconciliation.cents()));
        head.put(METRIC_QUALITY_ADJUSTMENT, String.valueOf(adjustment.cents()));
        head.put(METRIC_AMOUNT, String.valueOf(amount.cents()));
        head.putAll(metrics);
        return new ArrangementResult(terms.id(), terms.typeName(), items, amount, head);
    }

    /**
     * The CQS adjustment, signed (negative reduces a payment, positive reduces a repayment). Rounded toward
     * zero so that it never exceeds maxAdjustment of the reconciliation amount.
     */
    private static Money qualityAdjustment(String where, QualityAdjustment qa, Money reconciliation, BigDecimal cqs,
                                           List<LineItem> items) {
        BigDecimal max = share(qa.maxAdjustment(), where + ": qualityAdjustment.maxAdjustment");
        if (!Rates.between(cqs, BigDecimal.ZERO, BigDecimal.ONE)) {
            throw new IllegalArgumentException(where + ": composite quality score must be in [0, 1], was " + cqs);
        }
        Money adjustment;
        String formula;
        BigDecimal rate;
        if (reconciliation.isPositive()) {
            rate = max.multiply(BigDecimal.ONE.subtract(cqs));
            adjustment = reconciliation.times(rate, Rounding.TOWARD_ZERO_CENT).negate();
            formula = "−(reconciliation × maxAdjustment × (1 − CQS))";
        } else if (reconciliation.isNegative()) {
            rate = max.multiply(cqs);
            adjustment = reconciliation.abs().times(rate, Rounding.TOWARD_ZERO_CENT);
            formula = "|reconciliation| × maxAdjustment × CQS (reduces the repayment)";
        } else {
            rate = BigDecimal.ZERO;
            adjustment = Money.ZERO;
            formula = "no adjustment of a zero reconciliation";
        }
        items.add(LineItem.builder("Composite quality score adjustment")
                .input("reconciliation", reconciliation)
                .input("composite quality score", cqs.toPlainString())
                .input("maximum adjustment", Rates.percent(max))
                .input("adjustment rate", Rates.percent(rate))
                .input("rounding", Rounding.TOWARD_ZERO_CENT.description())
                .formula(formula)
                .money(adjustment));
        items.add(LineItem.builder("Quality-adjusted reconciliation")
                .input("reconciliation", reconciliation)
                .input("adjustment", adjustment)
                .formula("reconciliation + adjustment")
                .money(reconciliation.plus(adjustment)));
        return adjustment;
    }

    /**
     * The CQS used: a reported score wins (reported facts override what the engine derives), else the
     * composite of the named quality-incentive arrangement. A quality adjustment without either is an error
     * rather than a silent full payment.
     */
    static BigDecimal qualityScore(BundledPayment terms, SettlementContext ctx, Map<String, BigDecimal> composites) {
        QualityAdjustment qa = terms.qualityAdjustment();
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
                throw new IllegalArgumentException("bundled-payment " + terms.id()
                        + ": qualityAdjustment.sourceArrangement '" + qa.sourceArrangement()
                        + "' is not a quality-incentive arrangement of this contract with a composite score");
            }
            return c;
        }
        throw new IllegalArgumentException("bundled-payment " + terms.id()
                + ": qualityAdjustment needs a composite quality score: report reported.compositeQualityScore"
                + " or name qualityAdjustment.sourceArrangement");
    }

    private static BigDecimal share(BigDecimal v, String field) {
        if (v == null || !Rates.between(v, BigDecimal.ZERO, BigDecimal.ONE)) {
            throw new IllegalArgumentException(field + " must be in [0, 1], was " + v);
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
    public static org.vbcsettle.money.Money episodeTarget(BundledPayment terms, BundledPayment.EpisodeDefinition definition) {
        return EpisodeConstruction.target(terms, definition);
    }
}
