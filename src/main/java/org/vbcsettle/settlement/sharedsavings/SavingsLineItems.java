package org.vbcsettle.settlement.sharedsavings;

import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rates;
import org.vbcsettle.settlement.LineItem;

import java.util.List;

import static org.vbcsettle.settlement.sharedsavings.SharedSavingsLineItems.plainDollars;

/** The savings side of a shared-savings statement. */
final class SavingsLineItems {

    private SavingsLineItems() {
    }

    static void add(SharedSavings terms, SharedSavingsResult r, List<LineItem> lines) {
        SharedSavingsResult.Gain g = r.gain();
        SharedSavingsFigures f = r.inputs();
        lines.add(LineItem.builder("Minimum savings rate")
                .input("method", SharedSavingsLineItems.describe(terms.minimumSavingsRate()))
                .input("assigned beneficiaries", f.assignedBeneficiaries())
                .input("savings rate", Rates.percent(r.savingsRate()))
                .formula("savings count when savings rate ≥ MSR; then shared from the first dollar")
                .result(Rates.percent(r.minimumSavingsRate()) + (g.msrMet() ? " (met)" : " (not met)")));
        if (!g.shared()) {
            lines.add(LineItem.builder("Shared savings")
                    .input("savings", r.savings())
                    .formula("savings rate below the MSR: nothing is shared")
                    .money(Money.ZERO));
            return;
        }
        if (g.reducedSharing()) {
            SharedSavings.LowRevenueReducedSharing rule = terms.lowRevenueReducedSharing();
            lines.add(LineItem.builder("Low-revenue BASIC ACO below the MSR (42 CFR 425.605(h))")
                    .input("low revenue", true)
                    .input("assigned beneficiaries", f.assignedBeneficiaries())
                    .input("minimum assigned", SavingsSharing.minimumAssigned(rule))
                    .input("agreement start", rule.agreementStart())
                    .input("factor", g.reducedFactor().toPlainString())
                    .formula("savings shared from the first dollar at the factor × the final sharing rate, capped at the factor × the cap")
                    .result(Rates.percent(g.finalSharingRate())));
        }
        lines.add(LineItem.builder("Shared savings before sequestration")
                .input("savings", r.savings())
                .input("final sharing rate", Rates.percent(g.finalSharingRate()))
                .formula("savings × final sharing rate")
                .result(plainDollars(g.sharedCents())));
        if (g.sequestration().signum() != 0) {
            lines.add(LineItem.builder("Sequestration")
                    .input("shared savings", plainDollars(g.sharedCents()))
                    .input("sequestration", Rates.percent(g.sequestration()))
                    .formula("shared savings × (1 − sequestration)")
                    .result(plainDollars(g.afterSequestrationCents())));
        }
        if (g.cap() != null) {
            lines.add(LineItem.builder("Performance payment limit")
                    .input("benchmark", r.benchmark())
                    .input("cap", Rates.percent(g.cap()))
                    .input("limit", plainDollars(g.limitCents()))
                    .formula("min(shared savings after sequestration, cap × benchmark)")
                    .result(plainDollars(r.unroundedCents()) + (g.capApplied() ? " (capped)" : "")));
        }
    }
}
