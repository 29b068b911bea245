package org.vbcsettle.ledger;

import akka.actor.typed.ActorRef;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.Statement;

import java.time.LocalDate;
import java.util.List;

/** Commands to one contract's ledger. Each carries where its reply goes; every command gets one reply. */
public sealed interface ContractCommand extends CborSerializable {

    ActorRef<?> replyTo();

    /**
     * The HTTP request that sent the command (see the API's request ids), stamped on the events it causes and
     * put in the entity's log lines; null when none did.
     */
    default String requestId() {
        return null;
    }

    /** First registration of the contract's terms (version 1 unless given). */
    record RegisterContract(Contract contract, ActorRef<LedgerReplies.ContractReply> replyTo) implements ContractCommand {
    }

    /** New terms; the version must be higher than the current one. Settled statements keep their version. */
    record AmendContract(Contract contract, ActorRef<LedgerReplies.ContractReply> replyTo) implements ContractCommand {
    }

    record GetContract(ActorRef<LedgerReplies.ContractReply> replyTo) implements ContractCommand {
    }

    record AttributeMembers(List<Attribution> attributions, ActorRef<LedgerReplies.BatchResult> replyTo, String requestId)
            implements ContractCommand {
        public AttributeMembers(List<Attribution> attributions, ActorRef<LedgerReplies.BatchResult> replyTo) {
            this(attributions, replyTo, null);
        }
    }

    record RecordClaims(List<Claim> claims, ActorRef<LedgerReplies.BatchResult> replyTo, String requestId)
            implements ContractCommand {
        public RecordClaims(List<Claim> claims, ActorRef<LedgerReplies.BatchResult> replyTo) {
            this(claims, replyTo, null);
        }
    }

    record RecordQualityEvents(List<QualityEvent> events, ActorRef<LedgerReplies.BatchResult> replyTo, String requestId)
            implements ContractCommand {
        public RecordQualityEvents(List<QualityEvent> events, ActorRef<LedgerReplies.BatchResult> replyTo) {
            this(events, replyTo, null);
        }
    }

    /** @param periodId {@code 2024}, {@code 2024-Q2} or {@code 2024-07}; null: the performance period */
    record GetTotals(String periodId, ActorRef<LedgerReplies.TotalsReply> replyTo) implements ContractCommand {
    }

    /**
     * Settle a period: {@code INTERIM} for a quarter ({@code 2024-Q1}..), {@code FINAL} for the performance
     * period ({@code 2024}). Idempotent per (period, kind).
     *
     * @param asOf     the settlement date; decides months of claims run-out (completion factor) and whether
     *                 the quarter / run-out is over
     * @param reported payer-reported facts (null: none)
     */
    record Settle(String periodId, Statement.Kind kind, LocalDate asOf, ReportedFacts reported,
                  ActorRef<LedgerReplies.SettlementReply> replyTo, String requestId) implements ContractCommand {
        public Settle(String periodId, Statement.Kind kind, LocalDate asOf, ReportedFacts reported,
                      ActorRef<LedgerReplies.SettlementReply> replyTo) {
            this(periodId, kind, asOf, reported, replyTo, null);
        }
    }

    /**
     * Records the payer-reported facts of a period (the performance period, e.g. {@code 2024}, or a quarter
     * of it): they replace any facts reported for that period before. Reporting the same facts again
     * changes nothing.
     */
    record ReportFacts(String periodId, ReportedFacts facts, ActorRef<LedgerReplies.FactsReply> replyTo)
            implements ContractCommand {
    }

    /** The facts recorded for a period (none recorded: {@link ReportedFacts#NONE}, sequence 0). */
    record GetReportedFacts(String periodId, ActorRef<LedgerReplies.FactsReply> replyTo) implements ContractCommand {
    }

    /** Moves a payout one step along TRIGGERED → APPROVED → DISBURSED → ACKNOWLEDGED (repeating is a no-op). */
    record ChangePayoutStatus(String payoutKey, Payout.Status status, ActorRef<LedgerReplies.PayoutReply> replyTo)
            implements ContractCommand {
    }

    /**
     * The provider disputes a disbursed payout that a remittance paid short (see {@link PayoutStatusDecider#dispute}).
     * The same remittance again (same trace number and amount) is a no-op.
     *
     * @param remittedCents what the remittance paid for the payout
     * @param traceNumber   the remittance's trace number (835 TRN02)
     */
    record DisputePayout(String payoutKey, long remittedCents, String reason, String traceNumber,
                         ActorRef<LedgerReplies.PayoutReply> replyTo, String requestId) implements ContractCommand {
    }

    record ListPayouts(ActorRef<LedgerReplies.PayoutsReply> replyTo) implements ContractCommand {
    }

    record ListStatements(ActorRef<LedgerReplies.StatementsReply> replyTo) implements ContractCommand {
    }
}
