package org.vbcsettle.api.demo;

import org.vbcsettle.api.BatchResult;
import org.vbcsettle.api.LedgerGateway;
import org.vbcsettle.api.PayoutView;
import org.vbcsettle.api.SettlementOutcome;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.settlement.Statement;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Feeds a synthetic year ({@link DemoYear}) into the ledger for each contract in the order it would
 * arrive: where the contract pays interim settlements, each of the first three quarters' member-months and
 * the claims paid up to two months after the quarter, then that quarter's interim settlement as of that
 * date; then the rest of the year (claims paid in run-out, quality events). Running totals, statements
 * and payouts can all be seen at once; Q4 and the final settlement are left for the user to run. A contract
 * without interim settlements (reconciled once a year, as MSSP and BPCI Advanced are) gets its final
 * settlement after the run-out, with the facts its payer reports ({@link DemoFacts}); otherwise it would
 * show nothing, since the running totals cannot take reported facts.
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
        List<Fed> out = new ArrayList<>();
        for (Contract c : contracts) {
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
                    a = a.plus(inBatches(y.attribution().subList(attributionSent, aEnd), l -> ledger.attribute(c.id(), l)));
                    attributionSent = aEnd;
                    int cEnd = claimsSent;
                    while (cEnd < y.claims().size() && !y.claims().get(cEnd).paidDate().isAfter(asOf)) {
                        cEnd++;
                    }
                    cl = cl.plus(inBatches(y.claims().subList(claimsSent, cEnd), l -> ledger.recordClaims(c.id(), l)));
                    claimsSent = cEnd;
                    SettlementOutcome s = get(ledger.settle(c.id(), quarter, Statement.Kind.INTERIM, asOf,
                            org.vbcsettle.settlement.ReportedFacts.NONE));
                    statements.add(s.statement());
                    if (s.payout() != null) {
                        payouts.add(s.payout());
                    }
                    payouts.addAll(s.triggerPayouts());
                }
            }
            a = a.plus(inBatches(y.attribution().subList(attributionSent, y.attribution().size()), l -> ledger.attribute(c.id(), l)));
            cl = cl.plus(inBatches(y.claims().subList(claimsSent, y.claims().size()), l -> ledger.recordClaims(c.id(), l)));
            BatchResult q = inBatches(y.qualityEvents(), l -> ledger.recordQualityEvents(c.id(), l));
            payouts.addAll(a.payoutsTriggered());
            payouts.addAll(cl.payoutsTriggered());
            payouts.addAll(q.payoutsTriggered());
            // a contract reconciled once a year (MSSP, BPCI Advanced) shows nothing until then: settle it as
            // its payer would after the run-out, with the facts the payer reports (quality score, CQS)
            if (!Boolean.TRUE.equals(c.settlementOrDefault().interimSettlements())) {
                LocalDate asOf = c.performanceEnd().plusDays(1).plusMonths(c.settlementOrDefault().runOutMonthsOrDefault());
                SettlementOutcome s = get(ledger.settle(c.id(), c.performancePeriod(), Statement.Kind.FINAL, asOf, DemoFacts.of(c)));
                statements.add(s.statement());
                if (s.payout() != null) {
                    payouts.add(s.payout());
                }
                payouts.addAll(s.triggerPayouts());
            }
            log.printf("demo: %-40s %6d attribution (%d rejected), %7d claims (%d rejected), %6d quality events, %d statements, %d payouts%n",
                    c.id(), a.accepted() + a.duplicate(), a.rejected(), cl.accepted() + cl.duplicate(), cl.rejected(),
                    q.accepted() + q.duplicate(), statements.size(), payouts.size());
            out.add(new Fed(c, a.accepted() + a.duplicate(), cl.accepted() + cl.duplicate(), q.accepted() + q.duplicate(),
                    statements, payouts));
        }
        return out;
    }

    private static <T> BatchResult inBatches(List<T> records, Function<List<T>, CompletionStage<BatchResult>> send) throws Exception {
        BatchResult total = BatchResult.EMPTY;
        for (int i = 0; i < records.size(); i += BATCH) {
            total = total.plus(get(send.apply(List.copyOf(records.subList(i, Math.min(records.size(), i + BATCH))))));
        }
        return total;
    }

    private static <T> T get(CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(120, TimeUnit.SECONDS);
    }
}
