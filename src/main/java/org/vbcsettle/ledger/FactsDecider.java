package org.vbcsettle.ledger;

import org.vbcsettle.contract.Period;
import org.vbcsettle.ingest.ReportedFactsFormat;
import org.vbcsettle.ingest.Violation;
import org.vbcsettle.settlement.ReportedFacts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Payer-reported facts: recording them for the performance period or one of its quarters, reading them
 * back, and the facts a settlement or projection of a period uses. Needs a registered contract.
 */
final class FactsDecider {

    private FactsDecider() {
    }

    static ContractDecider.Decision report(ContractState state, String periodId, ReportedFacts facts) {
        Outcome<String> period = factsPeriod(state, periodId);
        if (period instanceof Outcome.Refused<String> r) {
            return refused(LedgerReplies.Refusal.invalid(r.reason()));
        }
        String id = ((Outcome.Ok<String>) period).value();
        if (facts == null) {
            return refused(LedgerReplies.Refusal.invalid("facts: the reported facts are required"));
        }
        List<Violation> problems = ReportedFactsFormat.problems(facts);
        if (!problems.isEmpty()) {
            List<String> parts = new ArrayList<>();
            problems.forEach(p -> parts.add(p.field() + " " + p.message()));
            return refused(LedgerReplies.Refusal.invalid("reported facts of " + state.contractId() + " " + id
                    + " are not valid: " + String.join("; ", parts)));
        }
        ContractSnapshot.FactsEntry current = state.reportedFactsEntry(id);
        if (current != null && sameFacts(current.facts(), facts)) {
            return ContractDecider.Decision.reply(new LedgerReplies.FactsReply(id, current.facts(), current.sequence(), false, null)); // resent
        }
        String year = state.currentContract().performancePeriod().id();
        if (state.isClosed(year)) {
            // the final statement keeps the facts it used; changing them afterwards would change nothing
            return refused(LedgerReplies.Refusal.conflict("performance period " + year
                    + " is closed by its final settlement; its reported facts can no longer change"));
        }
        return new ContractDecider.Decision(List.of(new ContractEvent.FactsReported(id, facts)),
                new LedgerReplies.FactsReply(id, facts, state.sequence() + 1, true, null));
    }

    static ContractDecider.Decision get(ContractState state, String periodId) {
        Outcome<String> period = factsPeriod(state, periodId);
        if (period instanceof Outcome.Refused<String> r) {
            return refused(LedgerReplies.Refusal.invalid(r.reason()));
        }
        String id = ((Outcome.Ok<String>) period).value();
        ContractSnapshot.FactsEntry e = state.reportedFactsEntry(id);
        return ContractDecider.Decision.reply(e == null
                ? new LedgerReplies.FactsReply(id, ReportedFacts.NONE, 0, false, null)
                : new LedgerReplies.FactsReply(id, e.facts(), e.sequence(), false, null));
    }

    static LedgerReplies.FactsReply refusal(LedgerReplies.Refusal refusal) {
        return new LedgerReplies.FactsReply(null, null, 0, false, refusal);
    }

    private static ContractDecider.Decision refused(LedgerReplies.Refusal refusal) {
        return ContractDecider.Decision.reply(refusal(refusal));
    }

    /** The period's id as the ledger keys facts by, or why not (naming the field {@code period}). */
    private static Outcome<String> factsPeriod(ContractState state, String periodId) {
        Period perf = state.currentContract().performancePeriod();
        if (PeriodIds.blank(periodId) || periodId.equals(perf.id())) {
            return Outcome.ok(perf.id());
        }
        if (!PeriodIds.isQuarter(periodId)) {
            return Outcome.refused("period: reported facts are for the performance period '" + perf.id() + "' or one of its quarters (e.g. "
                    + perf.start().getYear() + "-Q1), not '" + periodId + "'");
        }
        if (PeriodIds.outside(Period.parse(periodId), perf)) {
            return Outcome.refused("period: quarter " + periodId + " is outside the performance period " + perf.start() + " to " + perf.end());
        }
        return Outcome.ok(periodId);
    }

    /** Equal facts, numbers by value ({@code 0.9} = {@code 0.90}). */
    static boolean sameFacts(ReportedFacts a, ReportedFacts b) {
        return Objects.equals(a.assignedBeneficiaries(), b.assignedBeneficiaries())
                && sameNumber(a.qualityScore(), b.qualityScore())
                && Objects.equals(a.qualityStandardMet(), b.qualityStandardMet())
                && Objects.equals(a.alternativeStandardMet(), b.alternativeStandardMet())
                && Objects.equals(a.participantRevenue(), b.participantRevenue())
                && sameNumber(a.disasterShare(), b.disasterShare())
                && Objects.equals(a.lowRevenue(), b.lowRevenue())
                && sameNumber(a.compositeQualityScore(), b.compositeQualityScore())
                && Objects.equals(a.benchmarkOverride(), b.benchmarkOverride());
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /**
     * The facts a settlement of {@code periodId} uses: those recorded for the period (for a quarter with none
     * of its own, those of the performance period), with every field given explicitly overriding them.
     */
    static ReportedFacts factsFor(ContractState state, String periodId, ReportedFacts explicit) {
        String year = state.currentContract().performancePeriod().id();
        ContractSnapshot.FactsEntry e = periodId == null ? null : state.reportedFactsEntry(periodId);
        if (e == null) {
            e = state.reportedFactsEntry(year);
        }
        ReportedFacts stored = e == null ? ReportedFacts.NONE : e.facts();
        return stored.overriddenBy(explicit);
    }
}
