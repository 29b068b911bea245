package org.vbcsettle.ledger;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.Statement;

import java.util.List;

/**
 * What happened to a contract's ledger. Events hold only what is new: a batch event carries the
 * accepted records of that batch (never the whole state), so the journal grows with the input.
 *
 * <p>Batch and statement events carry the {@code requestId} of the HTTP request that caused them (null when
 * none did: the CLI, a replay, or an event written before the field existed, which CBOR reads as null), so an
 * event can be traced back to the request and its log lines.
 */
public sealed interface ContractEvent extends CborSerializable {

    /** The same event stamped with the request that caused it; events that carry no request id return themselves. */
    default ContractEvent withRequestId(String requestId) {
        return this;
    }

    /** Tag of the events the payout read side consumes; other events are not tagged (cheaper writes). */
    String PAYOUT_TAG = "payout";

    record ContractRegistered(Contract contract) implements ContractEvent {
    }

    record ContractAmended(Contract contract) implements ContractEvent {
    }

    record MembersAttributed(List<Attribution> attributions, String requestId) implements ContractEvent {
        public MembersAttributed {
            attributions = List.copyOf(attributions);
        }

        public MembersAttributed(List<Attribution> attributions) {
            this(attributions, null);
        }

        @Override
        public ContractEvent withRequestId(String id) {
            return new MembersAttributed(attributions, id);
        }
    }

    record ClaimsRecorded(List<LedgerClaim> claims, String requestId) implements ContractEvent {
        public ClaimsRecorded {
            claims = List.copyOf(claims);
        }

        public ClaimsRecorded(List<LedgerClaim> claims) {
            this(claims, null);
        }

        @Override
        public ContractEvent withRequestId(String id) {
            return new ClaimsRecorded(claims, id);
        }
    }

    record QualityEventsRecorded(List<QualityEvent> events, String requestId) implements ContractEvent {
        public QualityEventsRecorded {
            events = List.copyOf(events);
        }

        public QualityEventsRecorded(List<QualityEvent> events) {
            this(events, null);
        }

        @Override
        public ContractEvent withRequestId(String id) {
            return new QualityEventsRecorded(events, id);
        }
    }

    /** An interim or final statement; idempotent per (period, kind). */
    record StatementIssued(Statement statement, String performanceYear, String requestId) implements ContractEvent {
        public StatementIssued(Statement statement, String performanceYear) {
            this(statement, performanceYear, null);
        }

        @Override
        public ContractEvent withRequestId(String id) {
            return new StatementIssued(statement, performanceYear, id);
        }
    }

    /** The payer-reported facts of a period; a later event for the same period replaces the earlier one. */
    record FactsReported(String periodId, ReportedFacts facts) implements ContractEvent {
    }

    record PayoutTriggered(Payout payout) implements ContractEvent {
    }

    record PayoutStatusChanged(String key, Payout.Status status) implements ContractEvent {
    }

    /**
     * The provider disputes a disbursed payout that its payer's 835 remitted short; at most one per payout.
     *
     * @param shortCents payout amount − remittedCents (positive)
     */
    record PayoutDisputed(String key, long remittedCents, long shortCents, String reason, String traceNumber, String requestId)
            implements ContractEvent {
        @Override
        public ContractEvent withRequestId(String id) {
            return new PayoutDisputed(key, remittedCents, shortCents, reason, traceNumber, id);
        }

        Payout.Dispute dispute() {
            return new Payout.Dispute(remittedCents, shortCents, reason, traceNumber);
        }
    }
}
