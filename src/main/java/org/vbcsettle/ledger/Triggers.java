package org.vbcsettle.ledger;

import org.vbcsettle.contract.Arrangement;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.AttributionResolution;
import org.vbcsettle.settlement.Benchmark;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.SettlementContext;
import org.vbcsettle.settlement.SettlementOutcome;
import org.vbcsettle.settlement.bundled.BundledPaymentCalculator;
import org.vbcsettle.settlement.quality.QualityIncentiveCalculator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finds benchmarks that are met, through the settlement calculators and the one definition of each
 * benchmark in their results (never re-implemented here): a quality measure reaching its target with its
 * minimum denominator ({@code QualityIncentiveResult.benchmarksMet}), and a bundled-payment episode that
 * closed under its target price ({@code EpisodeOutcome.closedUnderTarget}). An episode counts as closed once
 * the claims data is paid through its last day (the latest paid date seen is on or after it): only then
 * can its spend be compared with the target.
 *
 * <p>{@code qualityBenchmarks} and {@code episodeBenchmarks} return a calculator's refusal as a
 * {@link SettlementOutcome.Refused}, which the ledger's {@code Projection} carries to the decider as a reason.
 */
final class Triggers {

    private Triggers() {
    }

    /** A benchmark found met: the trigger name of its payout key and why. */
    record Met(String trigger, String description) {
        static Met of(Benchmark b) {
            return new Met(b.trigger(), b.description());
        }
    }

    /** The quality measures met over the performance period, or the calculator's refusal. */
    static SettlementOutcome<List<Met>> qualityBenchmarks(Contract contract, Collection<Attribution> attribution,
                                                          Collection<QualityEvent> quality) {
        return SettlementOutcome.attempt(() -> {
            List<Met> out = new ArrayList<>();
            Period perf = contract.performancePeriod();
            SettlementContext ctx = new SettlementContext(contract, perf, List.of(),
                    AttributionResolution.resolve(List.copyOf(attribution), perf), List.copyOf(quality), ReportedFacts.NONE, BigDecimal.ONE);
            for (Arrangement a : contract.arrangements()) {
                if (a instanceof QualityIncentive qi) {
                    QualityIncentiveCalculator.settle(qi, ctx).orElseThrow().benchmarksMet().forEach(b -> out.add(Met.of(b)));
                }
            }
            return out;
        });
    }

    static boolean hasBundledPayment(Contract contract) {
        return contract.arrangements().stream().anyMatch(a -> a instanceof BundledPayment);
    }

    static boolean hasQualityIncentive(Contract contract) {
        return contract.arrangements().stream().anyMatch(a -> a instanceof QualityIncentive);
    }

    /**
     * The episodes closed under target, or the calculator's refusal.
     *
     * @param claims the claims in effect of the members to look at (all of each member's claims)
     */
    static SettlementOutcome<List<Met>> episodeBenchmarks(Contract contract, List<Claim> claims, LocalDate paidThrough) {
        Period perf = contract.performancePeriod();
        if (paidThrough == null || paidThrough.isBefore(perf.start())) {
            return SettlementOutcome.settled(List.of());
        }
        return SettlementOutcome.attempt(() -> {
            List<Met> out = new ArrayList<>();
            SettlementContext ctx = episodeContext(contract, perf, claims, paidThrough);
            for (Arrangement a : contract.arrangements()) {
                if (a instanceof BundledPayment bp) {
                    BundledPaymentCalculator.episodesClosedUnderTarget(bp, ctx).orElseThrow().forEach(b -> out.add(Met.of(b)));
                }
            }
            return out;
        });
    }

    /** Episodes are closed when they end by the period's end and by the paid-through date, whichever is first. */
    static SettlementContext episodeContext(Contract contract, Period period, List<Claim> claims, LocalDate paidThrough) {
        LocalDate end = period.end();
        if (paidThrough != null && paidThrough.isBefore(end)) {
            end = paidThrough.isBefore(period.start()) ? period.start() : paidThrough;
        }
        Period asOf = new Period(period.id(), period.start(), end);
        return new SettlementContext(contract, asOf, claims, AttributionResolution.resolve(List.of(), asOf), List.of(),
                ReportedFacts.NONE, BigDecimal.ONE);
    }
}
