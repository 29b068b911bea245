package org.vbcsettle.ledger;

import org.vbcsettle.contract.Arrangement;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.ArrangementResult;
import org.vbcsettle.settlement.BundledPaymentCalculator;
import org.vbcsettle.settlement.QualityIncentiveCalculator;
import org.vbcsettle.settlement.SharedSavingsCalculator;
import org.vbcsettle.settlement.Statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a projected statement's arrangement results into {@link ArrangementTotals}: the metrics the
 * calculators wrote, typed, plus the targets from the contract's terms. Nothing is recomputed here, so the
 * running totals can never disagree with the statement the payouts are taken from.
 */
final class ProjectedFigures {

    private ProjectedFigures() {
    }

    static List<ArrangementTotals> of(Contract contract, Statement projected) {
        List<ArrangementTotals> out = new ArrayList<>();
        for (ArrangementResult r : projected.arrangements()) {
            Arrangement terms = terms(contract, r.arrangementId());
            Map<String, String> m = r.metrics();
            ArrangementTotals.Savings savings = null;
            ArrangementTotals.Quality quality = null;
            ArrangementTotals.Bundle bundle = null;
            if (terms instanceof SharedSavings) {
                savings = savings(m);
            } else if (terms instanceof QualityIncentive qi) {
                quality = quality(qi, m);
            } else if (terms instanceof BundledPayment) {
                bundle = bundle(m);
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

    private static ArrangementTotals.Savings savings(Map<String, String> m) {
        return new ArrangementTotals.Savings(
                cents(m, SharedSavingsCalculator.METRIC_BENCHMARK),
                cents(m, SharedSavingsCalculator.METRIC_EXPENDITURE),
                cents(m, SharedSavingsCalculator.METRIC_SAVINGS),
                m.get(SharedSavingsCalculator.METRIC_SAVINGS_RATE),
                m.get(SharedSavingsCalculator.METRIC_MSR),
                "true".equals(m.get(SharedSavingsCalculator.METRIC_MSR_MET)),
                m.get(SharedSavingsCalculator.METRIC_FINAL_SHARING_RATE),
                cents(m, SharedSavingsCalculator.METRIC_EARNED),
                m.get(SharedSavingsCalculator.METRIC_MLR),
                flag(m, SharedSavingsCalculator.METRIC_MLR_MET),
                count(m, SharedSavingsCalculator.METRIC_MEMBER_MONTHS),
                count(m, SharedSavingsCalculator.METRIC_ASSIGNED),
                blankToNull(m.get(SharedSavingsCalculator.METRIC_QUALITY_SCORE)));
    }

    private static ArrangementTotals.Quality quality(QualityIncentive qi, Map<String, String> m) {
        List<ArrangementTotals.Measure> measures = new ArrayList<>();
        for (QualityIncentive.Measure measure : qi.measures()) {
            String k = "measure." + measure.id() + ".";
            List<String> thresholds = new ArrayList<>();
            if (measure.tiers() != null) {
                measure.tiers().forEach(t -> thresholds.add(t.threshold().toPlainString()));
            }
            Long numerator = count(m, k + "numerator");
            Long eligible = count(m, k + "denominator");
            measures.add(new ArrangementTotals.Measure(measure.id(), m.get(k + "rate"),
                    measure.target() == null ? null : measure.target().toPlainString(), thresholds, measure.inverse(),
                    numerator == null ? 0 : numerator, eligible == null ? 0 : eligible,
                    measure.minimumDenominatorOrDefault(), "true".equals(m.get(k + "scored")), "true".equals(m.get(k + "met"))));
        }
        // the calculator gates at 0 when the contract sets no minimum composite
        BigDecimal gate = qi.minimumComposite() == null ? BigDecimal.ZERO : qi.minimumComposite();
        return new ArrangementTotals.Quality(measures, m.get(QualityIncentiveCalculator.METRIC_COMPOSITE), gate.toPlainString(),
                "true".equals(m.get(QualityIncentiveCalculator.METRIC_GATE_MET)), cents(m, QualityIncentiveCalculator.METRIC_BONUS));
    }

    private static ArrangementTotals.Bundle bundle(Map<String, String> m) {
        return new ArrangementTotals.Bundle(
                intOf(m, BundledPaymentCalculator.METRIC_EPISODES),
                intOf(m, BundledPaymentCalculator.METRIC_EPISODES_CLOSED),
                intOf(m, BundledPaymentCalculator.METRIC_EPISODES_OPEN),
                intOf(m, BundledPaymentCalculator.METRIC_CLOSED_UNDER_TARGET),
                cents(m, BundledPaymentCalculator.METRIC_TOTAL_TARGET),
                cents(m, BundledPaymentCalculator.METRIC_TOTAL_SPEND),
                cents(m, BundledPaymentCalculator.METRIC_WINSORIZED_SPEND),
                cents(m, BundledPaymentCalculator.METRIC_RECONCILIATION),
                cents(m, BundledPaymentCalculator.METRIC_QUALITY_ADJUSTMENT));
    }

    private static Money cents(Map<String, String> m, String key) {
        String v = m.get(key);
        return v == null || v.isEmpty() ? null : Money.ofCents(Long.parseLong(v));
    }

    private static Long count(Map<String, String> m, String key) {
        String v = m.get(key);
        return v == null || v.isEmpty() ? null : Long.valueOf(v);
    }

    private static int intOf(Map<String, String> m, String key) {
        Long v = count(m, key);
        return v == null ? 0 : Math.toIntExact(v);
    }

    private static Boolean flag(Map<String, String> m, String key) {
        String v = m.get(key);
        return v == null ? null : Boolean.valueOf(v);
    }

    private static String blankToNull(String v) {
        return v == null || v.isEmpty() ? null : v;
    }
}
