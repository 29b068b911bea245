package org.vbcsettle.settlement;

import org.vbcsettle.contract.Period;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.contract.QualityIncentive.Bonus;
import org.vbcsettle.contract.QualityIncentive.Measure;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rates;
import org.vbcsettle.money.Rounding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HEDIS-style pay for performance: per measure, rate = numerator / (denominator − exclusions); measures
 * with fewer eligible members than their minimum denominator are not scored; points from tiers or a target;
 * a weighted composite in [0, 1] (weights renormalised over the scored measures); a bonus once the
 * composite reaches the gate.
 *
 * <p>Metrics: {@code compositeScore} (decimal, 6 places), {@code gateMet}, {@code measuresScored},
 * {@code bonus} (cents), and per measure {@code measure.<id>.rate}, {@code .met}, {@code .denominator}
 * (eligible members: denominator − exclusions), {@code .numerator}, {@code .exclusions}, {@code .points},
 * {@code .scored}.
 */
public final class QualityIncentiveCalculator {
    public static final String METRIC_COMPOSITE = "compositeScore";
    public static final String METRIC_GATE_MET = "gateMet";
    public static final String METRIC_MEASURES_SCORED = "measuresScored";
    public static final String METRIC_BONUS = "bonus";

    /** Decimals of the composite score; half-even so that rounding never leaves [0, 1]. */
    public static final int COMPOSITE_SCALE = 6;

    private QualityIncentiveCalculator() {
    }

    public static ArrangementResult settle(QualityIncentive terms, SettlementContext ctx) {
        Map<String, MeasureCounts> counts = counts(terms, ctx);
        long memberMonths = ctx.attribution().memberMonthCount();
        Money paid = Money.ZERO;
        for (Claim c : ctx.claims()) {
            if (c.serviceFrom() == null || c.paidAmount() == null) {
                throw new IllegalArgumentException("claim " + c.id() + ": " + (c.serviceFrom() == null ? "serviceFrom" : "paidAmount") + " is missing");
            }
            if (ctx.period().contains(c.serviceFrom())
                    && ctx.attribution().isAttributed(c.memberId(), YearMonth.from(c.serviceFrom()))) {
                paid = paid.plus(c.paidAmount());
            }
        }
        BigDecimal cf = ctx.completionFactor() == null ? BigDecimal.ONE : ctx.completionFactor();
        List<LineItem> pre = new ArrayList<>();
        LineItem.Builder paidItem = LineItem.builder("Paid claims of attributed members")
                .input("period", ctx.period())
                .input("member-months", memberMonths);
        Money completed = paid;
        if (cf.compareTo(BigDecimal.ONE) != 0) {
            if (cf.signum() <= 0 || cf.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("quality-incentive " + terms.id() + ": completionFactor must be in (0, 1], was " + cf);
            }
            // Interim view: paid claims are completed to an estimate of incurred spend.
            completed = Rounding.NEAREST_CENT.apply(paid.toDecimalCents().divide(cf, 10, RoundingMode.HALF_EVEN));
            paidItem.input("paid", paid).input("completion factor", cf.toPlainString())
                    .input("rounding", Rounding.NEAREST_CENT.description())
                    .formula("Σ paid of claims in the period whose member is attributed in the month of service ÷ completion factor");
        } else {
            paidItem.formula("Σ paid of claims in the period whose member is attributed in the month of service");
        }
        if (terms.bonus() instanceof Bonus.PercentOfPaid) {
            pre.add(paidItem.money(completed));
        }
        ArrangementResult r = compute(terms, counts, memberMonths, completed);
        if (pre.isEmpty()) {
            return r;
        }
        List<LineItem> items = new ArrayList<>(pre);
        items.addAll(r.lineItems());
        return new ArrangementResult(r.arrangementId(), r.type(), items, r.amount(), r.metrics());
    }

    /**
     * Distinct-member counts per measure from quality events whose period is the settlement period's id or
     * its year. A member excluded from a measure counts in neither numerator nor eligible denominator
     * ({@code exclusions} counts the excluded members of the denominator); the numerator only counts
     * members of the denominator. Keyed by measure id, in the contract's order.
     */
    public static Map<String, MeasureCounts> counts(QualityIncentive terms, SettlementContext ctx) {
        Period period = ctx.period();
        String year = String.valueOf(period.start().getYear());
        Map<String, Set<String>> num = new LinkedHashMap<>();
        Map<String, Set<String>> den = new LinkedHashMap<>();
        Map<String, Set<String>> exc = new LinkedHashMap<>();
        for (Measure m : measures(terms)) {
            num.put(m.id(), new HashSet<>());
            den.put(m.id(), new HashSet<>());
            exc.put(m.id(), new HashSet<>());
        }
        for (QualityEvent e : ctx.qualityEvents()) {
            if (e.measureId() == null || !den.containsKey(e.measureId())) {
                continue;
            }
            if (e.periodId() == null || !(e.periodId().equals(period.id()) || e.periodId().equals(year))) {
                continue;
            }
            if (e.memberId() == null || e.kind() == null) {
                throw new IllegalArgumentException("quality event " + e.id() + ": " + (e.memberId() == null ? "memberId" : "kind") + " is missing");
            }
            Map<String, Set<String>> target = switch (e.kind()) {
                case NUMERATOR -> num;
                case DENOMINATOR -> den;
                case EXCLUSION -> exc;
            };
            target.get(e.measureId()).add(e.memberId());
        }
        Map<String, MeasureCounts> out = new LinkedHashMap<>();
        for (String id : den.keySet()) {
            Set<String> d = den.get(id);
            long exclusions = exc.get(id).stream().filter(d::contains).count();
            long numerator = num.get(id).stream().filter(m -> d.contains(m) && !exc.get(id).contains(m)).count();
            out.put(id, new MeasureCounts(id, numerator, d.size(), exclusions));
        }
        return out;
    }

    /**
     * The core calculation over counts (used by settle and simulations).
     *
     * @param memberMonths attributed member-months (PMPM bonus)
     * @param paidClaims   paid claims of attributed members (percent-of-paid bonus)
     */
    public static ArrangementResult compute(QualityIncentive terms, Map<String, MeasureCounts> counts,
                                            long memberMonths, Money paidClaims) {
        String where = "quality-incentive " + terms.id();
        List<LineItem> items = new ArrayList<>();
        Map<String, String> measureMetrics = new LinkedHashMap<>();
        List<MeasureScore> scores = new ArrayList<>();
        for (Measure m : measures(terms)) {
            MeasureCounts c = counts.getOrDefault(m.id(), new MeasureCounts(m.id(), 0, 0, 0));
            MeasureScore s = MeasureScore.of(where, m, c);
            scores.add(s);
            LineItem.Builder b = LineItem.builder("Measure " + m.id() + (m.name() == null ? "" : " (" + m.name() + ")"))
                    .input("numerator", c.numerator())
                    .input("denominator", c.denominator())
                    .input("exclusions", c.exclusions())
                    .input("eligible", s.eligible())
                    .input("minimum denominator", m.minimumDenominatorOrDefault())
                    .input("rate", s.rate() == null ? "n/a" : Rates.percent(s.rate()))
                    .input(m.inverse() ? "lower is better" : "higher is better", true)
                    .input("goal", goal(m))
                    .input("weight", s.weight().toPlainString());
            if (s.scored()) {
                items.add(b.formula("rate = numerator ÷ (denominator − exclusions); points of the highest tier met (or 1 at target, else 0)")
                        .result(s.points().toPlainString() + " points" + (s.met() ? " (met)" : "")));
            } else {
                items.add(b.formula("not scored: eligible members below the minimum denominator")
                        .result("not scored"));
            }
            String k = "measure." + m.id() + ".";
            if (s.rate() != null) {
                measureMetrics.put(k + "rate", s.rate().toPlainString());
            }
            measureMetrics.put(k + "met", String.valueOf(s.met()));
            measureMetrics.put(k + "denominator", String.valueOf(s.eligible()));
            measureMetrics.put(k + "numerator", String.valueOf(c.numerator()));
            measureMetrics.put(k + "exclusions", String.valueOf(c.exclusions()));
            measureMetrics.put(k + "points", s.points().toPlainString());
            measureMetrics.put(k + "scored", String.valueOf(s.scored()));
        }

        BigDecimal weightSum = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        int scored = 0;
        for (MeasureScore s : scores) {
            if (s.scored()) {
                scored++;
                weightSum = weightSum.add(s.weight());
                weighted = weighted.add(s.weight().multiply(s.points()));
            }
        }
        // Without any scored measure (or with zero weights) there is no evidence of quality: composite 0.
        BigDecimal composite = weightSum.signum() == 0 ? BigDecimal.ZERO.setScale(COMPOSITE_SCALE)
                : weighted.divide(weightSum, COMPOSITE_SCALE, RoundingMode.HALF_EVEN);
        items.add(LineItem.builder("Composite score")
                .input("measures scored", scored + " of " + scores.size())
                .input("Σ weight × points", weighted.toPlainString())
                .input("Σ weight of scored measures", weightSum.toPlainString())
                .formula("Σ(weight × points) ÷ Σ weight over scored measures, " + COMPOSITE_SCALE + " decimals half-even; 0 when none is scored")
                .result(composite.toPlainString()));

        BigDecimal gate = terms.minimumComposite() == null ? BigDecimal.ZERO : terms.minimumComposite();
        boolean gateMet = composite.compareTo(gate) >= 0;
        items.add(LineItem.builder("Minimum composite")
                .input("composite", composite.toPlainString())
                .input("minimum composite", gate.toPlainString())
                .formula("bonus paid only when composite ≥ minimum composite")
                .result(gateMet ? "met" : "not met"));

        Money bonus = bonus(where, terms, composite, gateMet, memberMonths, paidClaims, items);

        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put(METRIC_COMPOSITE, composite.toPlainString());
        metrics.put(METRIC_GATE_MET, String.valueOf(gateMet));
        metrics.put(METRIC_MEASURES_SCORED, String.valueOf(scored));
        metrics.put(METRIC_BONUS, String.valueOf(bonus.cents()));
        metrics.putAll(measureMetrics);
        return new ArrangementResult(terms.id(), terms.typeName(), items, bonus, metrics);
    }

    /**
     * Bonus base × (percent, for percent-of-paid) × (composite, when scaled), rounded once: a pool share
     * toward zero (the parts never exceed the pool), other bonuses to the nearest cent.
     */
    private static Money bonus(String where, QualityIncentive terms, BigDecimal composite, boolean gateMet,
                               long memberMonths, Money paidClaims, List<LineItem> items) {
        Bonus b = terms.bonus();
        if (b == null) {
            throw new IllegalArgumentException(where + ": bonus is missing");
        }
        boolean scale = Boolean.TRUE.equals(terms.scaleByComposite());
        LineItem.Builder item = LineItem.builder("Quality bonus");
        Money base;
        BigDecimal factor = BigDecimal.ONE;
        Rounding rounding = Rounding.NEAREST_CENT;
        String formula;
        if (b instanceof Bonus.Pmpm p) {
            requireAmount(where, p.amount(), "bonus.amount");
            if (memberMonths < 0) {
                throw new IllegalArgumentException(where + ": member-months must not be negative, was " + memberMonths);
            }
            base = p.amount().timesExact(memberMonths);
            item.input("PMPM", p.amount()).input("member-months", memberMonths);
            formula = "PMPM × member-months";
        } else if (b instanceof Bonus.Pool p) {
            requireAmount(where, p.amount(), "bonus.amount");
            base = p.amount();
            rounding = Rounding.TOWARD_ZERO_CENT;
            item.input("pool", p.amount());
            formula = "pool";
        } else {
            Bonus.PercentOfPaid p = (Bonus.PercentOfPaid) b;
            if (p.percent() == null || p.percent().signum() < 0) {
                throw new IllegalArgumentException(where + ": bonus.percent must be a non-negative rate, was " + p.percent());
            }
            if (paidClaims == null) {
                throw new IllegalArgumentException(where + ": paid claims are needed for a percent-of-paid bonus");
            }
            base = paidClaims;
            factor = p.percent();
            item.input("paid claims", paidClaims).input("percent", Rates.percent(p.percent()));
            formula = "paid claims × percent";
        }
        if (scale) {
            factor = factor.multiply(composite);
            item.input("composite", composite.toPlainString());
            formula += " × composite";
        }
        item.input("minimum composite met", gateMet).input("rounding", rounding.description());
        Money bonus = gateMet ? base.times(factor, rounding) : Money.ZERO;
        items.add(item.formula(gateMet ? formula : formula + "; 0 because the minimum composite is not met").money(bonus));
        return bonus;
    }

    private static void requireAmount(String where, Money amount, String field) {
        if (amount == null || amount.isNegative()) {
            throw new IllegalArgumentException(where + ": " + field + " must be a non-negative amount, was " + amount);
        }
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

    private static List<Measure> measures(QualityIncentive terms) {
        return terms.measures() == null ? List.of() : terms.measures();
    }
}
