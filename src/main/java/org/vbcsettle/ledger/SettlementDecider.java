package org.vbcsettle.ledger;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.contract.SettlementTerms;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.SettlementInputs;
import org.vbcsettle.settlement.Statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Interim and final settlements: which period a settlement covers and when it is possible, the statement,
 * and its payout (an advance for an interim, the true-up for the final, {@link PayoutRules}). Before an
 * interim settlement every benchmark is looked for again, so none is missed. Needs a registered contract.
 */
final class SettlementDecider {

    private SettlementDecider() {
    }

    /** The span a statement covers and the completion factor of its claims; or why it cannot be settled. */
    private record Window(Period period, BigDecimal completion, LedgerReplies.Refusal refusal) {
        static Window refused(String message) {
            return new Window(null, null, LedgerReplies.Refusal.invalid(message));
        }
    }

    static ContractDecider.Decision settle(ContractState state, ContractCommand.Settle cmd) {
        if (cmd.kind() == null || cmd.kind() == Statement.Kind.PROJECTED) {
            return refused("settlement kind must be INTERIM (a quarter, e.g. 2024-Q1) or FINAL (the performance period, e.g. 2024); "
                    + "the projection is part of the running totals");
        }
        if (PeriodIds.blank(cmd.periodId())) {
            return refused("period is required");
        }
        if (cmd.asOf() == null) {
            return refused("asOf (the settlement date) is required");
        }
        Statement existing = state.statement(cmd.periodId(), cmd.kind());
        if (existing != null) {
            Payout p = state.payout(Payout.key(state.contractId(), trigger(cmd.kind()), cmd.periodId()));
            return ContractDecider.Decision.reply(new LedgerReplies.SettlementReply(existing, p, List.of(), true, null));
        }
        Window w = cmd.kind() == Statement.Kind.FINAL ? finalWindow(state, cmd) : interimWindow(state, cmd);
        if (w.refusal() != null) {
            return refused(w.refusal());
        }
        return issue(state, cmd, w);
    }

    private static String trigger(Statement.Kind kind) {
        return kind == Statement.Kind.FINAL ? "settlement.final" : "settlement.interim";
    }

    private static Window finalWindow(ContractState state, ContractCommand.Settle cmd) {
        Contract contract = state.currentContract();
        Period perf = contract.performancePeriod();
        SettlementTerms terms = contract.settlementOrDefault();
        if (!cmd.periodId().equals(perf.id())) {
            return Window.refused("a final settlement is for the performance period '" + perf.id() + "', not '" + cmd.periodId() + "'");
        }
        LocalDate earliest = perf.end().plusDays(1).plusMonths(terms.runOutMonthsOrDefault());
        if (cmd.asOf().isBefore(earliest)) {
            return Window.refused("final settlement of " + perf.id() + " needs " + terms.runOutMonthsOrDefault()
                    + " months of claims run-out after " + perf.end() + ": possible from " + earliest + ", asOf was " + cmd.asOf());
        }
        return new Window(perf, BigDecimal.ONE, null);
    }

    private static Window interimWindow(ContractState state, ContractCommand.Settle cmd) {
        Contract contract = state.currentContract();
        Period perf = contract.performancePeriod();
        SettlementTerms terms = contract.settlementOrDefault();
        if (!PeriodIds.isQuarter(cmd.periodId())) {
            return Window.refused("an interim settlement is for a quarter (e.g. " + perf.start().getYear() + "-Q1), not '" + cmd.periodId() + "'");
        }
        if (!Boolean.TRUE.equals(terms.interimSettlements() == null ? Boolean.TRUE : terms.interimSettlements())) {
            return Window.refused("contract " + state.contractId() + " has no interim settlements (settlement.interimSettlements is false)");
        }
        if (state.isClosed(perf.id())) {
            return new Window(null, null, LedgerReplies.Refusal.conflict("performance period " + perf.id()
                    + " is closed by its final settlement; no more interim settlements"));
        }
        Period q = Period.parse(cmd.periodId());
        if (PeriodIds.outside(q, perf)) {
            return Window.refused("quarter " + cmd.periodId() + " is outside the performance period " + perf);
        }
        LocalDate qEnd = q.end().isAfter(perf.end()) ? perf.end() : q.end();
        if (!cmd.asOf().isAfter(qEnd)) {
            return Window.refused("quarter " + cmd.periodId() + " ends " + qEnd + "; it can be settled after that, asOf was " + cmd.asOf());
        }
        // year to date: the interim amount is what has been earned so far, net of what was paid
        return new Window(new Period(cmd.periodId(), perf.start(), qEnd),
                terms.completionFactorAt(PayoutRules.monthsOfRunOut(qEnd, cmd.asOf())), null);
    }

    private static ContractDecider.Decision issue(ContractState state, ContractCommand.Settle cmd, Window w) {
        Contract contract = state.currentContract();
        String year = contract.performancePeriod().id();
        boolean interim = cmd.kind() == Statement.Kind.INTERIM;
        BenchmarkAdvances.Advances advances = interim ? allBenchmarks(state, contract) : BenchmarkAdvances.Advances.NONE;
        // an interim statement sees the claims paid by its settlement date only: its completion factor already
        // estimates the rest, counting later-paid claims too would count them twice. The final (after run-out)
        // takes every claim, and its true-up makes the period's payouts sum to it whatever the interims paid.
        List<Claim> claims = interim ? state.claimBook().effectivePaidBy(cmd.asOf()) : state.effectiveClaims();
        SettlementInputs in = new SettlementInputs(w.period(), List.copyOf(state.attributionRecords()), claims,
                List.copyOf(state.qualityEventRecords()), FactsDecider.factsFor(state, cmd.periodId(), cmd.reported()), w.completion());
        Outcome<Statement> settled = Projection.statement(contract, in, cmd.kind(), state.sequence());
        if (settled instanceof Outcome.Refused<Statement> r) {
            return refused("settlement of " + cmd.periodId() + " (" + cmd.kind() + ") failed: " + r.reason());
        }
        Statement statement = ((Outcome.Ok<Statement>) settled).value();
        Money paid = state.paidSoFar(year);
        for (Payout p : advances.payouts()) {
            paid = paid.plus(p.amount());
        }
        List<String> notes = new ArrayList<>(advances.notes());
        PayoutRules.Amount amount;
        if (interim) {
            String what = "interim settlement " + cmd.periodId() + " (completion factor " + w.completion().toPlainString() + ")";
            String held = AdvancePolicyGate.held(contract, claims, w.period().end(),
                    PayoutRules.monthsOfRunOut(w.period().end(), cmd.asOf()));
            if (held != null) {
                // the statement is issued all the same (the provider's year-to-date view); its payout records $0 and why
                amount = new PayoutRules.Amount(Money.ZERO, what + ": " + held + "; nothing paid now, the next interim or the final pays it");
                notes.add("interim payout " + cmd.periodId() + ": " + held);
            } else {
                Outcome<Money> basis = AdvancePolicyGate.basis(contract, statement, in, paidThrough(claims));
                if (basis instanceof Outcome.Refused<Money> r) {
                    return refused("settlement of " + cmd.periodId() + " (" + cmd.kind() + ") failed: " + r.reason());
                }
                amount = PayoutRules.advance(what, ((Outcome.Ok<Money>) basis).value(),
                        contract.settlementOrDefault().withholdRateOrDefault(), contract.settlementOrDefault().advancesOrDefault(), paid);
            }
        } else {
            amount = PayoutRules.trueUp(statement.total(), paid);
        }
        String trigger = trigger(cmd.kind());
        Payout payout = new Payout(Payout.key(state.contractId(), trigger, cmd.periodId()), state.contractId(), trigger,
                cmd.periodId(), year, amount.amount(), amount.reason(), Payout.Status.initial(amount.amount()), state.sequence());
        List<ContractEvent> events = new ArrayList<>();
        advances.addEventsTo(events);
        events.add(new ContractEvent.StatementIssued(statement, year));
        events.add(new ContractEvent.PayoutTriggered(payout));
        return new ContractDecider.Decision(events,
                new LedgerReplies.SettlementReply(statement, payout, advances.payouts(), false, null, notes));
    }

    /** The latest paid date of {@code claims}, null when there are none. */
    private static LocalDate paidThrough(List<Claim> claims) {
        LocalDate latest = null;
        for (Claim c : claims) {
            if (c.paidDate() != null && (latest == null || c.paidDate().isAfter(latest))) {
                latest = c.paidDate();
            }
        }
        return latest;
    }

    /** Every benchmark of the contract, on every record in effect. */
    private static BenchmarkAdvances.Advances allBenchmarks(ContractState state, Contract contract) {
        List<Triggers.Met> met = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (Projection.hasQualityIncentive(contract) && !state.qualityEventRecords().isEmpty()) {
            collect(Projection.qualityMeasuresMet(contract, state.attributionRecords(), state.qualityEventRecords()), met, notes);
        }
        if (Projection.hasBundledPayment(contract)) {
            collect(Projection.episodesClosedUnderTarget(contract, state.effectiveClaims(), state.paidThrough()), met, notes);
        }
        if (!notes.isEmpty()) {
            return new BenchmarkAdvances.Advances(List.of(), notes);
        }
        return BenchmarkAdvances.pay(state, contract, Outcome.ok(met), Projection.Inputs.of(state));
    }

    private static void collect(Outcome<List<Triggers.Met>> found, List<Triggers.Met> met, List<String> notes) {
        if (found instanceof Outcome.Refused<List<Triggers.Met>> r) {
            notes.add("benchmarks not evaluated: " + r.reason());
        } else {
            met.addAll(((Outcome.Ok<List<Triggers.Met>>) found).value());
        }
    }

    static LedgerReplies.SettlementReply refusal(LedgerReplies.Refusal refusal) {
        return new LedgerReplies.SettlementReply(null, null, List.of(), false, refusal);
    }

    private static ContractDecider.Decision refused(String message) {
        return refused(LedgerReplies.Refusal.invalid(message));
    }

    private static ContractDecider.Decision refused(LedgerReplies.Refusal refusal) {
        return ContractDecider.Decision.reply(refusal(refusal));
    }
}
