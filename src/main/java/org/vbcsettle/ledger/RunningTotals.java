package org.vbcsettle.ledger;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A contract's figures for one period as they stand now. Paid figures count the claims in effect
 * (replacements and voids applied), by month of service start, whether or not the member is attributed.
 *
 * @param paidPmpm        paid claims / member-months, half-even to the cent; null with no member-months
 * @param truncatedSpend  paid claims with each member's spend in a calendar year capped at the contract's
 *                        truncation amount (MSSP outlier truncation); only for a calendar-year period
 * @param episodes        bundled-payment episodes (null when the contract has none or they could not be computed)
 * @param quality         quality rates and composite (null when the contract has no quality arrangement)
 * @param payoutsSoFar    sum of payouts issued for the performance period (all statuses)
 * @param projectedSettlement the performance period settled now (kind PROJECTED); null if not computable
 * @param arrangements    per arrangement of that projected statement, in contract order: spend against
 *                        benchmark and the MSR, quality rates against targets, episodes against target price,
 *                        the projected amount (empty when the projection is not computable)
 * @param notes           why a figure is missing (e.g. a calculator error)
 * @param asOfSequence    ledger event sequence number the figures reflect
 */
public record RunningTotals(
        String contractId,
        int contractVersion,
        String periodId,
        LocalDate periodStart,
        LocalDate periodEnd,
        long memberMonths,
        long claimCount,
        Money paidClaims,
        Money paidPmpm,
        Map<String, Money> paidByType,
        Money truncatedSpend,
        EpisodeTotals episodes,
        QualityTotals quality,
        Money payoutsSoFar,
        Money projectedSettlement,
        List<ArrangementTotals> arrangements,
        List<String> notes,
        long asOfSequence) implements CborSerializable {

    public RunningTotals {
        paidByType = Map.copyOf(paidByType);
        arrangements = arrangements == null ? List.of() : List.copyOf(arrangements);
        notes = List.copyOf(notes);
    }

    /** Spend against target: closed episodes are final, open ones are still accumulating spend. */
    public record EpisodeTotals(int open, int closed, int closedUnderTarget, Money openSpend, Money closedSpend,
                                Money closedTarget) implements CborSerializable {
    }

    /**
     * @param rates     measure id → rate as computed by the quality calculator (decimal strings in JSON)
     * @param met       measure id → target reached with the minimum denominator
     * @param composite the weighted composite score, null when none could be scored
     */
    public record QualityTotals(@JsonSerialize(contentUsing = PlainDecimal.class) Map<String, BigDecimal> rates,
                                Map<String, Boolean> met, @JsonSerialize(using = PlainDecimal.class) BigDecimal composite)
            implements CborSerializable {
        public QualityTotals {
            rates = Map.copyOf(rates);
            met = Map.copyOf(met);
        }
    }
}
