package org.vbcsettle.settlement.quality;

import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.contract.QualityIncentive.Bonus;
import org.vbcsettle.contract.QualityIncentive.Measure;
import org.vbcsettle.money.Rates;
import org.vbcsettle.money.Rounding;
import org.vbcsettle.settlement.Completion;
import org.vbcsettle.settlement.LineItem;

import java.util.ArrayList;
import java.util.List;

/** Writes a quality-incentive statement from its {@link QualityIncentiveResult} and the terms it was settled under. */
final class QualityIncentiveLineItems {

    private QualityIncentiveLineItems() {
    }

    static List<LineItem> of(QualityIncentive terms, QualityIncentiveResult r) {
        List<LineItem> items = new ArrayList<>();
        if (r.paid() != null) {
            items.add(paid(r));
        }
        List<Measure> measures = QualityIncentiveCalculator.measures(terms);
        for (int i = 0; i < measures.size(); i++) {
            items.add(measure(measures.get(i), r.measures().get(i)));
        }
        items.add(LineItem.builder("Composite score")
                .input("measures scored", r.measuresScored() + " of " + r.measures().size())
                .input("Σ weight × points", r.weightedPoints().toPlainString())
                .input("Σ weight of scored measures", r.weightSum().toPlainString())
                .formula("Σ(weight × points) ÷ Σ weight over scored measures, " + QualityIncentiveCalculator.COMPOSITE_SCALE
                        + " decimals half-even; 0 when none is scored")
                .result(r.composite().toPlainString()));
        items.add(LineItem.builder("Minimum composite")
                .input("composite", r.composite().toPlainString())
                .input("minimum composite", r.minimumComposite().toPlainString())
                .formula("bonus paid only when composite ≥ minimum composite")
                .result(r.gateMet() ? "met" : "not met"));
        items.add(bonus(terms, r));
        return items;
    }

    private static LineItem paid(QualityIncentiveResult r) {
        QualityIncentiveResult.PaidClaims p = r.paid();
        LineItem.Builder b = LineItem.builder("Paid claims of attributed members")
                .input("period", p.period())
                .input("member-months", r.memberMonths());
        if (Completion.applies(p.completionFactor())) {
            b.input("paid", p.paid()).input("completion factor", p.completionFactor().toPlainString())
                    .input("rounding", Completion.ROUNDING.description())
                    .formula("Σ paid of claims in the period whose member is attributed in the month of service ÷ completion factor");
        } else {
            b.formula("Σ paid of claims in the period whose member is attributed in the month of service");
        }
        return b.money(p.completed());
    }

    private static LineItem measure(Measure m, MeasureResult s) {
        LineItem.Builder b = LineItem.builder("Measure " + m.id() + (m.name() == null ? "" : " (" + m.name() + ")"))
                .input("numerator", s.numerator())
                .input("denominator", s.denominator())
                .input("exclusions", s.exclusions())
                .input("eligible", s.eligible())
                .input("minimum denominator", s.minimumDenominator())
                .input("rate", s.rate() == null ? "n/a" : Rates.percent(s.rate()))
                .input(m.inverse() ? "lower is better" : "higher is better", true)
                .input("goal", goal(m))
                .input("weight", s.weight().toPlainString());
        if (s.scored()) {
            return b.formula("rate = numerator ÷ (denominator − exclusions); points of the highest tier met (or 1 at target, else 0)")
                    .result(s.points().toPlainString() + " points" + (s.met() ? " (met)" : ""));
        }
        return b.formula("not scored: eligible members below the minimum denominator").result("not scored");
    }

    private static LineItem bonus(QualityIncentive terms, QualityIncentiveResult r) {
        Bonus b = terms.bonus();
        LineItem.Builder item = LineItem.builder("Quality bonus");
        String formula;
        if (b instanceof Bonus.Pmpm p) {
            item.input("PMPM", p.amount()).input("member-months", r.memberMonths());
            formula = "PMPM × member-months";
        } else if (b instanceof Bonus.Pool p) {
            item.input("pool", p.amount());
            formula = "pool";
        } else {
            Bonus.PercentOfPaid p = (Bonus.PercentOfPaid) b;
            item.input("paid claims", r.paid() == null ? null : r.paid().completed()).input("percent", Rates.percent(p.percent()));
            formula = "paid claims × percent";
        }
        if (Boolean.TRUE.equals(terms.scaleByComposite())) {
            item.input("composite", r.composite().toPlainString());
            formula += " × composite";
        }
        Rounding rounding = QualityIncentiveCalculator.bonusRounding(terms);
        item.input("minimum composite met", r.gateMet()).input("rounding", rounding.description());
        return item.formula(r.gateMet() ? formula : formula + "; 0 because the minimum composite is not met").money(r.bonus());
    }

    private static String goal(Measure m) {
        if (m.tiers() != null && !m.tiers().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (QualityIncentive.Tier t : m.tiers()) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(m.inverse() ? "≤ " : "≥ ").append(Rates.percent(t.threshold())).append(" → ").append(t.points().toPlainString());
            }
            return "tiers " + sb;
        }
        return m.target() == null ? "none" : "target " + (m.inverse() ? "≤ " : "≥ ") + Rates.percent(m.target());
    }
}
