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
 */
public sealed interface ContractEvent extends CborSerializable {

    /** Tag of the events the payout read side consumes; other events are not tagged (cheaper writes). */
    String PAYOUT_TAG = "payout";

    record ContractRegistered(Contract contract) implements ContractEvent {
    }

    record ContractAmended(Contract contract) implements ContractEvent {
    }

    record MembersAttributed(List<Attribution> attributions) implements ContractEvent {
        public MembersAttributed {
            attributions = List.copyOf(attributions);
        }
    }

    record ClaimsRecorded(List<LedgerClaim> claims) implements ContractEvent {
        public ClaimsRecorded {
            claims = List.copyOf(claims);
        }
    }

    record QualityEventsRecorded(List<QualityEvent> events) implements ContractEvent {
        public QualityEventsRecorded {
            events = List.copyOf(events);
        }
    }

    /** An interim or final statement; idempotent per (period, kind). */
    record StatementIssued(Statement statement, String performanceYear) implements ContractEvent {
    }

    /** The payer-reported facts of a period; a later event for the same period replaces the earlier one. */
    record FactsReported(String periodId, ReportedFacts facts) implements ContractEvent {
    }

    record PayoutTriggered(Payout payout) implements ContractEvent {
    }

    record PayoutStatusChanged(String key, Payout.Status status) implements ContractEvent {
    }
}
