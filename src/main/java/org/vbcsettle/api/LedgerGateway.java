package org.vbcsettle.api;

import akka.http.javadsl.model.HttpEntity;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.Statement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What the HTTP API needs from the contract ledger: the narrow view the routes are written against. An
 * adapter over the ledger's client implements it. A refusal by the ledger (unknown contract, settled
 * period, …) completes the stage exceptionally with a {@link Problem.Failure} naming the status.
 */
public interface LedgerGateway {

    /** Registers a new contract (version 1); a conflict if the id exists with other terms. */
    CompletionStage<Contract> registerContract(Contract contract);

    /** Replaces the terms of an existing contract with a new version. */
    CompletionStage<Contract> amendContract(Contract contract);

    CompletionStage<Optional<Contract>> contract(String contractId);

    /** Every registered contract (the routes filter by caller). */
    CompletionStage<List<Contract>> contracts();

    CompletionStage<BatchResult> attribute(String contractId, List<Attribution> records);

    CompletionStage<BatchResult> recordClaims(String contractId, List<Claim> claims);

    CompletionStage<BatchResult> recordQualityEvents(String contractId, List<QualityEvent> events);

    /** As {@link #attribute(String, List)}, the batch's event stamped with the HTTP request id (null: none). */
    default CompletionStage<BatchResult> attribute(String contractId, List<Attribution> records, String requestId) {
        return attribute(contractId, records);
    }

    default CompletionStage<BatchResult> recordClaims(String contractId, List<Claim> claims, String requestId) {
        return recordClaims(contractId, claims);
    }

    default CompletionStage<BatchResult> recordQualityEvents(String contractId, List<QualityEvent> events, String requestId) {
        return recordQualityEvents(contractId, events);
    }

    /** Running totals of the contract for a period (null: the performance period): any JSON-serialisable value. */
    CompletionStage<Object> totals(String contractId, String periodId);

    /**
     * {@link #totals} as the JSON body of the response, serialized once: a gateway may answer from a body it
     * prepared before, as long as a read on this node after a write's reply reflects that write.
     */
    default CompletionStage<HttpEntity.Strict> totalsBody(String contractId, String periodId) {
        return totals(contractId, periodId).thenApply(ApiJson::entity);
    }

    /**
     * Settles a period; idempotent per (period, kind).
     *
     * @param asOf     the settlement date (decides claims run-out and whether the period is over)
     * @param reported payer-reported facts, or {@link ReportedFacts#NONE}
     */
    CompletionStage<SettlementRun> settle(String contractId, Period period, Statement.Kind kind, LocalDate asOf,
                                              ReportedFacts reported);

    /** As {@link #settle(String, Period, Statement.Kind, LocalDate, ReportedFacts)}, the statement's event stamped with the request id. */
    default CompletionStage<SettlementRun> settle(String contractId, Period period, Statement.Kind kind, LocalDate asOf,
                                                  ReportedFacts reported, String requestId) {
        return settle(contractId, period, kind, asOf, reported);
    }

    /**
     * Records the payer-reported facts of a period (the performance period or one of its quarters); they
     * replace the facts reported for it before. The same facts again change nothing.
     */
    CompletionStage<ReportedFactsView> reportFacts(String contractId, String periodId, ReportedFacts facts);

    /** The facts recorded for a period (none: every field null, sequence 0). */
    CompletionStage<ReportedFactsView> reportedFacts(String contractId, String periodId);

    CompletionStage<List<Statement>> statements(String contractId);

    /** Payouts of one contract (or of all when contractId is null), optionally only those with a status. */
    CompletionStage<List<PayoutView>> payouts(String contractId, String status);

    /** Moves a payout to the next status (approved, disbursed, acknowledged); repeating is a no-op. */
    CompletionStage<PayoutView> changePayoutStatus(String contractId, String payoutKey, String status);

    /**
     * Opens the provider's dispute of a disbursed payout that a remittance paid short (refused when it is not
     * disbursed or not short); the same remittance again (trace number and amount) is a no-op.
     */
    CompletionStage<PayoutView> disputePayout(String contractId, String payoutKey, long remittedCents, String reason,
                                              String traceNumber, String requestId);

    /** True once this node's cluster member is Up and the database answers. */
    CompletionStage<Boolean> ready();
}
