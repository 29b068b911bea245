package org.vbcsettle.ledger;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.contract.SettlementTerms;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.ContractSettlement;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.SettlementInputs;
import org.vbcsettle.settlement.SettlementOutcome;
import org.vbcsettle.settlement.Statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The ledger's one door to the settlement calculators and to {@link Triggers}: every statement, projection
 * and benchmark check the decider needs goes through here and comes back as an {@link Outcome}, so a
 * figure that cannot be computed reaches the decider as a stated reason and never as an amount.
 */
final class Projection {

    private Projection() {
    }

    /** What the projection of the performance period is computed from. */
    record Inputs(Collection<Attribution> attribution, Supplier<List<Claim>> effectiveClaims,
                  Collection<QualityEvent> quality, LocalDate lastServiceDate, LocalDate paidThrough) {

        static Inputs of(ContractState state) {
            return new Inputs(state.attributionRecords(), state::effectiveClaims, state.qualityEventRecords(),
                    state.lastServiceDate(), state.paidThrough());
        }
    }

    static boolean hasBundledPayment(Contract contract) {
        return Triggers.hasBundledPayment(contract);
    }

    static boolean hasQualityIncentive(Contract contract) {
        return Triggers.hasQualityIncentive(contract);
    }

    static Outcome<List<Triggers.Met>> qualityMeasuresMet(Contract contract, Collection<Attribution> attribution,
                                                          Collection<QualityEvent> quality) {
        return from(Triggers.qualityBenchmarks(contract, attribution, quality));
    }

    static Outcome<List<Triggers.Met>> episodesClosedUnderTarget(Contract contract, List<Claim> claims, LocalDate paidThrough) {
        return from(Triggers.episodeBenchmarks(contract, claims, paidThrough));
    }

    /** An interim or final statement. */
    static Outcome<Statement> statement(Contract contract, SettlementInputs inputs, Statement.Kind kind, long sequence) {
        return from(ContractSettlement.settle(contract, inputs, kind, sequence));
    }

    /** The performance period settled on the data so far (kind PROJECTED); see {@link #projectedStatement}. */
    static Outcome<Statement> projected(Contract contract, Inputs in, ReportedFacts reported, long sequence) {
        return from(projectedStatement(contract, in.attribution(), in.effectiveClaims().get(), in.quality(),
                in.lastServiceDate(), in.paidThrough(), reported, sequence));
    }

    /** The projected statement and the amount an advance may be computed from ({@link AdvancePolicyGate#basis}). */
    record Basis(Statement projected, Money basis) {
    }

    /** The projection of the performance period and its advance basis, from {@code claims} (the claims in effect of {@code in}). */
    static Outcome<Basis> advanceBasis(Contract contract, Inputs in, List<Claim> claims, ReportedFacts reported, long sequence) {
        SettlementInputs inputs = projectedInputs(contract, in.attribution(), claims, in.quality(), in.lastServiceDate(),
                in.paidThrough(), reported);
        Outcome<Statement> projected = from(ContractSettlement.settle(contract, inputs, Statement.Kind.PROJECTED, sequence));
        if (projected instanceof Outcome.Refused<Statement> r) {
            return Outcome.refused(r.reason());
        }
        Statement statement = ((Outcome.Ok<Statement>) projected).value();
        Outcome<Money> basis = AdvancePolicyGate.basis(contract, statement, inputs, in.paidThrough());
        if (basis instanceof Outcome.Refused<Money> r) {
            return Outcome.refused(r.reason());
        }
        return Outcome.ok(new Basis(statement, ((Outcome.Ok<Money>) basis).value()));
    }

    /**
     * The performance period settled on the data so far (kind PROJECTED): paid claims completed by the
     * factor for the run-out between the latest month of service and the latest paid date seen, with the
     * facts reported for the performance period, or the calculators' refusal.
     */
    static SettlementOutcome<Statement> projectedStatement(Contract contract, Collection<Attribution> attribution, List<Claim> effectiveClaims,
                                        Collection<QualityEvent> quality, LocalDate lastServiceDate, LocalDate paidThrough,
                                        ReportedFacts reported, long sequence) {
        return ContractSettlement.settle(contract, projectedInputs(contract, attribution, effectiveClaims, quality, lastServiceDate,
                paidThrough, reported), Statement.Kind.PROJECTED, sequence);
    }

    private static SettlementInputs projectedInputs(Contract contract, Collection<Attribution> attribution, List<Claim> effectiveClaims,
                                                    Collection<QualityEvent> quality, LocalDate lastServiceDate, LocalDate paidThrough,
                                                    ReportedFacts reported) {
        Period perf = contract.performancePeriod();
        BigDecimal cf = BigDecimal.ONE;
        if (lastServiceDate != null && paidThrough != null) {
            LocalDate incurredEnd = YearMonth.from(lastServiceDate).atEndOfMonth();
            SettlementTerms terms = contract.settlementOrDefault();
            cf = terms.completionFactorAt(PayoutRules.monthsOfRunOut(incurredEnd, paidThrough));
        }
        return new SettlementInputs(perf, List.copyOf(attribution), effectiveClaims, List.copyOf(quality),
                reported == null ? ReportedFacts.NONE : reported, cf);
    }

    /** The calculators' refusal carried as the ledger's: a stated reason, never an amount. */
    private static <T> Outcome<T> from(SettlementOutcome<T> outcome) {
        if (outcome instanceof SettlementOutcome.Settled<T> settled) {
            return Outcome.ok(settled.value());
        }
        return Outcome.refused(((SettlementOutcome.Refused<T>) outcome).reason());
    }
}
