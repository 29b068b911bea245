package org.vbcsettle.settlement.sharedsavings;

import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rates;
import org.vbcsettle.settlement.LineItem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a shared-savings statement from its {@link SharedSavingsResult} and the terms it was settled under:
 * the derivation of the figures first (when they were derived), then savings, quality, the savings or loss
 * side and the rounded amount.
 */
final class SharedSavingsLineItems {

    private SharedSavingsLineItems() {
    }

    static List<LineItem> of(SharedSavings terms, SharedSavingsResult r) {
        List<LineItem> lines = new ArrayList<>();
        if (r.basis() != null) {
            SharedSavingsBasisLineItems.add(r, lines);
        }
        Money benchmark = r.benchmark();
        lines.add(LineItem.builder("Savings (benchmark − expenditure)")
                .input("benchmark", benchmark)
                .input("expenditure", r.expenditure())
                .formula("benchmark − expenditure (negative: losses)")
                .money(r.savings()));
        lines.add(LineItem.builder("Savings rate")
                .input("savings", r.savings())
                .input("benchmark", benchmark)
                .formula("savings ÷ benchmark")
                .result(Rates.percent(r.savingsRate())));
        lines.add(quality(terms, r));
        if (r.inputs().guardrailApplies()) {
            lines.add(LineItem.builder("Benchmark guardrail (42 CFR 425.652(b)(5)(ii))")
                    .input("savings", r.savings())
                    .formula("expenditures below the recalculated benchmark: neither savings nor losses are shared")
                    .money(Money.ZERO));
        } else if (r.gain() != null) {
            SavingsLineItems.add(terms, r, lines);
        } else if (r.loss() != null) {
            LossLineItems.add(terms, r, lines);
        } else {
            lines.add(LineItem.builder("Shared losses")
                    .input("savings", r.savings())
                    .formula(r.savings().isZero() ? "no savings and no losses" : "one-sided terms: losses are not shared")
                    .money(Money.ZERO));
        }
        lines.add(LineItem.builder(r.earned().isNegative() ? "Shared losses owed" : "Earned shared savings")
                .input("unrounded", plainDollars(r.unroundedCents()))
                .formula(SharedSavingsCalculator.AMOUNT_ROUNDING.description())
                .money(r.earned()));
        return lines;
    }

    private static LineItem quality(SharedSavings terms, SharedSavingsResult r) {
        SharedSavingsResult.Quality q = r.quality();
        SharedSavingsFigures f = r.inputs();
        String how = !q.gated() ? "no quality gate in the terms: full sharing rate"
                : q.standardMet() ? "quality performance standard met: full sharing rate"
                : q.alternativeMet() ? "only the alternative (scaled) standard met: sharing rate × quality score"
                : "no quality standard met: no shared savings";
        LineItem.Builder b = LineItem.builder("Final sharing rate")
                .input("maximum sharing rate", Rates.percent(terms.sharingRate()))
                .input("quality score", q.score() == null ? "none" : q.score().toPlainString())
                .input("standard met", !q.gated() ? "n/a"
                        : f.qualityStandardMet() != null ? q.standardMet() + " (reported)" : String.valueOf(q.standardMet()));
        if (q.gated() && !q.standardMet()) {
            b.input("alternative met", f.alternativeStandardMet() != null ? q.alternativeMet() + " (reported)" : String.valueOf(q.alternativeMet()));
        }
        return b.formula(how).result(Rates.percent(q.sharingRate()));
    }

    static String describe(MinimumRate rate) {
        if (rate == null) {
            return "none";
        }
        return rate instanceof MinimumRate.Fixed ? "fixed" : "CMS table by assigned beneficiaries (linear within bands)";
    }

    /** Exact cents shown as dollars to the cent, for line items of intermediate (unrounded) figures. */
    static String plainDollars(BigDecimal cents) {
        BigDecimal dollars = cents.movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
        String body = String.format("$%,.2f", dollars.abs());
        return dollars.signum() < 0 ? "-" + body : body;
    }
}
