package org.vbcsettle.simulation;

import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rounding;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Distribution statistics of an amount over trials, computed exactly from the cents and rounded once to
 * cents (half-even: averages). Percentiles are nearest-rank: the value of the trial at rank ⌈p·n⌉, so that
 * every percentile shown is an outcome that was actually drawn.
 */
public record OutcomeStats(long n, Money mean, Money standardDeviation, Money min, Money p5, Money p25, Money p50,
                           Money p75, Money p95, Money max) {

    public static OutcomeStats of(long[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no trials");
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        BigInteger sum = BigInteger.ZERO;
        BigInteger sumSq = BigInteger.ZERO;
        for (long v : values) {
            BigInteger b = BigInteger.valueOf(v);
            sum = sum.add(b);
            sumSq = sumSq.add(b.multiply(b));
        }
        BigInteger n = BigInteger.valueOf(values.length);
        Money mean = Rounding.NEAREST_CENT_HALF_EVEN.apply(new BigDecimal(sum).divide(new BigDecimal(n), 10, RoundingMode.HALF_EVEN));
        Money sd = Money.ZERO;
        if (values.length > 1) {
            // sample variance = (n Σx² − (Σx)²) / (n (n − 1)), exact in integers before the square root
            BigInteger num = n.multiply(sumSq).subtract(sum.multiply(sum));
            BigInteger den = n.multiply(n.subtract(BigInteger.ONE));
            BigDecimal variance = new BigDecimal(num).divide(new BigDecimal(den), 10, RoundingMode.HALF_EVEN);
            sd = Rounding.NEAREST_CENT_HALF_EVEN.apply(variance.sqrt(new MathContext(30, RoundingMode.HALF_EVEN)));
        }
        return new OutcomeStats(values.length, mean, sd, Money.ofCents(sorted[0]), pct(sorted, 5), pct(sorted, 25),
                pct(sorted, 50), pct(sorted, 75), pct(sorted, 95), Money.ofCents(sorted[sorted.length - 1]));
    }

    /** Nearest-rank percentile of sorted values: rank ⌈p/100 · n⌉ (1-based). */
    static Money pct(long[] sorted, int p) {
        long rank = (p * (long) sorted.length + 99) / 100;
        int idx = (int) Math.max(1, rank) - 1;
        return Money.ofCents(sorted[idx]);
    }

    /** Share of values above zero. */
    public static BigDecimal shareAbove(long[] values, long threshold) {
        long c = 0;
        for (long v : values) {
            if (v > threshold) {
                c++;
            }
        }
        return share(c, values.length);
    }

    public static BigDecimal shareBelow(long[] values, long threshold) {
        long c = 0;
        for (long v : values) {
            if (v < threshold) {
                c++;
            }
        }
        return share(c, values.length);
    }

    static BigDecimal share(long count, long n) {
        return BigDecimal.valueOf(count).divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_EVEN);
    }

    /**
     * Expected shortfall of the provider's losses at {@code level} (e.g. 0.95): the mean of the largest
     * ⌈(1 − level)·n⌉ losses, where a trial's loss is what the provider owes (−payout when negative, else 0).
     * "In the worst one year in twenty, the provider owes this much on average."
     */
    public static Money expectedShortfallOfLosses(long[] payouts, BigDecimal level) {
        long[] losses = new long[payouts.length];
        for (int i = 0; i < payouts.length; i++) {
            losses[i] = payouts[i] < 0 ? -payouts[i] : 0;
        }
        Arrays.sort(losses);
        BigDecimal tail = BigDecimal.ONE.subtract(level).multiply(BigDecimal.valueOf(payouts.length));
        int k = Math.max(1, tail.setScale(0, RoundingMode.CEILING).intValueExact());
        BigInteger sum = BigInteger.ZERO;
        for (int i = losses.length - k; i < losses.length; i++) {
            sum = sum.add(BigInteger.valueOf(losses[i]));
        }
        return Rounding.NEAREST_CENT_HALF_EVEN.apply(new BigDecimal(sum).divide(BigDecimal.valueOf(k), 10, RoundingMode.HALF_EVEN));
    }
}
