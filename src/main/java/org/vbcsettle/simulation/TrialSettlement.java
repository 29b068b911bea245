package org.vbcsettle.simulation;

import org.vbcsettle.contract.Arrangement;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.bundled.BundledPaymentCalculator;
import org.vbcsettle.settlement.bundled.EpisodeOutcome;
import org.vbcsettle.settlement.quality.MeasureCounts;
import org.vbcsettle.settlement.quality.QualityIncentiveCalculator;
import org.vbcsettle.settlement.quality.QualityIncentiveResult;
import org.vbcsettle.settlement.sharedsavings.SharedSavingsCalculator;
import org.vbcsettle.settlement.sharedsavings.SharedSavingsFigures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settles one trial's aggregates with the settlement core's calculators, in the order
 * {@link org.vbcsettle.settlement.ContractSettlement} uses: quality-incentive arrangements first, since
 * their composite may be a shared-savings quality score or a bundle's CQS.
 */
final class TrialSettlement {

    private TrialSettlement() {
    }

    static TrialOutcome settle(SimulationModel m, int trial, TrialFigures f) {
        List<Arrangement> arrangements = m.arrangements;
        long[] amounts = new long[arrangements.size()];
        Map<String, BigDecimal> composites = new HashMap<>();
        BigDecimal firstComposite = null;
        Money claims = Money.ofCents(f.claimsCents());
        for (int i = 0; i < arrangements.size(); i++) {
            if (arrangements.get(i) instanceof QualityIncentive qi) {
                QualityIncentiveResult r = QualityIncentiveCalculator.compute(qi, counts(m, qi, f), f.memberMonths(), claims).orElseThrow();
                amounts[i] = r.bonus().cents();
                composites.put(qi.id(), r.composite());
                if (firstComposite == null) {
                    firstComposite = r.composite();
                }
            }
        }
        Long firstBenchmark = null;
        long expenditureShown = f.claimsCents();
        boolean expenditureSet = false;
        for (int i = 0; i < arrangements.size(); i++) {
            Arrangement a = arrangements.get(i);
            if (a instanceof SharedSavings ss) {
                Money benchmark = SimulatedBenchmark.total(ss, m.scenario.benchmark(), f.memberMonths(), averageRisk(f));
                long expenditure = m.truncationIndex[i] < 0 ? f.claimsCents() : f.truncatedCents()[m.truncationIndex[i]];
                BigDecimal score = null;
                if (ss.quality() != null) {
                    score = ss.quality().sourceArrangement() == null ? f.qualityScore()
                            : composites.get(ss.quality().sourceArrangement());
                }
                Scenario.BenchmarkInputs in = m.scenario.benchmark();
                SharedSavingsFigures figures = new SharedSavingsFigures(benchmark, Money.ofCents(expenditure),
                        f.members(), f.memberMonths(), score, null, null, in.participantRevenue(), in.disasterShare(),
                        in.lowRevenue());
                amounts[i] = SharedSavingsCalculator.compute(ss, figures).orElseThrow().earned().cents();
                if (firstBenchmark == null) {
                    firstBenchmark = benchmark.cents();
                }
                if (!expenditureSet) {
                    expenditureShown = expenditure;
                    expenditureSet = true;
                }
            } else if (a instanceof BundledPayment bp) {
                BigDecimal cqs = null;
                if (bp.qualityAdjustment() != null) {
                    cqs = bp.qualityAdjustment().sourceArrangement() == null ? f.qualityScore()
                            : composites.get(bp.qualityAdjustment().sourceArrangement());
                }
                // the typed figures only: a trial needs the amount, not the statement's line items
                amounts[i] = BundledPaymentCalculator.compute(bp, episodes(m, bp, trial, f), cqs).orElseThrow().amount().cents();
            }
        }
        long payout = 0;
        for (long x : amounts) {
            payout = Math.addExact(payout, x);
        }
        long episodeSpend = f.episodeSpendTotalCents();
        long payerNet = Math.addExact(Math.addExact(f.claimsCents(), episodeSpend), payout);
        return new TrialOutcome(trial, f.members(), f.memberMonths(), f.claimsCents(), expenditureShown, firstBenchmark,
                f.trendRate(), f.qualityScore(), firstComposite, f.episodeCount(), episodeSpend, amounts, payout, payerNet);
    }

    /** Member-month weighted average risk score, 6 decimals half-even, as AttributionResolution computes it. */
    static BigDecimal averageRisk(TrialFigures f) {
        if (f.memberMonths() == 0) {
            return BigDecimal.ONE;
        }
        return BigDecimal.valueOf(f.riskMilliMonths(), 3).divide(BigDecimal.valueOf(f.memberMonths()), 6, RoundingMode.HALF_EVEN);
    }

    private static Map<String, MeasureCounts> counts(SimulationModel m, QualityIncentive qi, TrialFigures f) {
        Map<String, MeasureCounts> out = new LinkedHashMap<>();
        for (QualityIncentive.Measure measure : qi.measures()) {
            int j = indexOf(m.measureIds, measure.id());
            out.put(measure.id(), new MeasureCounts(measure.id(), f.numerators()[j], f.denominators()[j], f.exclusions()[j]));
        }
        return out;
    }

    private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

    /**
     * The drawn episodes as the calculator takes them. Dates are placeholders inside the performance
     * year (a simulated episode has no calendar); every episode is closed, as at a final reconciliation.
     */
    private static List<EpisodeOutcome> episodes(SimulationModel m, BundledPayment bp, int trial, TrialFigures f) {
        List<EpisodeOutcome> out = new ArrayList<>();
        LocalDate start = m.contract.performanceStart() == null ? EPOCH : m.contract.performanceStart();
        for (BundledPayment.EpisodeDefinition def : bp.episodes()) {
            int k = indexOf(m.episodeTypes, def.episodeType());
            long[] spend = f.episodeSpendCents()[k];
            Money target = BundledPaymentCalculator.episodeTarget(bp, def);
            for (int x = 0; x < spend.length; x++) {
                String id = bp.id() + "-" + def.episodeType() + "-" + trial + "-" + x;
                out.add(new EpisodeOutcome(id, "simulated-" + x, def.episodeType(), id, start,
                        start.plusDays(def.windowDaysOrDefault()), Money.ofCents(spend[x]), target, true));
            }
        }
        return out;
    }

    private static int indexOf(String[] ids, String id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("no " + id);
    }
}
