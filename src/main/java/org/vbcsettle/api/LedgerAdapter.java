package org.vbcsettle.api;

import akka.http.javadsl.model.HttpEntity;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.ledger.LedgerClient;
import org.vbcsettle.ledger.LedgerRejection;
import org.vbcsettle.ledger.LocalLedgers;
import org.vbcsettle.ledger.LedgerReplies;
import org.vbcsettle.ledger.Payout;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.Statement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The ledger behind the HTTP API: {@link LedgerGateway} over the ledger's {@link LedgerClient}. Maps the
 * ledger's refusals to problems (unknown contract 404, version and state conflicts 409, the rest 422) and
 * its records to the API's views.
 */
public final class LedgerAdapter implements LedgerGateway {

    private final LedgerClient client;

    public LedgerAdapter(LedgerClient client) {
        this.client = client;
    }

    private static <T> CompletionStage<T> mapped(CompletionStage<T> stage) {
        return stage.exceptionally(t -> {
            throw new CompletionException(translate(t));
        });
    }

    /** The ledger's reason code decides the status: unknown 404, conflicting or out of order 409, the rest 422. */
    static Throwable translate(Throwable thrown) {
        Throwable t = ErrorHandling.unwrap(thrown);
        if (t instanceof LedgerRejection r) {
            String m = r.getMessage();
            switch (r.reason()) {
                case UNKNOWN_CONTRACT:
                case UNKNOWN_PAYOUT:
                    return Problem.notFound(m).failure();
                case CONFLICT:
                case FORBIDDEN_TRANSITION:
                    return Problem.conflict(m).failure();
                case INVALID:
                default:
                    return new Problem(Problem.TYPE_BASE + "ledger-refused", "Refused by the ledger", 422, m, null, List.of()).failure();
            }
        }
        return t;
    }

    @Override
    public CompletionStage<Contract> registerContract(Contract contract) {
        return mapped(client.registerContract(contract));
    }

    @Override
    public CompletionStage<Contract> amendContract(Contract contract) {
        return mapped(client.amendContract(contract));
    }

    @Override
    public CompletionStage<Optional<Contract>> contract(String contractId) {
        return client.getContract(contractId).thenApply(Optional::ofNullable).exceptionally(t -> {
            Throwable c = ErrorHandling.unwrap(t);
            if (c instanceof LedgerRejection r && r.isUnknownContract()) {
                return Optional.empty();
            }
            throw new CompletionException(translate(c));
        });
    }

    /** Every registered contract (the ledger reads the ids from the journal and asks each entity). */
    @Override
    public CompletionStage<List<Contract>> contracts() {
        return mapped(client.contracts());
    }

    private static BatchResult batch(String kind, LedgerReplies.BatchResult r) {
        List<RecordError> errors = new ArrayList<>();
        for (org.vbcsettle.ledger.RecordError e : r.errors()) {
            errors.add(new RecordError(kind + " (id " + e.recordId() + ")", e.field(), e.message()));
        }
        return new BatchResult(r.accepted(), r.duplicate(), r.rejected(), errors,
                r.payouts().stream().map(LedgerAdapter::view).toList(), r.notes());
    }

    @Override
    public CompletionStage<BatchResult> attribute(String contractId, List<Attribution> records) {
        return attribute(contractId, records, null);
    }

    @Override
    public CompletionStage<BatchResult> attribute(String contractId, List<Attribution> records, String requestId) {
        return mapped(client.attributeMembers(contractId, records, requestId).thenApply(r -> batch("attribution", r)));
    }

    @Override
    public CompletionStage<BatchResult> recordClaims(String contractId, List<Claim> claims) {
        return recordClaims(contractId, claims, null);
    }

    @Override
    public CompletionStage<BatchResult> recordClaims(String contractId, List<Claim> claims, String requestId) {
        return mapped(client.recordClaims(contractId, claims, requestId).thenApply(r -> batch("claim", r)));
    }

    @Override
    public CompletionStage<BatchResult> recordQualityEvents(String contractId, List<QualityEvent> events) {
        return recordQualityEvents(contractId, events, null);
    }

    @Override
    public CompletionStage<BatchResult> recordQualityEvents(String contractId, List<QualityEvent> events, String requestId) {
        return mapped(client.recordQualityEvents(contractId, events, requestId).thenApply(r -> batch("quality event", r)));
    }

    @Override
    public CompletionStage<Object> totals(String contractId, String periodId) {
        return mapped(client.totals(contractId, periodId).thenApply(Function.identity()));
    }

    /**
     * From the body kept in the contract's {@link LocalLedgers.Slot} when its entity runs on this node and
     * nothing was persisted since the body was made; else the entity is asked and the body kept for the next
     * reader. No reader waits in the entity's mailbox for figures it computed before, and (see
     * {@link LocalLedgers}) a read after a write's reply on this node reflects the write.
     */
    @Override
    public CompletionStage<HttpEntity.Strict> totalsBody(String contractId, String periodId) {
        String key = periodId == null ? "totals" : "totals?period=" + periodId;
        LocalLedgers.Slot slot = client.local().slot(contractId);
        if (slot != null && slot.view(key) instanceof HttpEntity.Strict body) {
            return CompletableFuture.completedFuture(body);
        }
        return mapped(client.totals(contractId, periodId)).thenApply(t -> {
            HttpEntity.Strict body = ApiJson.entity(t);
            LocalLedgers.Slot now = client.local().slot(contractId);
            if (now != null) {
                now.keep(key, t.asOfSequence(), body);
            }
            return body;
        });
    }

    @Override
    public CompletionStage<SettlementRun> settle(String contractId, Period period, Statement.Kind kind, LocalDate asOf,
                                                     ReportedFacts reported) {
        return settle(contractId, period, kind, asOf, reported, null);
    }

    @Override
    public CompletionStage<SettlementRun> settle(String contractId, Period period, Statement.Kind kind, LocalDate asOf,
                                                 ReportedFacts reported, String requestId) {
        return mapped(client.settle(contractId, period.id(), kind, asOf, reported, requestId).thenApply(r ->
                new SettlementRun(r.statement(), r.payout() == null ? null : view(r.payout()),
                        r.triggerPayouts().stream().map(LedgerAdapter::view).toList(), r.repeated(), r.notes())));
    }

    @Override
    public CompletionStage<ReportedFactsView> reportFacts(String contractId, String periodId, ReportedFacts facts) {
        return mapped(client.reportFacts(contractId, periodId, facts).thenApply(r ->
                new ReportedFactsView(contractId, r.periodId(), r.facts(), r.sequence())));
    }

    @Override
    public CompletionStage<ReportedFactsView> reportedFacts(String contractId, String periodId) {
        return mapped(client.reportedFacts(contractId, periodId).thenApply(r ->
                new ReportedFactsView(contractId, r.periodId(), r.facts(), r.sequence())));
    }

    @Override
    public CompletionStage<List<Statement>> statements(String contractId) {
        return mapped(client.statements(contractId));
    }

    @Override
    public CompletionStage<List<PayoutView>> payouts(String contractId, String status) {
        Payout.Status s = status == null ? null : Payout.Status.parse(status);
        CompletionStage<List<Payout>> all = contractId == null ? client.payoutsByStatus(s) : client.payouts(contractId);
        return mapped(all.thenApply(list -> list.stream().filter(p -> s == null || p.status() == s).map(LedgerAdapter::view).toList()));
    }

    @Override
    public CompletionStage<PayoutView> changePayoutStatus(String contractId, String payoutKey, String status) {
        return mapped(client.changePayoutStatus(contractId, payoutKey, Payout.Status.parse(status)).thenApply(LedgerAdapter::view));
    }

    /** The cluster member is Up and the database answers. */
    @Override
    public CompletionStage<Boolean> ready() {
        return client.ready().exceptionally(t -> false);
    }

    @Override
    public CompletionStage<PayoutView> disputePayout(String contractId, String payoutKey, long remittedCents, String reason,
                                                     String traceNumber, String requestId) {
        return mapped(client.disputePayout(contractId, payoutKey, remittedCents, reason, traceNumber, requestId).thenApply(LedgerAdapter::view));
    }

    static PayoutView view(Payout p) {
        Payout.Dispute d = p.dispute();
        return new PayoutView(p.key(), p.contractId(), p.trigger(), p.periodId(), p.amount().cents(), p.reason(),
                p.status().name().toLowerCase(Locale.ROOT),
                d == null ? null : new PayoutView.Dispute(d.remittedCents(), d.shortCents(), d.reason(), d.traceNumber()));
    }
}
