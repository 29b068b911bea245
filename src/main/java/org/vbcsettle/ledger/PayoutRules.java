package org.vbcsettle.ledger;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.SettlementTerms;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rounding;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.SettlementOutcome;
import org.vbcsettle.settlement.Statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

/**
 * How much each payout is. The one rule that makes the payouts of a performance period sum to its final
 * settlement:
 * <ul>
 *   <li><b>Advances</b> (a benchmark met, an interim settlement) pay what has been earned so far and not yet
 *       paid, under the contract's advance policy ({@link AdvancePolicyGate}): {@code max(0, earned ×
 *       released share × (1 − withhold) − fixed withhold − paid so far)}, the product rounded toward zero. "Earned" is the interim statement's total for an interim settlement (year to date, completed
 *       for claims not yet reported) and the projected settlement of the performance period for a
 *       benchmark payout. Advances never recoup.</li>
 *   <li><b>The final true-up</b> pays {@code final total − paid so far}: positive is a payout, negative a
 *       recoupment. After it, the sum of the period's payouts equals the final total exactly.</li>
 * </ul>
 * "Paid so far" is the sum of every payout already issued for the performance period, whatever its status.
 */
final class PayoutRules {

    private PayoutRules() {
    }

    record Amount(Money amount, String reason) {
    }

    /**
     * An advance under the contract's advance policy: {@code max(0, basis × releasedShare × (1 − withholdRate)
     * − withholdAmount − paid so far)}, the product rounded once toward zero to the cent.
     */
    static Amount advance(String what, Money basis, BigDecimal withholdRate, SettlementTerms.AdvancePolicy policy, Money paidSoFar) {
        BigDecimal share = policy.releasedShareOrDefault();
        BigDecimal factor = share.multiply(BigDecimal.ONE.subtract(withholdRate));
        Money released = basis.times(factor, Rounding.TOWARD_ZERO_CENT);
        Money withheld = policy.withholdAmountOrDefault();
        Money due = released.minus(withheld).minus(paidSoFar);
        Money amount = Money.max(Money.ZERO, due);
        String shareText = share.compareTo(BigDecimal.ONE) == 0 ? "" : " × released share " + share.toPlainString();
        String withheldText = withheld.isZero() ? "" : ", less fixed withhold " + withheld;
        String reason = what + ": earned " + basis + shareText + " × (1 − withhold " + withholdRate.toPlainString() + ") = "
                + released + " (" + Rounding.TOWARD_ZERO_CENT.description() + ")" + withheldText + ", less paid so far " + paidSoFar
                + " = " + due + (due.isNegative() ? "; advances never recoup, nothing paid now" : "");
        return new Amount(amount, reason);
    }

    static Amount trueUp(Money finalTotal, Money paidSoFar) {
        Money due = finalTotal.minus(paidSoFar);
        String reason = "final settlement " + finalTotal + " less paid so far " + paidSoFar + " = " + due
                + (due.isNegative() ? " (recoupment)" : "");
        return new Amount(due, reason);
    }

    /** Whole months of claims run-out between the end of {@code periodEnd} and {@code asOf}. */
    static int monthsOfRunOut(LocalDate periodEnd, LocalDate asOf) {
        if (!asOf.isAfter(periodEnd)) {
            return 0;
        }
        return (int) ChronoUnit.MONTHS.between(periodEnd.plusDays(1), asOf.plusDays(1));
    }

    /** The projected statement of the running totals; see {@link Projection#projectedStatement}. */
    static SettlementOutcome<Statement> projected(Contract contract, Collection<Attribution> attribution, List<Claim> effectiveClaims,
                               Collection<QualityEvent> quality, LocalDate lastServiceDate, LocalDate paidThrough,
                               ReportedFacts reported, long sequence) {
        return Projection.projectedStatement(contract, attribution, effectiveClaims, quality, lastServiceDate, paidThrough,
                reported, sequence);
    }
}
