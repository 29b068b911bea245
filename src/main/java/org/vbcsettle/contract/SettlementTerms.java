package org.vbcsettle.contract;

import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * How and when a contract settles.
 *
 * @param runOutMonths      months after the performance year before the final settlement (claims run-out)
 * @param completionFactors share of ultimate incurred claims already paid after N months of run-out,
 *                          used to complete interim (quarterly) figures for incurred-but-not-reported claims
 * @param withholdRate      share of an interim settlement held back until the final settlement (0..1)
 * @param interimSettlements whether quarterly interim settlements are paid
 * @param advances          the advance policy: when a payout before the final may be paid and how much of it
 *                          (null: {@link AdvancePolicy#DEFAULT})
 */
public record SettlementTerms(
        Integer runOutMonths,
        List<CompletionFactor> completionFactors,
        BigDecimal withholdRate,
        Boolean interimSettlements,
        AdvancePolicy advances) {

    public static final SettlementTerms DEFAULT = new SettlementTerms(3, List.of(), BigDecimal.ZERO, Boolean.TRUE, null);

    /** Terms with the default advance policy. */
    public SettlementTerms(Integer runOutMonths, List<CompletionFactor> completionFactors, BigDecimal withholdRate,
                           Boolean interimSettlements) {
        this(runOutMonths, completionFactors, withholdRate, interimSettlements, null);
    }

    /**
     * When an advance (a benchmark payout or an interim payout, anything paid before the final settlement) is
     * credible enough to pay, and how much of it is released. Fields left out take the defaults below.
     *
     * @param minimumExperienceMonths calendar months of service in the performance period (up to the advance's
     *                                as-of) with at least one claim in effect; below it no advance. Default 3.
     * @param minimumRunOutMonths     whole months of claims run-out after the latest month counted (an interim:
     *                                after the quarter's end; a benchmark advance: after the latest month of
     *                                service, to the latest paid date). Default 0 (completion factors estimate the rest).
     * @param releasedShare           share of the advance basis released before the final (0..1). Default 1.
     * @param withholdAmount          a fixed amount held back from the advances until the final. Default $0.
     */
    public record AdvancePolicy(Integer minimumExperienceMonths, Integer minimumRunOutMonths, BigDecimal releasedShare,
                                Money withholdAmount) {

        public static final AdvancePolicy DEFAULT = new AdvancePolicy(null, null, null, null);
        public static final int DEFAULT_EXPERIENCE_MONTHS = 3;

        public int minimumExperienceMonthsOrDefault() {
            return minimumExperienceMonths == null ? DEFAULT_EXPERIENCE_MONTHS : minimumExperienceMonths;
        }

        public int minimumRunOutMonthsOrDefault() {
            return minimumRunOutMonths == null ? 0 : minimumRunOutMonths;
        }

        public BigDecimal releasedShareOrDefault() {
            return releasedShare == null ? BigDecimal.ONE : releasedShare;
        }

        public Money withholdAmountOrDefault() {
            return withholdAmount == null ? Money.ZERO : withholdAmount;
        }
    }

    public AdvancePolicy advancesOrDefault() {
        return advances == null ? AdvancePolicy.DEFAULT : advances;
    }

    /** @param monthsOfRunOut months elapsed since the end of the incurred month; factor = paid / ultimate, (0,1] */
    public record CompletionFactor(int monthsOfRunOut, BigDecimal factor) {
    }

    public int runOutMonthsOrDefault() {
        return runOutMonths == null ? 3 : runOutMonths;
    }

    public BigDecimal withholdRateOrDefault() {
        return withholdRate == null ? BigDecimal.ZERO : withholdRate;
    }

    public List<CompletionFactor> completionFactorsOrEmpty() {
        return completionFactors == null ? List.of() : completionFactors;
    }

    /**
     * The completion factor after {@code months} of run-out: the entry with the largest monthsOfRunOut not
     * above {@code months}; 1 when none is given or past the last entry's months with factor 1.
     */
    public BigDecimal completionFactorAt(int months) {
        BigDecimal best = null;
        int bestMonths = -1;
        for (CompletionFactor cf : completionFactorsOrEmpty()) {
            if (cf.monthsOfRunOut() <= months && cf.monthsOfRunOut() > bestMonths) {
                best = cf.factor();
                bestMonths = cf.monthsOfRunOut();
            }
        }
        if (best == null) {
            // Before the first listed month: use the smallest factor given (most conservative), else 1.
            for (CompletionFactor cf : completionFactorsOrEmpty()) {
                if (best == null || cf.factor().compareTo(best) < 0) {
                    best = cf.factor();
                }
            }
        }
        return best == null ? BigDecimal.ONE : best;
    }
}
