package org.vbcsettle.api;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.Statement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in ledger held in maps, only for failures the real ledger cannot be made to show on demand (a
 * ledger that never answers: {@link RequestTimeoutTest}). Every other API test runs on the real ledger.
 */
class InMemoryLedger implements LedgerGateway {

    final Map<String, Contract> contracts = new ConcurrentHashMap<>();
    final Map<String, Set<String>> ids = new ConcurrentHashMap<>();
    final Map<String, List<Statement>> statements = new ConcurrentHashMap<>();
    final List<PayoutView> payouts = new ArrayList<>();
    final Map<String, List<Claim>> claims = new ConcurrentHashMap<>();

    private static <T> CompletionStage<T> done(T t) {
        return CompletableFuture.completedFuture(t);
    }

    private static <T> CompletionStage<T> fail(Problem p) {
        return CompletableFuture.failedFuture(p.failure());
    }

    @Override
    public CompletionStage<Contract> registerContract(Contract c) {
        Contract prior = contracts.putIfAbsent(c.id(), c);
        if (prior != null && !prior.equals(c)) {
            return fail(Problem.conflict("contract " + c.id() + " exists with other terms"));
        }
        return done(c);
    }

    @Override
    public CompletionStage<Contract> amendContract(Contract c) {
        if (!contracts.containsKey(c.id())) {
            return fail(ContractDirectory.unknown(c.id()));
        }
        contracts.put(c.id(), c);
        return done(c);
    }

    @Override
    public CompletionStage<Optional<Contract>> contract(String id) {
        return done(Optional.ofNullable(contracts.get(id)));
    }

    @Override
    public CompletionStage<List<Contract>> contracts() {
        return done(List.copyOf(contracts.values()));
    }

    private BatchResult batch(String contractId, List<String> recordIds) {
        Set<String> seen = ids.computeIfAbsent(contractId, k -> new HashSet<>());
        long accepted = 0;
        long dup = 0;
        synchronized (seen) {
            for (String id : recordIds) {
                if (seen.add(id)) {
                    accepted++;
                } else {
                    dup++;
                }
            }
        }
        return new BatchResult(accepted, dup, 0, List.of());
    }

    @Override
    public CompletionStage<BatchResult> attribute(String contractId, List<Attribution> records) {
        return done(batch(contractId, records.stream().map(a -> "a:" + a.id()).toList()));
    }

    @Override
    public CompletionStage<BatchResult> recordClaims(String contractId, List<Claim> cs) {
        claims.computeIfAbsent(contractId, k -> new ArrayList<>()).addAll(cs);
        return done(batch(contractId, cs.stream().map(c -> "c:" + c.id()).toList()));
    }

    @Override
    public CompletionStage<BatchResult> recordQualityEvents(String contractId, List<QualityEvent> events) {
        return done(batch(contractId, events.stream().map(e -> "q:" + e.id()).toList()));
    }

    @Override
    public CompletionStage<Object> totals(String contractId, String periodId) {
        return done(Map.of("contractId", contractId, "claimCount", claims.getOrDefault(contractId, List.of()).size()));
    }

    @Override
    public CompletionStage<SettlementRun> settle(String contractId, Period period, Statement.Kind kind, LocalDate asOf,
                                                     ReportedFacts reported) {
        Contract c = contracts.get(contractId);
        Statement s = new Statement(contractId, c.versionOrDefault(), period.id(), period.start(), period.end(), kind, 0,
                List.of(), Money.ZERO);
        statements.computeIfAbsent(contractId, k -> new ArrayList<>()).add(s);
        return done(new SettlementRun(s, null, List.of(), false, List.of()));
    }

    final Map<String, ReportedFacts> facts = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<ReportedFactsView> reportFacts(String contractId, String periodId, ReportedFacts f) {
        facts.put(contractId + "|" + periodId, f);
        return done(new ReportedFactsView(contractId, periodId, f, facts.size()));
    }

    @Override
    public CompletionStage<ReportedFactsView> reportedFacts(String contractId, String periodId) {
        ReportedFacts f = facts.get(contractId + "|" + periodId);
        return done(new ReportedFactsView(contractId, periodId, f == null ? ReportedFacts.NONE : f, f == null ? 0 : 1));
    }

    @Override
    public CompletionStage<List<Statement>> statements(String contractId) {
        return done(statements.getOrDefault(contractId, List.of()));
    }

    @Override
    public CompletionStage<List<PayoutView>> payouts(String contractId, String status) {
        return done(payouts.stream().filter(p -> contractId == null || p.contractId().equals(contractId))
                .filter(p -> status == null || p.status().equals(status)).toList());
    }

    @Override
    public CompletionStage<PayoutView> changePayoutStatus(String contractId, String key, String status) {
        for (int i = 0; i < payouts.size(); i++) {
            PayoutView p = payouts.get(i);
            if (p.key().equals(key) && p.contractId().equals(contractId)) {
                PayoutView moved = p.withStatus(status);
                payouts.set(i, moved);
                return done(moved);
            }
        }
        return fail(Problem.notFound("no payout '" + key + "' on contract '" + contractId + "'"));
    }

    /** The ledger's rules in short (PayoutStatusDecider#dispute): disbursed, positive, short; one per payout. */
    @Override
    public CompletionStage<PayoutView> disputePayout(String contractId, String key, long remittedCents, String reason,
                                                     String traceNumber, String requestId) {
        for (int i = 0; i < payouts.size(); i++) {
            PayoutView p = payouts.get(i);
            if (p.key().equals(key) && p.contractId().equals(contractId)) {
                if (p.dispute() != null) {
                    return p.dispute().traceNumber().equals(traceNumber) && p.dispute().remittedCents() == remittedCents ? done(p)
                            : fail(Problem.of(409, "conflict", "Conflict", "payout " + key + " is already disputed"));
                }
                if (!p.status().equals("disbursed")) {
                    return fail(Problem.of(409, "conflict", "Conflict", "payout " + key + " is " + p.status() + "; only a disbursed payout can be disputed"));
                }
                if (p.amountCents() <= 0 || remittedCents < 0 || remittedCents >= p.amountCents()) {
                    return fail(Problem.invalid("payout " + key + " is not short", List.of()));
                }
                disputes++;
                PayoutView d = new PayoutView(p.key(), p.contractId(), p.trigger(), p.periodId(), p.amountCents(), p.reason(), p.status(),
                        new PayoutView.Dispute(remittedCents, p.amountCents() - remittedCents, reason, traceNumber));
                payouts.set(i, d);
                return done(d);
            }
        }
        return fail(Problem.notFound("no payout '" + key + "' on contract '" + contractId + "'"));
    }

    /** Disputes opened (not counting repeats). */
    int disputes;

    @Override
    public CompletionStage<Boolean> ready() {
        return done(true);
    }
}
