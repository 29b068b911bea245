package org.vbcsettle.settlement.bundled;

import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rates;
import org.vbcsettle.money.Rounding;
import org.vbcsettle.settlement.Completion;
import org.vbcsettle.settlement.LineItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes a bundled-payment statement from its {@link BundledPaymentResult}: one line per episode, then per type and total. */
final class BundledPaymentLineItems {

    private BundledPaymentLineItems() {
    }

    static List<LineItem> of(BundledPayment terms, BundledPaymentResult r) {
        List<LineItem> items = new ArrayList<>();
        if (r.completion() != null) {
            items.add(LineItem.builder("Completed episode spend (incurred but not reported)")
                    .input("paid episode spend", r.completion().paid())
                    .input("completion factor", r.completion().completionFactor().toPlainString())
                    .input("rounding", Completion.ROUNDING.description())
                    .formula("each episode's spend ÷ completion factor")
                    .money(r.completion().completed()));
        }
        for (BundledPaymentResult.EpisodeType t : r.types()) {
            definition(terms, t.episodeType()).ifPresent(d -> items.add(targetPrice(terms, d)));
            for (BundledPaymentResult.Episode e : t.episodes()) {
                items.add(episode(t.episodeType(), e));
            }
            items.add(LineItem.builder("Winsorization " + t.episodeType())
                    .input("episodes", t.episodes().size())
                    .input("method", t.method())
                    .input("lower bound", t.lower() == null ? "none" : t.lower().toString())
                    .input("upper bound", t.upper() == null ? "none" : t.upper().toString())
                    .input("episodes raised", t.raised())
                    .input("episodes lowered", t.lowered())
                    .input("spend", t.spend())
                    .formula("each episode's spend held within [lower bound, upper bound]")
                    .money(t.winsorizedSpend()));
            items.add(LineItem.builder("Reconciliation " + t.episodeType())
                    .input("episodes", t.episodes().size())
                    .input("total target", t.target())
                    .input("winsorized spend", t.winsorizedSpend())
                    .formula("Σ target − Σ winsorized spend")
                    .money(t.reconciliation()));
        }
        items.add(LineItem.builder("Total reconciliation amount")
                .input("episodes", r.episodeCount())
                .input("total target", r.totalTarget())
                .input("total winsorized spend", r.totalWinsorized())
                .formula("Σ over episode types (target − winsorized spend), netted across all episodes")
                .money(r.reconciliation()));
        // CMS's order: the CQS adjustment of the Total Reconciliation Amount, then the limits; terms may reverse it.
        if (terms.qualityFirst()) {
            if (r.qualityAdjustment() != null) {
                qualityAdjustment(r, items, "reconciliation");
            }
            limits(terms, r, items, "adjusted reconciliation");
        } else {
            limits(terms, r, items, "reconciliation");
            if (r.qualityAdjustment() != null) {
                qualityAdjustment(r, items, "amount within the limits");
            }
        }
        items.add(LineItem.builder(r.amount().isNegative() ? "Repayment to the payer" : "Payment to the provider")
                .input("amount", r.amount())
                .formula("positive: payment to the provider; negative: repayment to the payer")
                .money(r.amount()));
        return items;
    }

    private static Optional<BundledPayment.EpisodeDefinition> definition(BundledPayment terms, String type) {
        return terms.episodes() == null ? Optional.empty()
                : terms.episodes().stream().filter(d -> type.equals(d.episodeType())).findFirst();
    }

    /** The final target price as CMS builds it: benchmark price × case-mix adjustment × (1 − discount). */
    private static LineItem targetPrice(BundledPayment terms, BundledPayment.EpisodeDefinition d) {
        return LineItem.builder("Target price " + d.episodeType())
                .input("benchmark price", d.targetPrice())
                .input("patient case-mix adjustment", d.caseMixAdjustment() == null ? "1" : d.caseMixAdjustment().toPlainString())
                .input("CMS discount", d.discount() == null ? "none" : Rates.percent(d.discount()))
                .input("rounding", Rounding.NEAREST_CENT.description())
                .formula("benchmark price × case-mix adjustment × (1 − discount)")
                .money(BundledPaymentCalculator.episodeTarget(terms, d));
    }

    private static LineItem episode(String type, BundledPaymentResult.Episode episode) {
        EpisodeOutcome e = episode.outcome();
        return LineItem.builder("Episode " + e.id())
                .input("episode type", type)
                .input("member", e.memberId())
                .input("anchor claim", e.anchorClaimId())
                .input("window", e.start() + " to " + e.end())
                .input("closed", e.closed())
                .input("spend", e.spend())
                .input("winsorized spend", episode.winsorizedSpend())
                .input("target", e.target())
                .formula("target − winsorized spend")
                .money(episode.reconciliation());
    }

    private static void qualityAdjustment(BundledPaymentResult r, List<LineItem> items, String baseName) {
        BundledPaymentResult.QualityAdjustment qa = r.qualityAdjustment();
        Money base = qa.base();
        String formula = base.isPositive() ? "−(" + baseName + " × maxAdjustment × (1 − CQS))"
                : base.isNegative() ? "|" + baseName + "| × maxAdjustment × CQS (reduces the repayment)"
                : "no adjustment of a zero " + baseName;
        items.add(LineItem.builder("Composite quality score adjustment")
                .input(baseName, base)
                .input("composite quality score", qa.score().toPlainString())
                .input("maximum adjustment", Rates.percent(qa.maxAdjustment()))
                .input("adjustment rate", Rates.percent(qa.rate()))
                .input("rounding", BundledPaymentCalculator.LIMIT_ROUNDING.description())
                .formula(formula)
                .money(qa.adjustment()));
        items.add(LineItem.builder("Quality-adjusted reconciliation")
                .input(baseName, base)
                .input("adjustment", qa.adjustment())
                .formula(baseName + " + adjustment")
                .money(r.adjustedReconciliation()));
    }

    private static void limits(BundledPayment terms, BundledPaymentResult r, List<LineItem> items, String beforeName) {
        BundledPaymentResult.Limit gain = r.stopGain();
        if (gain != null) {
            items.add(limit("Stop-gain limit", "stop-gain", terms.stopGain(), r, gain, beforeName)
                    .formula("min(" + beforeName + ", stop-gain × total target)")
                    .money(Money.min(gain.before(), gain.limit())));
        }
        BundledPaymentResult.Limit loss = r.stopLoss();
        if (loss != null) {
            items.add(limit("Stop-loss limit", "stop-loss", terms.stopLoss(), r, loss, "amount before")
                    .formula("max(amount, −stop-loss × total target)")
                    .money(Money.max(loss.before(), loss.limit())));
        }
    }

    private static LineItem.Builder limit(String label, String shareName, java.math.BigDecimal share, BundledPaymentResult r,
                                          BundledPaymentResult.Limit limit, String beforeName) {
        return LineItem.builder(label)
                .input("total target", r.totalTarget())
                .input(shareName, Rates.percent(share))
                .input("limit", limit.limit())
                .input(beforeName, limit.before())
                .input("rounding", BundledPaymentCalculator.LIMIT_ROUNDING.description());
    }
}
