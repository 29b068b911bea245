package org.vbcsettle.ledger;

import org.vbcsettle.contract.Arrangement;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rounding;
import org.vbcsettle.settlement.AttributionResolution;
import org.vbcsettle.settlement.bundled.BundledPaymentCalculator;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.bundled.EpisodeOutcome;
import org.vbcsettle.settlement.quality.MeasureResult;
import org.vbcsettle.settlement.quality.QualityIncentiveCalculator;
import org.vbcsettle.settlement.quality.QualityIncentiveResult;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.SettlementContext;
import org.vbcsettle.settlement.SettlementOutcome;
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
 * settlement need the calculators over the records; they are computed when asked and reused, per period,
 * until the ledger changes (keyed by event sequence number).
 */
final class TotalsView {

    private TotalsView() {
    }

    static RunningTotals compute(ContractState state, String periodId) {
        Contract contract = state.currentContract();
        Period perf = contract.performancePeriod();
        Period period = periodId == null || periodId.isBlank() || periodId.equals(perf.id()) ? perf : Period.parse(periodId);
        RunningTotals cached = state.cachedDerived(period.id());
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
        List<Claim> effective = state.effectiveClaims();
        if (Triggers.hasBundledPayment(contract)) {
            episodes = available(SettlementOutcome.attempt(() -> episodes(contract, period, effective, state)),
                    "episodes not available: ", notes);
        }
        if (Triggers.hasQualityIncentive(contract)) {
            quality = available(SettlementOutcome.attempt(() -> quality(contract, period, state)), "quality rates not available: ", notes);
        }
        Statement s = available(PayoutRules.projected(contract, state.attributionRecords(), effective, state.qualityEventRecords(),
                state.lastServiceDate(), state.paidThrough(), ContractDecider.factsFor(state, perf.id(), null), state.sequence()),
                "projected settlement not available: ", notes);
        if (s != null) {
            projected = s.total();
            arrangements = ArrangementTotals.of(contract, s.arrangements());
        }
        RunningTotals totals = new RunningTotals(state.contractId(), contract.versionOrDefault(), period.id(), period.start(),
                period.end(), memberMonths, claims, paidMoney, pmpm, paidByType, truncated, episodes, quality,
                state.paidSoFar(perf.id()), projected, arrangements, notes, state.sequence());
        state.cacheDerived(period.id(), totals);
        return totals;
    }

    /** The settled value, or null with the refusal's reason among the notes. */
    private static <T> T available(SettlementOutcome<T> outcome, String note, List<String> notes) {
        if (outcome instanceof SettlementOutcome.Settled<T> settled) {
            return settled.value();
        }
        notes.add(note + ((SettlementOutcome.Refused<T>) outcome).reason());
        return null;
    }

    private static RunningTotals.EpisodeTotals episodes(Contract contract, Period period, List<Claim> effective,
                                                        ContractState state) {
        // closed = its window ended by what the claims data is paid through (and by the period's end)
        SettlementContext ctx = Triggers.episodeContext(contract, period, effective, state.paidThrough());
        int open = 0;
        int closed = 0;
        int under = 0;
        Money openSpend = Money.ZERO;
        Money closedSpend = Money.ZERO;
        Money closedTarget = Money.ZERO;
        for (Arrangement a : contract.arrangements()) {
            if (a instanceof BundledPayment bp) {
                for (EpisodeOutcome e : BundledPaymentCalculator.episodes(bp, ctx).orElseThrow()) {
                    if (e.closed()) {
                        closed++;
                        closedSpend = closedSpend.plus(e.spend());
                        closedTarget = closedTarget.plus(e.target());
                        under += e.closedUnderTarget() ? 1 : 0;
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
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        Map<String, Boolean> met = new LinkedHashMap<>();
        BigDecimal composite = null;
        for (Arrangement a : contract.arrangements()) {
            if (a instanceof QualityIncentive qi) {
                QualityIncentiveResult r = QualityIncentiveCalculator.settle(qi, ctx).orElseThrow()
                        .figuresAs(QualityIncentiveResult.class);
                for (MeasureResult m : r.measures()) {
                    if (m.rate() != null) {
                        rates.put(m.measureId(), m.rate());
                    }
                    met.put(m.measureId(), m.met());
                }
                if (composite == null) {
                    composite = r.composite();
                }
            }
        }
        return new RunningTotals.QualityTotals(rates, met, composite);
    }
}
