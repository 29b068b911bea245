package org.vbcsettle.settlement.quality;

import org.vbcsettle.contract.Period;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.contract.QualityIncentive.Bonus;
import org.vbcsettle.contract.QualityIncentive.Measure;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rounding;
import org.vbcsettle.settlement.ArrangementResult;
import org.vbcsettle.settlement.CannotSettle;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.Completion;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.SettlementContext;
import org.vbcsettle.settlement.SettlementOutcome;

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
 * composite reaches the gate. The figures are a {@link QualityIncentiveResult};
 * {@link QualityIncentiveLineItems} writes the statement from them.
 */
public final class QualityIncentiveCalculator {

    /** Decimals of the composite score; half-even so that rounding never leaves [0, 1]. */
    public static final int COMPOSITE_SCALE = 6;

    private QualityIncentiveCalculator() {
    }

    /** Settles from the context's quality events, attribution and (percent-of-paid bonus) claims. */
    public static SettlementOutcome<ArrangementResult> settle(QualityIncentive terms, SettlementContext ctx) {
        return SettlementOutcome.attempt(() -> {
            QualityIncentiveResult r = result(terms, counts(terms, ctx), ctx.attribution().memberMonthCount(), paidClaims(terms, ctx));
            return ArrangementResult.of(terms.id(), terms.typeName(), r, QualityIncentiveLineItems.of(terms, r));
        });
    }

    private static QualityIncentiveResult.PaidClaims paidClaims(QualityIncentive terms, SettlementContext ctx) {
        Money paid = Money.ZERO;
        for (Claim c : ctx.claims()) {
            if (c.serviceFrom() == null || c.paidAmount() == null) {
                throw new CannotSettle("claim " + c.id() + ": " + (c.serviceFrom() == null ? "serviceFrom" : "paidAmount") + " is missing");
            }
            if (ctx.period().contains(c.serviceFrom())
                    && ctx.attribution().isAttributed(c.memberId(), YearMonth.from(c.serviceFrom()))) {
                paid = paid.plus(c.paidAmount());
            }
        }
        BigDecimal cf = Completion.factor("quality-incentive " + terms.id(), ctx.completionFactor());
        return new QualityIncentiveResult.PaidClaims(String.valueOf(ctx.period()), paid, cf, Completion.complete(paid, cf));
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
                throw new CannotSettle("quality event " + e.id() + ": " + (e.memberId() == null ? "memberId" : "kind") + " is missing");
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
    public static SettlementOutcome<QualityIncentiveResult> compute(QualityIncentive terms, Map<String, MeasureCounts> counts,
                                                                    long memberMonths, Money paidClaims) {
        QualityIncentiveResult.PaidClaims paid = paidClaims == null ? null
                : new QualityIncentiveResult.PaidClaims(null, paidClaims, BigDecimal.ONE, paidClaims);
        return SettlementOutcome.attempt(() -> result(terms, counts, memberMonths, paid));
    }

    private static QualityIncentiveResult result(QualityIncentive terms, Map<String, MeasureCounts> counts, long memberMonths,
                                                 QualityIncentiveResult.PaidClaims paid) {
        String where = "quality-incentive " + terms.id();
        List<MeasureResult> measures = new ArrayList<>();
        BigDecimal weightSum = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        for (Measure m : measures(terms)) {
            MeasureCounts c = counts.getOrDefault(m.id(), new MeasureCounts(m.id(), 0, 0, 0));
            MeasureResult s = MeasureScore.of(where, m, c).toResult();
            measures.add(s);
            if (s.scored()) {
                weightSum = weightSum.add(s.weight());
                weighted = weighted.add(s.weight().multiply(s.points()));
            }
        }
        // Without any scored measure (or with zero weights) there is no evidence of quality: composite 0.
        BigDecimal composite = weightSum.signum() == 0 ? BigDecimal.ZERO.setScale(COMPOSITE_SCALE)
                : weighted.divide(weightSum, COMPOSITE_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal gate = terms.minimumComposite() == null ? BigDecimal.ZERO : terms.minimumComposite();
        boolean gateMet = composite.compareTo(gate) >= 0;
        Money paidClaims = paid == null ? null : paid.completed();
        Money bonus = gateMet ? bonusBase(where, terms, memberMonths, paidClaims).times(bonusFactor(terms, composite),
                bonusRounding(terms)) : Money.ZERO;
        QualityIncentiveResult.PaidClaims shown = terms.bonus() instanceof Bonus.PercentOfPaid ? paid : null;
        return new QualityIncentiveResult(shown, memberMonths, measures, weighted, weightSum, composite, gate, gateMet, bonus);
    }

    /** PMPM × member-months, the pool, or the paid claims a percent applies to. */
    static Money bonusBase(String where, QualityIncentive terms, long memberMonths, Money paidClaims) {
        Bonus b = terms.bonus();
        if (b == null) {
            throw new CannotSettle(where + ": bonus is missing");
        }
        if (b instanceof Bonus.Pmpm p) {
            requireAmount(where, p.amount(), "bonus.amount");
            if (memberMonths < 0) {
                throw new CannotSettle(where + ": member-months must not be negative, was " + memberMonths);
            }
            return p.amount().timesExact(memberMonths);
        }
        if (b instanceof Bonus.Pool p) {
            requireAmount(where, p.amount(), "bonus.amount");
            return p.amount();
        }
        Bonus.PercentOfPaid p = (Bonus.PercentOfPaid) b;
        if (p.percent() == null || p.percent().signum() < 0) {
            throw new CannotSettle(where + ": bonus.percent must be a non-negative rate, was " + p.percent());
        }
        if (paidClaims == null) {
            throw new CannotSettle(where + ": paid claims are needed for a percent-of-paid bonus");
        }
        return paidClaims;
    }

    /** The percent (percent-of-paid) times the composite (when scaled by it). */
    static BigDecimal bonusFactor(QualityIncentive terms, BigDecimal composite) {
        BigDecimal factor = terms.bonus() instanceof Bonus.PercentOfPaid p ? p.percent() : BigDecimal.ONE;
        return Boolean.TRUE.equals(terms.scaleByComposite()) ? factor.multiply(composite) : factor;
    }

    /** A pool share rounds toward zero (the parts never exceed the pool), other bonuses to the nearest cent. */
    static Rounding bonusRounding(QualityIncentive terms) {
        return terms.bonus() instanceof Bonus.Pool ? Rounding.TOWARD_ZERO_CENT : Rounding.NEAREST_CENT;
    }

    private static void requireAmount(String where, Money amount, String field) {
        if (amount == null || amount.isNegative()) {
            throw new CannotSettle(where + ": " + field + " must be a non-negative amount, was " + amount);
        }
    }

    static List<Measure> measures(QualityIncentive terms) {
        return terms.measures() == null ? List.of() : terms.measures();
    }
}
