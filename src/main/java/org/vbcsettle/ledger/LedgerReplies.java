package org.vbcsettle.ledger;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.settlement.Statement;

import java.util.List;

/**
 * Replies of the contract ledger. {@code error} is null on success; otherwise it says what was refused
 * and why, naming the record or field. {@link LedgerClient} turns an error into a failed stage.
 */
public final class LedgerReplies {

    private LedgerReplies() {
    }

    /** Any reply that may carry a whole-command refusal. */
    public interface Reply extends CborSerializable {
        String error();
    }

    public record ContractReply(Contract contract, String error) implements Reply {
    }

    /**
     * Outcome of a batch: {@code accepted + duplicate + rejected} = records sent. A duplicate (an id already
     * recorded) is a no-op. {@code payouts}: payouts the batch triggered (benchmarks met).
     */
    public record BatchResult(int accepted, int duplicate, int rejected, List<RecordError> errors,
                              List<Payout> payouts, String error) implements Reply {
        public BatchResult {
            errors = errors == null ? List.of() : List.copyOf(errors);
            payouts = payouts == null ? List.of() : List.copyOf(payouts);
        }

        static BatchResult refused(int size, String error) {
            return new BatchResult(0, 0, size, List.of(), List.of(), error);
        }
    }

    public record TotalsReply(RunningTotals totals, String error) implements Reply {
    }

    /**
     * @param payout         the payout this settlement issued (null when none, e.g. nothing due at interim)
     * @param triggerPayouts benchmark payouts found due while settling, paid before the statement's payout
     * @param repeated       the period was already settled with this kind: the stored statement, nothing paid
     */
    public record SettlementReply(Statement statement, Payout payout, List<Payout> triggerPayouts, boolean repeated,
                                  String error) implements Reply {
        public SettlementReply {
            triggerPayouts = triggerPayouts == null ? List.of() : List.copyOf(triggerPayouts);
        }
    }

    public record PayoutReply(Payout payout, String error) implements Reply {
    }

    public record PayoutsReply(List<Payout> payouts, String error) implements Reply {
        public PayoutsReply {
            payouts = payouts == null ? List.of() : List.copyOf(payouts);
        }
    }

    public record StatementsReply(List<Statement> statements, String error) implements Reply {
        public StatementsReply {
            statements = statements == null ? List.of() : List.copyOf(statements);
        }
    }
}
