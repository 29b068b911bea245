package org.vbcsettle.ledger;

import org.vbcsettle.contract.Arrangement;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.contract.SettlementTerms;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.ArrangementResult;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.SettlementContext;
import org.vbcsettle.settlement.SettlementInputs;
import org.vbcsettle.settlement.SettlementOutcome;
import org.vbcsettle.settlement.Statement;
import org.vbcsettle.settlement.bundled.BundledPaymentCalculator;
import org.vbcsettle.settlement.quality.QualityIncentiveResult;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The contract's advance policy ({@link SettlementTerms.AdvancePolicy}) applied to every payout before the
 * final settlement, benchmark advances and interim payouts alike:
 * <ul>
 *   <li><b>Credible data</b> ({@link #held}): a contract settled from claims (shared savings, bundled payment)
 *       pays no advance while the period has fewer months of claims experience than the policy's minimum
 *       (so none at all while it has no claims), nor before the policy's minimum run-out. A quality-incentive
 *       contract is settled from attribution and quality events, never from claims: only the amount rules apply.</li>
 *   <li><b>The basis</b> ({@link #basis}): the statement's total with every bundled-payment arrangement counted on
 *       its closed episodes only (their reconciliation), never on open ones whose spend is still accumulating.</li>
 *   <li><b>The amount</b> ({@link PayoutRules#advance}): released share × basis × (1 − withhold rate), less the
 *       fixed withhold, less what was paid so far, never negative.</li>
 * </ul>
 * Where a forecast band of the final settlement exists, the basis should also be held to its lower bound:
 * that is the place to do it (there is no forecast in the ledger yet).
 */
final class AdvancePolicyGate {

    private AdvancePolicyGate() {
    }

    /** Whether the contract's settlement depends on claims (and so its advances on claims experience). */
    static boolean settledFromClaims(Contract contract) {
        return contract.arrangements().stream().anyMatch(a -> a instanceof SharedSavings || a instanceof BundledPayment);
    }

    /**
     * Why no advance may be paid now, or null when the data meets the policy.
     *
     * @param claims       the claims in effect the advance would be computed from
     * @param windowEnd    the last day the advance covers (the quarter's end for an interim; the performance
     *                     period's end for a benchmark advance)
     * @param runOutMonths the whole months of claims run-out the advance's figures have
     */
    static String held(Contract contract, Collection<Claim> claims, LocalDate windowEnd, int runOutMonths) {
        if (!settledFromClaims(contract)) {
            return null;
        }
        SettlementTerms.AdvancePolicy policy = contract.settlementOrDefault().advancesOrDefault();
        int months = experienceMonths(contract.performancePeriod(), windowEnd, claims);
        if (months == 0) {
            return "advance held: the period has no claims yet (settlement.advances.minimumExperienceMonths "
                    + policy.minimumExperienceMonthsOrDefault() + ")";
        }
        if (months < policy.minimumExperienceMonthsOrDefault()) {
            return "advance held: " + months + (months == 1 ? " month" : " months") + " of claims experience, policy requires "
                    + policy.minimumExperienceMonthsOrDefault() + " (settlement.advances.minimumExperienceMonths)";
        }
        if (runOutMonths < policy.minimumRunOutMonthsOrDefault()) {
            return "advance held: " + runOutMonths + (runOutMonths == 1 ? " month" : " months") + " of claims run-out, policy requires "
                    + policy.minimumRunOutMonthsOrDefault() + " (settlement.advances.minimumRunOutMonths)";
        }
        return null;
    }

    /** Months of the performance period, through {@code windowEnd}, in which at least one claim in effect started. */
    static int experienceMonths(Period perf, LocalDate windowEnd, Collection<Claim> claims) {
        LocalDate end = windowEnd == null || windowEnd.isAfter(perf.end()) ? perf.end() : windowEnd;
        Set<YearMonth> months = new TreeSet<>();
        for (Claim c : claims) {
            LocalDate d = c.serviceFrom();
            if (d != null && !d.isBefore(perf.start()) && !d.isAfter(end)) {
                months.add(YearMonth.from(d));
            }
        }
        return months.size();
    }

    /** Months of run-out of a benchmark advance: from the end of the latest month of service to the latest paid date. */
    static int runOutOfProjection(LocalDate lastServiceDate, LocalDate paidThrough) {
        if (lastServiceDate == null || paidThrough == null) {
            return 0;
        }
        return PayoutRules.monthsOfRunOut(YearMonth.from(lastServiceDate).atEndOfMonth(), paidThrough);
    }

    /**
     * The amount an advance is computed from: {@code statement}'s total with each bundled-payment arrangement's
     * amount replaced by the reconciliation of its episodes closed by {@code paidThrough} (and by the end of the
     * statement's period), settled from the same inputs; or the calculator's refusal.
     *
     * @param inputs      the inputs the statement was settled from
     * @param paidThrough the latest paid date of those claims; an episode is closed once claims are paid through its end
     */
    static Outcome<Money> basis(Contract contract, Statement statement, SettlementInputs inputs, LocalDate paidThrough) {
        Map<String, BigDecimal> composites = new HashMap<>();
        Map<String, Money> amounts = new HashMap<>();
        for (ArrangementResult r : statement.arrangements()) {
            amounts.put(r.arrangementId(), r.amount());
            if (r.figures() instanceof QualityIncentiveResult q) {
                composites.put(r.arrangementId(), q.composite());
            }
        }
        Money basis = statement.total();
        Period period = inputs.period();
        boolean anyPaid = paidThrough != null && !paidThrough.isBefore(period.start());
        Period closedBy = anyPaid && paidThrough.isBefore(period.end()) ? new Period(period.id(), period.start(), paidThrough) : period;
        for (Arrangement a : contract.arrangements()) {
            if (!(a instanceof BundledPayment bp)) {
                continue;
            }
            Money closed = Money.ZERO;
            if (anyPaid) {
                SettlementInputs in = new SettlementInputs(closedBy, inputs.attribution(), inputs.claims(), inputs.qualityEvents(),
                        inputs.reported(), inputs.completionFactor());
                SettlementOutcome<SettlementContext> ctx = SettlementOutcome.attempt(() -> SettlementContext.of(contract, in));
                if (ctx instanceof SettlementOutcome.Refused<SettlementContext> refused) {
                    return Outcome.refused(refused.reason());
                }
                SettlementOutcome<ArrangementResult> r = BundledPaymentCalculator.settleForAdvance(bp, ctx.orElseThrow(), composites);
                if (r instanceof SettlementOutcome.Refused<ArrangementResult> refused) {
                    return Outcome.refused(refused.reason());
                }
                closed = r.orElseThrow().amount();
            }
            basis = basis.minus(amounts.getOrDefault(a.id(), Money.ZERO)).plus(closed);
        }
        return Outcome.ok(basis);
    }
}
