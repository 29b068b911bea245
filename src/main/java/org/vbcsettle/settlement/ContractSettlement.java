package org.vbcsettle.settlement;

import org.vbcsettle.contract.Arrangement;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settles a whole contract for a period: every arrangement, quality-incentive arrangements first because
 * shared savings and bundled payments may take their composite score as the quality score. The one
 * entry point used by the ledger actors, the CLI and the simulations.
 */
public final class ContractSettlement {

    private ContractSettlement() {
    }

    public static Statement settle(Contract contract, SettlementInputs inputs) {
        return settle(contract, inputs, Statement.Kind.FINAL, 0L);
    }

    public static Statement settle(Contract contract, SettlementInputs inputs, Statement.Kind kind, long sequence) {
        SettlementContext ctx = SettlementContext.of(contract, inputs);
        Map<String, ArrangementResult> byId = new HashMap<>();
        Map<String, BigDecimal> composites = new HashMap<>();
        for (Arrangement a : contract.arrangements()) {
            if (a instanceof QualityIncentive qi) {
                ArrangementResult r = QualityIncentiveCalculator.settle(qi, ctx);
                byId.put(a.id(), r);
                String composite = r.metrics().get(QualityIncentiveCalculator.METRIC_COMPOSITE);
                if (composite != null) {
                    composites.put(a.id(), new BigDecimal(composite));
                }
            }
        }
        for (Arrangement a : contract.arrangements()) {
            if (a instanceof SharedSavings ss) {
                byId.put(a.id(), SharedSavingsCalculator.settle(ss, ctx, composites));
            } else if (a instanceof BundledPayment bp) {
                byId.put(a.id(), BundledPaymentCalculator.settle(bp, ctx, composites));
            }
        }
        List<ArrangementResult> ordered = new ArrayList<>();
        Money total = Money.ZERO;
        for (Arrangement a : contract.arrangements()) {
            ArrangementResult r = byId.get(a.id());
            ordered.add(r);
            total = total.plus(r.amount());
        }
        return new Statement(contract.id(), contract.versionOrDefault(), inputs.period().id(), inputs.period().start(),
                inputs.period().end(), kind, sequence, ordered, total);
    }
}
