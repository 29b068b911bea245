package org.vbcsettle.simulation;

import org.vbcsettle.contract.Arrangement;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures an actuary reads off a run.
 *
 * @param probabilitySavingsEarned share of trials in which a shared-savings or bundled-payment arrangement
 *                                 pays the provider (for a contract with neither: any arrangement pays)
 * @param probabilityOwingLosses   share of trials in which the provider owes the payer on some arrangement
 * @param expectedShortfall95      mean loss owed in the worst 5% of trials (see {@link OutcomeStats#expectedShortfallOfLosses})
 */
public record Summary(OutcomeStats providerPayout, OutcomeStats payerNetCost, BigDecimal probabilitySavingsEarned,
                      BigDecimal probabilityOwingLosses, Money expectedShortfall95, List<ArrangementSummary> arrangements) {

    public static final BigDecimal ES_LEVEL = new BigDecimal("0.95");

    /** @param probabilityPays share of trials with a payment to the provider; probabilityOwes: to the payer */
    public record ArrangementSummary(String id, String type, Money mean, BigDecimal probabilityPays, BigDecimal probabilityOwes) {
    }

    public static Summary of(SimulationResult r) {
        List<Arrangement> arrangements = r.model().arrangements();
        boolean hasRiskArrangement = arrangements.stream().anyMatch(a -> a instanceof SharedSavings || a instanceof BundledPayment);
        long earned = 0;
        long owing = 0;
        for (TrialOutcome o : r.outcomes()) {
            boolean e = false;
            boolean w = false;
            for (int i = 0; i < arrangements.size(); i++) {
                Arrangement a = arrangements.get(i);
                long amount = o.arrangementCents()[i];
                boolean counts = !hasRiskArrangement || a instanceof SharedSavings || a instanceof BundledPayment;
                if (counts && amount > 0) {
                    e = true;
                }
                if (amount < 0) {
                    w = true;
                }
            }
            earned += e ? 1 : 0;
            owing += w ? 1 : 0;
        }
        List<ArrangementSummary> per = new ArrayList<>();
        for (int i = 0; i < arrangements.size(); i++) {
            long[] v = r.arrangementAmounts(i);
            per.add(new ArrangementSummary(arrangements.get(i).id(), arrangements.get(i).typeName(), OutcomeStats.of(v).mean(),
                    OutcomeStats.shareAbove(v, 0), OutcomeStats.shareBelow(v, 0)));
        }
        long[] payouts = r.providerPayouts();
        return new Summary(OutcomeStats.of(payouts), OutcomeStats.of(r.payerNetCosts()),
                OutcomeStats.share(earned, r.trials()), OutcomeStats.share(owing, r.trials()),
                OutcomeStats.expectedShortfallOfLosses(payouts, ES_LEVEL), List.copyOf(per));
    }
}
