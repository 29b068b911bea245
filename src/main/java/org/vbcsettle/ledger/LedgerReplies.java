package org.vbcsettle.ledger;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.Statement;

import java.util.List;

/**
 * Replies of the contract ledger. {@code refusal} is null on success; otherwise its reason code and a
 * message saying what was refused and why, naming the record or field. {@link LedgerClient} turns a
 * refusal into a failed stage ({@link LedgerRejection}).
 */
public final class LedgerReplies {

    private LedgerReplies() {
    }

    /** Why a whole command was refused. */
    public record Refusal(LedgerRejection.Reason reason, String message) implements CborSerializable {
        public Refusal {
            reason = reason == null ? LedgerRejection.Reason.INVALID : reason;
            message = org.vbcsettle.contract.StoredText.wellFormed(message); // it may quote what was sent
        }

        static Refusal invalid(String message) {
            return new Refusal(LedgerRejection.Reason.INVALID, message);
        }

        static Refusal unknownContract(String message) {
            return new Refusal(LedgerRejection.Reason.UNKNOWN_CONTRACT, message);
        }

        static Refusal conflict(String message) {
            return new Refusal(LedgerRejection.Reason.CONFLICT, message);
        }
    }

    /** Any reply that may carry a whole-command refusal. */
    public interface Reply extends CborSerializable {
        Refusal refusal();

        /** The refusal's message, null on success. */
        default String error() {
            return refusal() == null ? null : refusal().message();
        }
    }

    public record ContractReply(Contract contract, Refusal refusal) implements Reply {
    }

    /**
     * Outcome of a batch: {@code accepted + duplicate + rejected} = records sent. A duplicate (an id already
     * recorded) is a no-op. {@code payouts}: payouts the batch triggered (benchmarks met). {@code notes}: why a
     * benchmark found met paid nothing now (e.g. the projection could not be computed); empty when none.
     */
    public record BatchResult(int accepted, int duplicate, int rejected, List<RecordError> errors,
                              List<Payout> payouts, Refusal refusal, List<String> notes) implements Reply {
        public BatchResult {
            errors = errors == null ? List.of() : List.copyOf(errors);
            payouts = payouts == null ? List.of() : List.copyOf(payouts);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        public BatchResult(int accepted, int duplicate, int rejected, List<RecordError> errors, List<Payout> payouts,
                           Refusal refusal) {
            this(accepted, duplicate, rejected, errors, payouts, refusal, List.of());
        }

        static BatchResult refused(int size, Refusal refusal) {
            return new BatchResult(0, 0, size, List.of(), List.of(), refusal);
        }
    }

    public record TotalsReply(RunningTotals totals, Refusal refusal) implements Reply {
    }

    /**
     * @param payout         the payout this settlement issued (null when none, e.g. nothing due at interim)
     * @param triggerPayouts benchmark payouts found due while settling, paid before the statement's payout
     * @param repeated       the period was already settled with this kind: the stored statement, nothing paid
     * @param notes          why a benchmark found met while settling paid nothing now; empty when none
     */
    public record SettlementReply(Statement statement, Payout payout, List<Payout> triggerPayouts, boolean repeated,
                                  Refusal refusal, List<String> notes) implements Reply {
        public SettlementReply {
            triggerPayouts = triggerPayouts == null ? List.of() : List.copyOf(triggerPayouts);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        public SettlementReply(Statement statement, Payout payout, List<Payout> triggerPayouts, boolean repeated,
                               Refusal refusal) {
            this(statement, payout, triggerPayouts, repeated, refusal, List.of());
        }
    }

    /**
     * The facts recorded for a period.
     *
     * @param sequence the ledger event sequence number of the report now in force (0: nothing reported)
     * @param changed  this command recorded them (false: the same facts were already recorded, or a query)
     */
    public record FactsReply(String periodId, ReportedFacts facts, long sequence, boolean changed, Refusal refusal)
            implements Reply {
    }

    public record PayoutReply(Payout payout, Refusal refusal) implements Reply {
    }

    public record PayoutsReply(List<Payout> payouts, Refusal refusal) implements Reply {
        public PayoutsReply {
            payouts = payouts == null ? List.of() : List.copyOf(payouts);
        }
    }

    public record StatementsReply(List<Statement> statements, Refusal refusal) implements Reply {
        public StatementsReply {
            statements = statements == null ? List.of() : List.copyOf(statements);
        }
    }
}
