package org.vbcsettle.api.demo;

import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.ReportedFacts;

import java.math.BigDecimal;

/**
 * The facts a payer reports for the demo year (recorded in the ledger for the performance period), where the contract takes them from the
 * payer rather than from its own quality measures (the figures of examples/reported-*.yaml): an MSSP
 * quality score (CMS, APP measure set), the participants' revenue where losses are limited by revenue, and a
 * BPCI Advanced composite quality score. None when the contract derives everything itself.
 */
final class DemoFacts {
    static final BigDecimal QUALITY_SCORE = new BigDecimal("0.82");
    static final Money PARTICIPANT_REVENUE = Money.ofDollars(1_950_000);
    static final BigDecimal COMPOSITE_QUALITY_SCORE = new BigDecimal("0.78");

    private DemoFacts() {
    }

    static ReportedFacts of(Contract c) {
        BigDecimal quality = null;
        Money revenue = null;
        BigDecimal cqs = null;
        for (var a : c.arrangements()) {
            if (a instanceof SharedSavings ss) {
                if (ss.quality() != null && ss.quality().sourceArrangement() == null) {
                    quality = QUALITY_SCORE;
                }
                if (ss.downside() != null && ss.downside().lossLimit() != null && ss.downside().lossLimit().percentOfRevenue() != null) {
                    revenue = PARTICIPANT_REVENUE;
                }
            }
            if (a instanceof BundledPayment bp && bp.qualityAdjustment() != null) {
                cqs = COMPOSITE_QUALITY_SCORE;
            }
        }
        if (quality == null && revenue == null && cqs == null) {
            return ReportedFacts.NONE;
        }
        return new ReportedFacts(null, quality, null, null, revenue, null, null, cqs, null);
    }
}
