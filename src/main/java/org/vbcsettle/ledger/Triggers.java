package org.vbcsettle.ledger;

import org.vbcsettle.contract.Arrangement;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.settlement.ArrangementResult;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.AttributionResolution;
import org.vbcsettle.settlement.BundledPaymentCalculator;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.EpisodeOutcome;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.QualityIncentiveCalculator;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.SettlementContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finds benchmarks that are met, through the settlement calculators (never re-implemented here):
 * a quality measure reaching its target with its minimum denominator ({@code measure.<id>.met} of the
 * quality result), and a bundled-payment episode that closed under its target price. An episode counts
 * as closed once the claims data is paid through its last day (the latest paid date seen is on or after
 * it): only then can its spend be compared with the target.
 */
final class Triggers {

    private Triggers() {
    }

    /** A benchmark found met: the trigger name of its payout key and why. */
    record Met(String trigger, String description) {
    }

    static List<Met> qualityMeasuresMet(Contract contract, Collection<Attribution> attribution,
                                        Collection<QualityEvent> quality) {
        List<Met> out = new ArrayList<>();
        Period perf = contract.performancePeriod();
        SettlementContext ctx = null;
        for (Arrangement a : contract.arrangements()) {
            if (!(a instanceof QualityIncentive qi)) {
                continue;
            }
            if (ctx == null) {
                ctx = new SettlementContext(contract, perf, List.of(),
                        AttributionResolution.resolve(List.copyOf(attribution), perf), List.copyOf(quality),
                        ReportedFacts.NONE, BigDecimal.ONE);
            }
            ArrangementResult r = QualityIncentiveCalculator.settle(qi, ctx);
            for (QualityIncentive.Measure m : qi.measures()) {
                if ("true".equals(r.metrics().get("measure." + m.id() + ".met"))) {
                    out.add(new Met("quality." + qi.id() + "." + m.id() + ".met",
                            "quality measure " + m.id() + " of " + qi.id() + " reached its target with its minimum denominator"));
                }
            }
        }
        return out;
    }

    static boolean hasBundledPayment(Contract contract) {
        return contract.arrangements().stream().anyMatch(a -> a instanceof BundledPayment);
    }

    static boolean hasQualityIncentive(Contract contract) {
        return contract.arrangements().stream().anyMatch(a -> a instanceof QualityIncentive);
    }

    /** @param claims the claims in effect of the members to look at (all of each member's claims) */
    static List<Met> episodesClosedUnderTarget(Contract contract, List<Claim> claims, LocalDate paidThrough) {
        List<Met> out = new ArrayList<>();
        Period perf = contract.performancePeriod();
        if (paidThrough == null || paidThrough.isBefore(perf.start())) {
            return out;
        }
        // closed = ends by the end of this period, so the period ends at the paid-through date
        LocalDate end = paidThrough.isAfter(perf.end()) ? perf.end() : paidThrough;
        Period asOf = new Period(perf.id(), perf.start(), end);
        SettlementContext ctx = new SettlementContext(contract, asOf, claims,
                AttributionResolution.resolve(List.of(), asOf), List.of(), ReportedFacts.NONE, BigDecimal.ONE);
        for (Arrangement a : contract.arrangements()) {
            if (a instanceof BundledPayment bp) {
                for (EpisodeOutcome e : BundledPaymentCalculator.episodes(bp, ctx)) {
                    if (e.closed() && e.spend().compareTo(e.target()) < 0) {
                        out.add(new Met("episode." + e.id() + ".under-target",
                                "episode " + e.id() + " (" + e.episodeType() + ", member " + e.memberId() + ") closed with spend "
                                        + e.spend() + " under its target " + e.target()));
                    }
                }
            }
        }
        return out;
    }
}
