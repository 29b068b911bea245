package org.vbcsettle.ledger;

import org.vbcsettle.contract.Arrangement;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rounding;
import org.vbcsettle.settlement.ArrangementResult;
import org.vbcsettle.settlement.AttributionResolution;
import org.vbcsettle.settlement.BundledPaymentCalculator;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.EpisodeOutcome;
import org.vbcsettle.settlement.QualityIncentiveCalculator;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.SettlementContext;
import org.vbcsettle.settlement.Statement;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running totals of one period. Member-months, paid claims and truncated spend are read from the
 * incremental per-month totals (cost: months in the period). Episodes, quality rates and the projected
 * settlement need the calculators over the records; they are computed when asked and reused until the
 * ledger changes (keyed by event sequence number).
 */
final class TotalsView {

    private TotalsView() {
    }

    static RunningTotals compute(ContractState state, String periodId) {
        Contract contract = state.currentContract();
        Period perf = contract.performancePeriod();
        Period period = periodId == null || periodId.isBlank() || periodId.equals(perf.id()) ? perf : Period.parse(periodId);
        List<String> cacheKey = List.of(String.valueOf(state.sequence()), period.id());
        RunningTotals cached = state.cachedDerived(cacheKey);
        if (cached != null) {
            return cached;
        }
        long memberMonths = 0;
        long claims = 0;
        long paid = 0;
        long[] byType = new long[Claim.ClaimType.values().length];
        for (Map.Entry<YearMonth, ContractState.MonthTotals> e
                : state.months().subMap(YearMonth.from(period.start()), true, YearMonth.from(period.end()), true).entrySet()) {
            ContractState.MonthTotals m = e.getValue();
            memberMonths += m.memberMonths;
            claims += m.claims;
            paid += m.paidCents;
            for (int i = 0; i < byType.length; i++) {
                byType[i] += m.paidByType[i];
            }
        }
        Map<String, Money> paidByType = new TreeMap<>();
        for (Claim.ClaimType t : Claim.ClaimType.values()) {
            if (byType[t.ordinal()] != 0) {
                paidByType.put(t.code(), Money.ofCents(byType[t.ordinal()]));
            }
        }
        Money paidMoney = Money.ofCents(paid);
        Money pmpm = memberMonths == 0 ? null : paidMoney.dividedBy(memberMonths, Rounding.NEAREST_CENT_HALF_EVEN);
        boolean calendarYear = period.start().getDayOfYear() == 1 && period.end().equals(period.start().withDayOfYear(period.start().lengthOfYear()));
        Money truncated = calendarYear ? Money.ofCents(state.truncatedSpend(period.start().getYear())) : null;

        List<String> notes = new ArrayList<>();
        RunningTotals.EpisodeTotals episodes = null;
        RunningTotals.QualityTotals quality = null;
        Money projected = null;
        List<ArrangementTotals> arrangements = List.of();
        List<Claim> effective = null;
        if (Triggers.hasBundledPayment(contract)) {
            try {
                effective = state.effectiveClaims();
                episodes = episodes(contract, period, effective, state);
            } catch (RuntimeException e) {
                notes.add("episodes not available: " + e.getMessage());
            }
        }
        if (Triggers.hasQualityIncentive(contract)) {
            try {
                quality = quality(contract, period, state);
            } catch (RuntimeException e) {
                notes.add("quality rates not available: " + e.getMessage());
            }
        }
        try {
            Statement s = PayoutRules.projected(contract, state.attributionRecords(),
                    effective != null ? effective : state.effectiveClaims(), state.qualityEventRecords(),
                    state.lastServiceDate(), state.paidThrough(), ContractDecider.factsFor(state, perf.id(), null), state.sequence());
            projected = s.total();
            arrangements = ProjectedFigures.of(contract, s);
        } catch (RuntimeException e) {
            notes.add("projected settlement not available: " + e.getMessage());
        }
        RunningTotals totals = new RunningTotals(state.contractId(), contract.versionOrDefault(), period.id(), period.start(),
                period.end(), memberMonths, claims, paidMoney, pmpm, paidByType, truncated, episodes, quality,
                state.paidSoFar(perf.id()), projected, arrangements, notes, state.sequence());
        state.cacheDerived(cacheKey, totals);
        return totals;
    }

    private static RunningTotals.EpisodeTotals episodes(Contract contract, Period period, List<Claim> effective,
                                                        ContractState state) {
        // closed = its window ended by what the claims data is paid through (and by the period's end)
        java.time.LocalDate end = period.end();
        if (state.paidThrough() != null && state.paidThrough().isBefore(end)) {
            end = state.paidThrough().isBefore(period.start()) ? period.start() : state.paidThrough();
        }
        Period asOf = new Period(period.id(), period.start(), end);
        SettlementContext ctx = new SettlementContext(contract, asOf, effective,
                AttributionResolution.resolve(List.of(), asOf), List.of(), ReportedFacts.NONE, BigDecimal.ONE);
        int open = 0;
        int closed = 0;
        int under = 0;
        Money openSpend = Money.ZERO;
        Money closedSpend = Money.ZERO;
        Money closedTarget = Money.ZERO;
        for (Arrangement a : contract.arrangements()) {
            if (a instanceof BundledPayment bp) {
                for (EpisodeOutcome e : BundledPaymentCalculator.episodes(bp, ctx)) {
                    if (e.closed()) {
                        closed++;
                        closedSpend = closedSpend.plus(e.spend());
                        closedTarget = closedTarget.plus(e.target());
                        if (e.spend().compareTo(e.target()) < 0) {
                            under++;
                        }
                    } else {
                        open++;
                        openSpend = openSpend.plus(e.spend());
                    }
                }
            }
        }
        return new RunningTotals.EpisodeTotals(open, closed, under, openSpend, closedSpend, closedTarget);
    }

    private static RunningTotals.QualityTotals quality(Contract contract, Period period, ContractState state) {
        SettlementContext ctx = new SettlementContext(contract, period, List.of(),
                AttributionResolution.resolve(List.copyOf(state.attributionRecords()), period),
                List.copyOf(state.qualityEventRecords()), ReportedFacts.NONE, BigDecimal.ONE);
        Map<String, String> rates = new LinkedHashMap<>();
        Map<String, Boolean> met = new LinkedHashMap<>();
        String composite = null;
        for (Arrangement a : contract.arrangements()) {
            if (a instanceof QualityIncentive qi) {
                ArrangementResult r = QualityIncentiveCalculator.settle(qi, ctx);
                for (QualityIncentive.Measure m : qi.measures()) {
                    String rate = r.metrics().get("measure." + m.id() + ".rate");
                    if (rate != null) {
                        rates.put(m.id(), rate);
                    }
                    met.put(m.id(), "true".equals(r.metrics().get("measure." + m.id() + ".met")));
                }
                if (composite == null) {
                    composite = r.metrics().get(QualityIncentiveCalculator.METRIC_COMPOSITE);
                }
            }
        }
        return new RunningTotals.QualityTotals(rates, met, composite);
    }
}
