package org.vbcsettle.contract;

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
 */
public record SettlementTerms(
        Integer runOutMonths,
        List<CompletionFactor> completionFactors,
        BigDecimal withholdRate,
        Boolean interimSettlements) {

    public static final SettlementTerms DEFAULT = new SettlementTerms(3, List.of(), BigDecimal.ZERO, Boolean.TRUE);

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
