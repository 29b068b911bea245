package org.vbcsettle.settlement.sharedsavings;

import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rates;
import org.vbcsettle.settlement.LineItem;

import java.math.BigDecimal;
import java.util.List;

import static org.vbcsettle.settlement.sharedsavings.SharedSavingsLineItems.plainDollars;

/** The loss side of a shared-savings statement with two-sided terms. */
final class LossLineItems {

    private LossLineItems() {
    }

    static void add(SharedSavings terms, SharedSavingsResult r, List<LineItem> lines) {
        SharedSavings.Downside down = terms.downside();
        SharedSavingsResult.Loss l = r.loss();
        Money losses = r.savings().negate();
        lines.add(LineItem.builder("Minimum loss rate")
                .input("method", SharedSavingsLineItems.describe(down.minimumLossRate()))
                .input("losses", losses)
                .input("loss rate of benchmark", Rates.percent(losses.ratioTo(r.benchmark(), Rates.RATE_SCALE)))
                .formula("losses count when losses ÷ benchmark ≥ MLR; then shared from the first dollar")
                .result(Rates.percent(l.minimumLossRate()) + (l.mlrMet() ? " (met)" : " (not met)")));
        if (!l.mlrMet()) {
            lines.add(LineItem.builder("Shared losses")
                    .input("losses", losses)
                    .formula("losses below the MLR: nothing is owed")
                    .money(Money.ZERO));
            return;
        }
        lines.add(LineItem.builder("Shared losses before the loss limit")
                .input("losses", losses)
                .input("shared loss rate", Rates.percent(l.lossRate()))
                .formula(lossRateRule(down.lossRate(), r.quality()) + "; losses × shared loss rate")
                .result(plainDollars(l.sharedCents())));
        if (down.lossLimit() != null) {
            LineItem.Builder b = LineItem.builder("Loss limit").input("shared losses", plainDollars(l.sharedCents()));
            if (r.inputs().participantRevenue() != null) {
                b.input("participant revenue", r.inputs().participantRevenue());
            }
            lines.add(b.input("limit", l.limitCents() == null ? "none" : plainDollars(l.limitCents()))
                    .formula("min(shared losses, limit); limit = " + limitRule(down.lossLimit(), r.inputs().participantRevenue() != null))
                    .result(plainDollars(l.owedBeforeDisasterCents())));
        }
        if (l.disasterShare().signum() > 0) {
            lines.add(LineItem.builder("Extreme and uncontrollable circumstances")
                    .input("shared losses", plainDollars(l.owedBeforeDisasterCents()))
                    .input("affected share", l.disasterShare().toPlainString())
                    .formula("shared losses reduced by shared losses × (share of the year affected × share of beneficiaries in affected areas)")
                    .result(plainDollars(l.owedBeforeDisasterCents().subtract(l.disasterReductionCents()))));
        }
    }

    private static String lossRateRule(SharedSavings.LossRate rate, SharedSavingsResult.Quality quality) {
        if (rate instanceof SharedSavings.LossRate.QualityScaled qs) {
            if (quality.passing() && quality.score() != null) {
                return "1 − " + qs.k().toPlainString() + " × quality score, within " + Rates.percent(qs.floor())
                        + "–" + Rates.percent(qs.ceiling());
            }
            return "quality standard not met (or no score): the ceiling";
        }
        return "fixed shared loss rate";
    }

    private static String limitRule(SharedSavings.LossLimit ll, boolean revenueReported) {
        BigDecimal ofBenchmark = ll.percentOfBenchmark();
        if (ll.percentOfRevenue() != null && revenueReported) {
            String formula = Rates.percent(ll.percentOfRevenue()) + " of participant revenue";
            return ofBenchmark == null ? formula : formula + ", capped at " + Rates.percent(ofBenchmark) + " of the benchmark";
        }
        if (ll.percentOfRevenue() != null) {
            return "participant revenue not reported: " + (ofBenchmark == null ? "no limit"
                    : Rates.percent(ofBenchmark) + " of the benchmark (the cap on the revenue-based limit)");
        }
        return ofBenchmark == null ? "no limit" : Rates.percent(ofBenchmark) + " of the benchmark";
    }
}
