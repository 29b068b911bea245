package org.vbcsettle.settlement;

import org.vbcsettle.contract.Arrangement;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.bundled.BundledPaymentCalculator;
import org.vbcsettle.settlement.quality.QualityIncentiveCalculator;
import org.vbcsettle.settlement.quality.QualityIncentiveResult;
import org.vbcsettle.settlement.sharedsavings.SharedSavingsCalculator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settles a whole contract for a period: every arrangement, quality-incentive arrangements first because
 * shared savings and bundled payments may take their composite score as the quality score. The one
 * entry point used by the ledger actors, the CLI and the simulations, and the one dispatch over the
 * arrangement kinds. A refusal of any arrangement refuses the statement, with that arrangement's reason.
 */
public final class ContractSettlement {

    private ContractSettlement() {
    }

    public static SettlementOutcome<Statement> settle(Contract contract, SettlementInputs inputs) {
        return settle(contract, inputs, Statement.Kind.FINAL, 0L);
    }

    public static SettlementOutcome<Statement> settle(Contract contract, SettlementInputs inputs, Statement.Kind kind, long sequence) {
        SettlementOutcome<SettlementContext> context = SettlementOutcome.attempt(() -> SettlementContext.of(contract, inputs));
        if (!(context instanceof SettlementOutcome.Settled<SettlementContext> settledContext)) {
            return SettlementOutcome.refused(((SettlementOutcome.Refused<SettlementContext>) context).reason());
        }
        SettlementContext ctx = settledContext.value();
        Map<String, ArrangementResult> byId = new HashMap<>();
        Map<String, BigDecimal> composites = new HashMap<>();
        for (Arrangement a : contract.arrangements()) {
            if (a instanceof QualityIncentive qi) {
                SettlementOutcome<ArrangementResult> r = QualityIncentiveCalculator.settle(qi, ctx);
                if (r instanceof SettlementOutcome.Refused<ArrangementResult> refused) {
                    return SettlementOutcome.refused(refused.reason());
                }
                ArrangementResult settled = r.orElseThrow();
                byId.put(a.id(), settled);
                composites.put(a.id(), settled.figuresAs(QualityIncentiveResult.class).composite());
            }
        }
        List<ArrangementResult> ordered = new ArrayList<>();
        Money total = Money.ZERO;
        for (Arrangement a : contract.arrangements()) {
            SettlementOutcome<ArrangementResult> r = byId.containsKey(a.id())
                    ? SettlementOutcome.settled(byId.get(a.id()))
                    : settleOne(a, ctx, composites);
            if (r instanceof SettlementOutcome.Refused<ArrangementResult> refused) {
                return SettlementOutcome.refused(refused.reason());
            }
            ArrangementResult settled = r.orElseThrow();
            ordered.add(settled);
            total = total.plus(settled.amount());
        }
        return SettlementOutcome.settled(new Statement(contract.id(), contract.versionOrDefault(), inputs.period().id(),
                inputs.period().start(), inputs.period().end(), kind, sequence, ordered, total));
    }

    /** The dispatch over the sealed {@link Arrangement}: each kind to its own calculator. */
    private static SettlementOutcome<ArrangementResult> settleOne(Arrangement a, SettlementContext ctx,
                                                                  Map<String, BigDecimal> composites) {
        if (a instanceof SharedSavings ss) {
            return SharedSavingsCalculator.settle(ss, ctx, composites);
        }
        if (a instanceof BundledPayment bp) {
            return BundledPaymentCalculator.settle(bp, ctx, composites);
        }
        if (a instanceof QualityIncentive qi) {
            return QualityIncentiveCalculator.settle(qi, ctx);
        }
        throw new IllegalStateException("an arrangement kind without a calculator: " + a.getClass().getName());
    }
}
