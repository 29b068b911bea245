package org.vbcsettle.ledger;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.Statement;

import java.util.List;

/**
 * The persisted form of a {@link ContractState}: the records in arrival order, nothing derived. Running
 * totals are rebuilt from them on recovery, so a snapshot can never disagree with its own totals.
 */
public record ContractSnapshot(String contractId, long sequence, List<Contract> versions, List<LedgerClaim> claims,
                               List<Attribution> attributions, List<QualityEvent> qualityEvents,
                               List<StatementEntry> statements, List<Payout> payouts,
                               List<FactsEntry> reportedFacts) implements CborSerializable {

    public ContractSnapshot {
        versions = List.copyOf(versions);
        claims = List.copyOf(claims);
        attributions = List.copyOf(attributions);
        qualityEvents = List.copyOf(qualityEvents);
        statements = List.copyOf(statements);
        payouts = List.copyOf(payouts);
        // snapshots taken before facts were recorded in the ledger have none
        reportedFacts = reportedFacts == null ? List.of() : List.copyOf(reportedFacts);
    }

    /** @param sequence the event sequence number of the report */
    public record FactsEntry(String periodId, ReportedFacts facts, long sequence) {
    }

    public record StatementEntry(Statement statement, String performanceYear) {
    }
}
