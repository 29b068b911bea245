package org.vbcsettle.api.demo;

import org.vbcsettle.api.BatchResult;
import org.vbcsettle.api.LedgerGateway;
import org.vbcsettle.api.PayoutView;
import org.vbcsettle.api.SettlementRun;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.Statement;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Feeds a synthetic year ({@link DemoYear}) into the ledger for each contract in the order it would
 * arrive: where the contract pays interim settlements, each of the first three quarters' member-months and
 * the claims paid up to two months after the quarter, then that quarter's interim settlement as of that
 * date; then the rest of the year (claims paid in run-out, quality events). Running totals, statements
 * and payouts can all be seen at once; Q4 and the final settlement are left for the user to run. Where the
 * contract takes figures from its payer (an MSSP quality score, a BPCI Advanced composite quality score,
 * participant revenue: {@link DemoFacts}), they are recorded first for the performance period, as the
 * payer would report them: the running totals' projection, benchmark advances and the final settlement the
 * user runs all use them (without them an MSSP contract would project $0 and a BPCI one nothing).
 * Feeding stops between batches once {@code stopping} says so (the actor system is shutting down).
 */
public final class DemoFeeder {

    static final int BATCH = 1000;

    private DemoFeeder() {
    }

    /** What was fed and settled per contract. */
    public record Fed(Contract contract, long memberMonths, long claims, long qualityEvents, List<Statement> statements,
                      List<PayoutView> payouts) {
    }

    public static List<Fed> feed(LedgerGateway ledger, List<Contract> contracts, int members, long seed, PrintStream log)
            throws Exception {
        return feed(ledger, contracts, members, seed, log, () -> false);
    }

    /**
     * As {@link #feed(LedgerGateway, List, int, long, PrintStream)}, checking {@code stopping} before every
     * command: once it is true (SIGTERM: coordinated shutdown has begun) nothing more is sent, so the shard
     * regions can stop at once instead of waiting out their hand-off timeout, and what was fed is returned.
     */
    public static List<Fed> feed(LedgerGateway ledger, List<Contract> contracts, int members, long seed, PrintStream log,
                                 BooleanSupplier stopping) throws Exception {
        List<Fed> out = new ArrayList<>();
        try {
            for (Contract c : contracts) {
                out.add(feedOne(ledger, c, members, seed, log, stopping));
            }
        } catch (Stopped s) {
            log.println("demo: shutting down; feeding stopped after " + out.size() + " of " + contracts.size() + " contract(s)");
        }
        return out;
    }

    /** Thrown between commands once the node is shutting down. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("shutting down", null, false, false);
        }
    }

    private static void check(BooleanSupplier stopping) {
        if (stopping.getAsBoolean()) {
            throw new Stopped();
        }
    }

    private static Fed feedOne(LedgerGateway ledger, Contract c, int members, long seed, PrintStream log, BooleanSupplier stopping)
            throws Exception {
        ReportedFacts facts = DemoFacts.of(c);
        if (!facts.isEmpty()) {
            check(stopping);
            get(ledger.reportFacts(c.id(), c.performancePeriod().id(), facts));
        }
        DemoYear y = DemoYear.generate(c, members, seed);
        List<Statement> statements = new ArrayList<>();
        List<PayoutView> payouts = new ArrayList<>();
        BatchResult a = BatchResult.EMPTY;
        BatchResult cl = BatchResult.EMPTY;
        int attributionSent = 0;
        int claimsSent = 0;
        // data arrives as it would: each quarter's member-months and the claims paid so far, then that
        // quarter's interim settlement two months after it (so it sees two months of claims run-out)
        if (Boolean.TRUE.equals(c.settlementOrDefault().interimSettlements())) {
            List<Period> quarters = c.performancePeriod().quarters();
            for (Period quarter : quarters.subList(0, Math.min(3, quarters.size()))) {
                LocalDate asOf = quarter.end().plusMonths(2);
                int aEnd = attributionSent;
                while (aEnd < y.attribution().size() && !y.attribution().get(aEnd).month().atDay(1).isAfter(quarter.end())) {
                    aEnd++;
                }
                a = a.plus(inBatches(y.attribution().subList(attributionSent, aEnd), l -> ledger.attribute(c.id(), l), stopping));
                attributionSent = aEnd;
                int cEnd = claimsSent;
                while (cEnd < y.claims().size() && !y.claims().get(cEnd).paidDate().isAfter(asOf)) {
                    cEnd++;
                }
                cl = cl.plus(inBatches(y.claims().subList(claimsSent, cEnd), l -> ledger.recordClaims(c.id(), l), stopping));
                claimsSent = cEnd;
                check(stopping);
                SettlementRun s = get(ledger.settle(c.id(), quarter, Statement.Kind.INTERIM, asOf, ReportedFacts.NONE));
                statements.add(s.statement());
                if (s.payout() != null) {
                    payouts.add(s.payout());
                }
                payouts.addAll(s.triggerPayouts());
            }
        }
        a = a.plus(inBatches(y.attribution().subList(attributionSent, y.attribution().size()), l -> ledger.attribute(c.id(), l), stopping));
        cl = cl.plus(inBatches(y.claims().subList(claimsSent, y.claims().size()), l -> ledger.recordClaims(c.id(), l), stopping));
        BatchResult q = inBatches(y.qualityEvents(), l -> ledger.recordQualityEvents(c.id(), l), stopping);
        payouts.addAll(a.payoutsTriggered());
        payouts.addAll(cl.payoutsTriggered());
        payouts.addAll(q.payoutsTriggered());
        log.printf("demo: %-40s %6d attribution (%d rejected), %7d claims (%d rejected), %6d quality events, %d statements, %d payouts%n",
                c.id(), a.accepted() + a.duplicate(), a.rejected(), cl.accepted() + cl.duplicate(), cl.rejected(),
                q.accepted() + q.duplicate(), statements.size(), payouts.size());
        return new Fed(c, a.accepted() + a.duplicate(), cl.accepted() + cl.duplicate(), q.accepted() + q.duplicate(),
                statements, payouts);
    }

    private static <T> BatchResult inBatches(List<T> records, Function<List<T>, CompletionStage<BatchResult>> send,
                                             BooleanSupplier stopping) throws Exception {
        BatchResult total = BatchResult.EMPTY;
        for (int i = 0; i < records.size(); i += BATCH) {
            check(stopping);
            total = total.plus(get(send.apply(List.copyOf(records.subList(i, Math.min(records.size(), i + BATCH))))));
        }
        return total;
    }

    private static <T> T get(CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(120, TimeUnit.SECONDS);
    }
}
