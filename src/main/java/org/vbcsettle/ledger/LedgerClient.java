package org.vbcsettle.ledger;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.japi.function.Function;
import akka.persistence.jdbc.query.javadsl.JdbcReadJournal;
import akka.persistence.query.PersistenceQuery;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.Statement;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The typed façade of the ledger for the HTTP API and the CLI: one method per command, each asking the
 * contract's sharded entity. A refusal completes the stage exceptionally with {@link LedgerRejection}
 * (its message names the record and the reason); batches complete normally with per-record errors in
 * their {@link LedgerReplies.BatchResult}.
 */
public final class LedgerClient {

    private final ActorSystem<?> system;
    private final ClusterSharding sharding;
    private final Duration askTimeout;
    private final PayoutReadSide payoutReadSide;
    private final LocalLedgers local;

    public LedgerClient(ActorSystem<?> system, Duration askTimeout, PayoutReadSide payoutReadSide) {
        this(system, askTimeout, payoutReadSide, new LocalLedgers());
    }

    /** @param local the entities of this node and their sequence numbers (the ones {@link ContractEntity#init} was given) */
    public LedgerClient(ActorSystem<?> system, Duration askTimeout, PayoutReadSide payoutReadSide, LocalLedgers local) {
        this.system = system;
        this.sharding = ClusterSharding.get(system);
        this.askTimeout = askTimeout;
        this.payoutReadSide = payoutReadSide;
        this.local = local;
    }

    /** The contract entities running on this node, where readers keep views of them (see {@link LocalLedgers}). */
    public LocalLedgers local() {
        return local;
    }

    // ---------------------------------------------------------------- contract terms

    public CompletionStage<Contract> registerContract(Contract contract) {
        if (contract == null) {
            return CompletableFuture.failedFuture(new LedgerRejection(null, LedgerRejection.Reason.INVALID, "contract terms are required"));
        }
        return ask(contract.id(), (ActorRef<LedgerReplies.ContractReply> r) -> new ContractCommand.RegisterContract(contract, r))
                .thenApply(r -> ok(contract.id(), r).contract());
    }

    public CompletionStage<Contract> amendContract(Contract contract) {
        if (contract == null) {
            return CompletableFuture.failedFuture(new LedgerRejection(null, LedgerRejection.Reason.INVALID, "contract terms are required"));
        }
        return ask(contract.id(), (ActorRef<LedgerReplies.ContractReply> r) -> new ContractCommand.AmendContract(contract, r))
                .thenApply(r -> ok(contract.id(), r).contract());
    }

    public CompletionStage<Contract> getContract(String contractId) {
        return ask(contractId, ContractCommand.GetContract::new).thenApply(r -> ok(contractId, r).contract());
    }

    /** Ids of every registered contract (a ledger's journal starts with its registration), sorted. */
    public CompletionStage<List<String>> contractIds() {
        JdbcReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        String prefix = ContractEntity.TYPE_KEY.name() + "|";
        return journal.currentPersistenceIds()
                .filter(id -> id.startsWith(prefix))
                .map(id -> id.substring(prefix.length()))
                .runWith(Sink.seq(), system)
                .thenApply(ids -> ids.stream().sorted().toList());
    }

    /** The current terms of every registered contract (asks each ledger; 8 at a time). */
    public CompletionStage<List<Contract>> contracts() {
        return contractIds().thenCompose(ids -> Source.from(ids)
                .mapAsync(8, this::getContract)
                .runWith(Sink.seq(), system));
    }

    /** True once this node's cluster member is Up and the database answers (readiness probe). */
    public CompletionStage<Boolean> ready() {
        if (Cluster.get(system).selfMember().status() != MemberStatus.up()) {
            return CompletableFuture.completedFuture(false);
        }
        return CompletableFuture.supplyAsync(() -> payoutReadSide.databaseAnswers(2),
                system.dispatchers().lookup(DispatcherSelector.blocking()));
    }

    // ---------------------------------------------------------------- batches

    public CompletionStage<LedgerReplies.BatchResult> recordClaims(String contractId, List<Claim> claims) {
        return recordClaims(contractId, claims, null);
    }

    /** @param requestId the HTTP request sending the batch (see {@link RequestIds}), stamped on its event; null: none */
    public CompletionStage<LedgerReplies.BatchResult> recordClaims(String contractId, List<Claim> claims, String requestId) {
        String rid = RequestIds.orNull(requestId);
        return ask(contractId, (ActorRef<LedgerReplies.BatchResult> r) -> new ContractCommand.RecordClaims(claims, r, rid))
                .thenApply(r -> ok(contractId, r));
    }

    public CompletionStage<LedgerReplies.BatchResult> attributeMembers(String contractId, List<Attribution> attributions) {
        return attributeMembers(contractId, attributions, null);
    }

    public CompletionStage<LedgerReplies.BatchResult> attributeMembers(String contractId, List<Attribution> attributions,
                                                                       String requestId) {
        String rid = RequestIds.orNull(requestId);
        return ask(contractId, (ActorRef<LedgerReplies.BatchResult> r) -> new ContractCommand.AttributeMembers(attributions, r, rid))
                .thenApply(r -> ok(contractId, r));
    }

    public CompletionStage<LedgerReplies.BatchResult> recordQualityEvents(String contractId, List<QualityEvent> events) {
        return recordQualityEvents(contractId, events, null);
    }

    public CompletionStage<LedgerReplies.BatchResult> recordQualityEvents(String contractId, List<QualityEvent> events,
                                                                          String requestId) {
        String rid = RequestIds.orNull(requestId);
        return ask(contractId, (ActorRef<LedgerReplies.BatchResult> r) -> new ContractCommand.RecordQualityEvents(events, r, rid))
                .thenApply(r -> ok(contractId, r));
    }

    // ---------------------------------------------------------------- totals and settlement

    /** @param periodId {@code 2024}, {@code 2024-Q2}, {@code 2024-07}; null: the performance period */
    public CompletionStage<RunningTotals> totals(String contractId, String periodId) {
        return ask(contractId, (ActorRef<LedgerReplies.TotalsReply> r) -> new ContractCommand.GetTotals(periodId, r))
                .thenApply(r -> ok(contractId, r).totals());
    }

    /** Interim (quarter) or final (performance period) settlement; repeating it returns the same statement. */
    public CompletionStage<LedgerReplies.SettlementReply> settle(String contractId, String periodId, Statement.Kind kind,
                                                                 LocalDate asOf, ReportedFacts reported) {
        return settle(contractId, periodId, kind, asOf, reported, null);
    }

    /** @param requestId the HTTP request asking for the settlement, stamped on the statement's event; null: none */
    public CompletionStage<LedgerReplies.SettlementReply> settle(String contractId, String periodId, Statement.Kind kind,
                                                                 LocalDate asOf, ReportedFacts reported, String requestId) {
        LocalDate date = asOf == null ? LocalDate.now() : asOf;
        String rid = RequestIds.orNull(requestId);
        return ask(contractId, (ActorRef<LedgerReplies.SettlementReply> r) -> new ContractCommand.Settle(periodId, kind, date, reported, r, rid))
                .thenApply(r -> ok(contractId, r));
    }

    public CompletionStage<LedgerReplies.SettlementReply> settleInterim(String contractId, String quarterId, LocalDate asOf) {
        return settle(contractId, quarterId, Statement.Kind.INTERIM, asOf, null);
    }

    public CompletionStage<LedgerReplies.SettlementReply> settleFinal(String contractId, String periodId, LocalDate asOf,
                                                                      ReportedFacts reported) {
        return settle(contractId, periodId, Statement.Kind.FINAL, asOf, reported);
    }

    /**
     * Records the payer-reported facts of a period ({@code 2024} or {@code 2024-Q2}; null: the performance
     * period); they replace earlier facts of that period. Same facts again: no new event ({@code changed} false).
     */
    public CompletionStage<LedgerReplies.FactsReply> reportFacts(String contractId, String periodId, ReportedFacts facts) {
        return ask(contractId, (ActorRef<LedgerReplies.FactsReply> r) -> new ContractCommand.ReportFacts(periodId, facts, r))
                .thenApply(r -> ok(contractId, r));
    }

    /** The facts recorded for a period (null: the performance period); none: {@link ReportedFacts#NONE}. */
    public CompletionStage<LedgerReplies.FactsReply> reportedFacts(String contractId, String periodId) {
        return ask(contractId, (ActorRef<LedgerReplies.FactsReply> r) -> new ContractCommand.GetReportedFacts(periodId, r))
                .thenApply(r -> ok(contractId, r));
    }

    public CompletionStage<List<Statement>> statements(String contractId) {
        return ask(contractId, ContractCommand.ListStatements::new).thenApply(r -> ok(contractId, r).statements());
    }

    // ---------------------------------------------------------------- payouts

    /** Every payout of the contract, straight from its ledger (always current). */
    public CompletionStage<List<Payout>> payouts(String contractId) {
        return ask(contractId, ContractCommand.ListPayouts::new).thenApply(r -> ok(contractId, r).payouts());
    }

    public CompletionStage<Payout> changePayoutStatus(String contractId, String payoutKey, Payout.Status status) {
        return ask(contractId, (ActorRef<LedgerReplies.PayoutReply> r) -> new ContractCommand.ChangePayoutStatus(payoutKey, status, r))
                .thenApply(r -> ok(contractId, r).payout());
    }

    /** The provider disputes a disbursed payout that a remittance paid short; the same remittance again is a no-op. */
    public CompletionStage<Payout> disputePayout(String contractId, String payoutKey, long remittedCents, String reason,
                                                 String traceNumber, String requestId) {
        return ask(contractId, (ActorRef<LedgerReplies.PayoutReply> r) -> new ContractCommand.DisputePayout(payoutKey, remittedCents,
                reason, traceNumber, r, requestId)).thenApply(r -> ok(contractId, r).payout());
    }

    public CompletionStage<Payout> approvePayout(String contractId, String payoutKey) {
        return changePayoutStatus(contractId, payoutKey, Payout.Status.APPROVED);
    }

    public CompletionStage<Payout> markPayoutDisbursed(String contractId, String payoutKey) {
        return changePayoutStatus(contractId, payoutKey, Payout.Status.DISBURSED);
    }

    /** The payer acknowledges a payout once it is disbursed. */
    public CompletionStage<Payout> acknowledgePayout(String contractId, String payoutKey) {
        return changePayoutStatus(contractId, payoutKey, Payout.Status.ACKNOWLEDGED);
    }

    /**
     * Payouts of every contract by status, from the read side (the payer's disbursement run), e.g.
     * {@code APPROVED}; null: all. Lags the ledgers by the projection's polling interval (about a second).
     */
    public CompletionStage<List<Payout>> payoutsByStatus(Payout.Status status) {
        return payoutsByStatus(null, status);
    }

    /** As {@link #payoutsByStatus(Payout.Status)}, of one contract (null: all). */
    public CompletionStage<List<Payout>> payoutsByStatus(String contractId, Payout.Status status) {
        return CompletableFuture.supplyAsync(() -> payoutReadSide.find(contractId, status),
                system.dispatchers().lookup(DispatcherSelector.blocking()));
    }

    // ---------------------------------------------------------------- plumbing

    private <R extends LedgerReplies.Reply> CompletionStage<R> ask(String contractId, Function<ActorRef<R>, ContractCommand> command) {
        if (contractId == null || contractId.isBlank()) {
            return CompletableFuture.failedFuture(new LedgerRejection(contractId, LedgerRejection.Reason.INVALID, "contract id is required"));
        }
        EntityRef<ContractCommand> ref = sharding.entityRefFor(ContractEntity.TYPE_KEY, contractId);
        return ref.ask(command::apply, askTimeout);
    }

    private static <R extends LedgerReplies.Reply> R ok(String contractId, R reply) {
        if (reply.refusal() != null) {
            throw new LedgerRejection(contractId, reply.refusal());
        }
        return reply;
    }
}
