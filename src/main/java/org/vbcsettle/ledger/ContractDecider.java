package org.vbcsettle.ledger;

import org.vbcsettle.ingest.ReportedFactsFormat;
import org.vbcsettle.ingest.Violation;
import org.vbcsettle.settlement.ReportedFacts;

import java.util.List;

/**
 * Decides what a command does to a contract's ledger: the events to persist (possibly none) and the
 * reply. Pure: reads the state, never changes it. Everything that must not be lost together (a batch and
 * the payouts it triggers; a statement and its payout) is returned as one list, persisted atomically.
 *
 * <p>This class only routes each command to its part: {@link TermsDecider} (contract terms),
 * {@link BatchIntake} (claims, attribution, quality events), {@link SettlementDecider} (statements and their
 * payouts), {@link FactsDecider} (reported facts) and {@link PayoutStatusDecider}; and it refuses, in one
 * place, every command that needs registered terms when there are none.
 */
public final class ContractDecider {

    /** Largest batch of records one command may carry (bounds event size and reply time). */
    public static final int MAX_BATCH = BatchIntake.MAX_BATCH;

    private ContractDecider() {
    }

    /** @param reply sent after the events are persisted (or at once when there are none) */
    public record Decision(List<ContractEvent> events, Object reply) {
        static Decision reply(Object reply) {
            return new Decision(List.of(), reply);
        }
    }

    public static Decision decide(ContractState state, ContractCommand command) {
        if (command instanceof ContractCommand.RegisterContract c) {
            return TermsDecider.register(state, c.contract());
        } else if (command instanceof ContractCommand.ChangePayoutStatus c) {
            return PayoutStatusDecider.change(state, c.payoutKey(), c.status());
        } else if (command instanceof ContractCommand.DisputePayout c) {
            return PayoutStatusDecider.dispute(state, c);
        } else if (command instanceof ContractCommand.ListPayouts) {
            return Decision.reply(new LedgerReplies.PayoutsReply(state.payouts(), null));
        } else if (command instanceof ContractCommand.ListStatements) {
            return Decision.reply(new LedgerReplies.StatementsReply(state.statements(), null));
        } else if (!state.isRegistered()) {
            return Decision.reply(notRegistered(state, command));
        }
        return decideRegistered(state, command);
    }

    private static Decision decideRegistered(ContractState state, ContractCommand command) {
        if (command instanceof ContractCommand.AmendContract c) {
            return TermsDecider.amend(state, c.contract());
        } else if (command instanceof ContractCommand.GetContract) {
            return Decision.reply(new LedgerReplies.ContractReply(state.currentContract(), null));
        } else if (command instanceof ContractCommand.RecordClaims c) {
            return BatchIntake.take(c.claims(), ClaimIntake.kind(state));
        } else if (command instanceof ContractCommand.AttributeMembers c) {
            return BatchIntake.take(c.attributions(), AttributionIntake.kind(state));
        } else if (command instanceof ContractCommand.RecordQualityEvents c) {
            return BatchIntake.take(c.events(), QualityIntake.kind(state));
        } else if (command instanceof ContractCommand.GetTotals c) {
            return Decision.reply(totals(state, c.periodId()));
        } else if (command instanceof ContractCommand.Settle c) {
            return settle(state, c);
        } else if (command instanceof ContractCommand.ReportFacts c) {
            return FactsDecider.report(state, c.periodId(), c.facts());
        } else if (command instanceof ContractCommand.GetReportedFacts c) {
            return FactsDecider.get(state, c.periodId());
        }
        throw new IllegalArgumentException("unknown command " + command.getClass());
    }

    /** Explicit reported facts go into the calculators: checked here as a PUT of them is (a benchmark of $0 would divide by it). */
    private static Decision settle(ContractState state, ContractCommand.Settle c) {
        List<Violation> problems = c.reported() == null ? List.of() : ReportedFactsFormat.problems(c.reported());
        if (!problems.isEmpty()) {
            Violation v = problems.get(0);
            return Decision.reply(SettlementDecider.refusal(LedgerReplies.Refusal.invalid("reported." + v.field() + ": " + v.message())));
        }
        return SettlementDecider.settle(state, c);
    }

    /** The calculators' own failures are notes in the totals; a period that names none is refused first. */
    private static LedgerReplies.TotalsReply totals(ContractState state, String periodId) {
        String problem = PeriodIds.problem(periodId);
        if (problem != null) {
            return new LedgerReplies.TotalsReply(null, LedgerReplies.Refusal.invalid(problem));
        }
        return new LedgerReplies.TotalsReply(TotalsView.compute(state, periodId), null);
    }

    /** The reply of a command that needs registered terms, to a ledger that has none. */
    private static Object notRegistered(ContractState state, ContractCommand command) {
        String message = "contract " + state.contractId() + " is not registered";
        LedgerReplies.Refusal plain = LedgerReplies.Refusal.unknownContract(message);
        if (command instanceof ContractCommand.RecordClaims c) {
            return refusedBatch(c.claims(), message + ": claims refused");
        } else if (command instanceof ContractCommand.AttributeMembers c) {
            return refusedBatch(c.attributions(), message + ": attribution refused");
        } else if (command instanceof ContractCommand.RecordQualityEvents c) {
            return refusedBatch(c.events(), message + ": quality events refused");
        } else if (command instanceof ContractCommand.ReportFacts) {
            return FactsDecider.refusal(LedgerReplies.Refusal.unknownContract(message + ": reported facts refused"));
        } else if (command instanceof ContractCommand.GetReportedFacts) {
            return FactsDecider.refusal(plain);
        } else if (command instanceof ContractCommand.GetTotals) {
            return new LedgerReplies.TotalsReply(null, plain);
        } else if (command instanceof ContractCommand.Settle) {
            return SettlementDecider.refusal(plain);
        }
        return new LedgerReplies.ContractReply(null, plain); // AmendContract, GetContract
    }

    private static LedgerReplies.BatchResult refusedBatch(List<?> records, String message) {
        return LedgerReplies.BatchResult.refused(records == null ? 0 : records.size(), LedgerReplies.Refusal.unknownContract(message));
    }

    /** The facts a settlement or projection of {@code periodId} uses; see {@link FactsDecider#factsFor}. */
    static ReportedFacts factsFor(ContractState state, String periodId, ReportedFacts explicit) {
        return FactsDecider.factsFor(state, periodId, explicit);
    }
}
