package org.vbcsettle.ledger;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Payouts for benchmarks newly met: each advances what has been earned so far and not yet paid
 * ({@link PayoutRules#advance}), against the projection of the performance period (bundled payments on their
 * closed episodes only), and only when the data meets the contract's advance policy ({@link AdvancePolicyGate}), computed once and only
 * when a benchmark is new. When the benchmarks cannot be evaluated or the projection cannot be computed,
 * nothing is paid and nothing recorded: the reason is in {@link Advances#notes()}, and the benchmark is
 * looked for again at the next batch and before every interim settlement (the final settlement pays
 * whatever was not advanced).
 */
final class BenchmarkAdvances {

    private BenchmarkAdvances() {
    }

    /** The payouts to record, and why a benchmark met paid nothing now. */
    record Advances(List<Payout> payouts, List<String> notes) {
        static final Advances NONE = new Advances(List.of(), List.of());

        Advances {
            payouts = List.copyOf(payouts);
            notes = List.copyOf(notes);
        }

        static Advances noted(String note) {
            return new Advances(List.of(), List.of(note));
        }

        void addEventsTo(List<ContractEvent> events) {
            payouts.forEach(p -> events.add(new ContractEvent.PayoutTriggered(p)));
        }
    }

    static Advances pay(ContractState state, Contract contract, Outcome<List<Triggers.Met>> found, Projection.Inputs after) {
        if (found instanceof Outcome.Refused<List<Triggers.Met>> r) {
            return Advances.noted("benchmarks not evaluated: " + r.reason());
        }
        List<Triggers.Met> fresh = fresh(state, contract, ((Outcome.Ok<List<Triggers.Met>>) found).value());
        if (fresh.isEmpty()) {
            return Advances.NONE;
        }
        String year = contract.performancePeriod().id();
        List<Claim> claims = after.effectiveClaims().get();
        String held = AdvancePolicyGate.held(contract, claims, contract.performancePeriod().end(),
                AdvancePolicyGate.runOutOfProjection(after.lastServiceDate(), after.paidThrough()));
        if (held != null) {
            return notAdvanced(fresh, held);
        }
        Outcome<Projection.Basis> projected = Projection.advanceBasis(contract, after, claims,
                FactsDecider.factsFor(state, year, null), state.sequence());
        if (projected instanceof Outcome.Refused<Projection.Basis> r) {
            return notAdvanced(fresh, "projected settlement not available (" + r.reason() + ")");
        }
        Money earned = ((Outcome.Ok<Projection.Basis>) projected).value().basis();
        Money paid = state.paidSoFar(year);
        List<Payout> out = new ArrayList<>();
        for (Triggers.Met m : fresh) {
            PayoutRules.Amount a = PayoutRules.advance("benchmark advance", earned,
                    contract.settlementOrDefault().withholdRateOrDefault(), contract.settlementOrDefault().advancesOrDefault(), paid);
            paid = paid.plus(a.amount());
            out.add(new Payout(Payout.key(state.contractId(), m.trigger(), year), state.contractId(), m.trigger(), year, year,
                    a.amount(), m.description() + "; " + a.reason(), Payout.Status.initial(a.amount()), state.sequence()));
        }
        return new Advances(out, List.of());
    }

    /** Nothing paid and nothing recorded: the benchmarks stay fresh and are looked for again. */
    private static Advances notAdvanced(List<Triggers.Met> fresh, String why) {
        List<String> notes = new ArrayList<>();
        for (Triggers.Met m : fresh) {
            notes.add(m.description() + "; not advanced now: " + why
                    + "; looked for again at the next batch and settlement, the final settlement pays it");
        }
        return new Advances(List.of(), notes);
    }

    /** Advances for quality measures met, on the attribution and quality events after a batch. */
    static Advances forQuality(ContractState state, Collection<Attribution> attribution, Collection<QualityEvent> quality) {
        Contract contract = state.currentContract();
        if (!Projection.hasQualityIncentive(contract) || quality.isEmpty() || state.isClosed(contract.performancePeriod().id())) {
            return Advances.NONE;
        }
        return pay(state, contract, Projection.qualityMeasuresMet(contract, attribution, quality),
                new Projection.Inputs(attribution, state::effectiveClaims, quality, state.lastServiceDate(), state.paidThrough()));
    }

    /** The benchmarks met whose payout key has not paid yet, each once. */
    private static List<Triggers.Met> fresh(ContractState state, Contract contract, List<Triggers.Met> met) {
        String year = contract.performancePeriod().id();
        List<Triggers.Met> fresh = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Triggers.Met m : met) {
            String key = Payout.key(state.contractId(), m.trigger(), year);
            if (state.payout(key) == null && seen.add(key)) {
                fresh.add(m);
            }
        }
        return fresh;
    }
}
