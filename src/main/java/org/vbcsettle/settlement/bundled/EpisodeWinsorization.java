package org.vbcsettle.settlement.bundled;

import org.vbcsettle.contract.BundledPayment.Winsorization;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.CannotSettle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * The spend bounds of one episode type: episode spend below {@code lower} is raised to it, above
 * {@code upper} lowered to it (BPCI Advanced winsorizes episode spend so that a few outliers do not decide
 * the reconciliation). A null bound does not apply.
 *
 * <p>Percentile bounds use the <b>nearest-rank</b> method: over the n spends of the type sorted ascending,
 * the p-th percentile is the value at 1-based rank ⌈p × n⌉ (clamped to 1..n). It is always one of the
 * observed spends, so no interpolation and no rounding is involved.
 */
record EpisodeWinsorization(Money lower, Money upper, String method) {

    static final EpisodeWinsorization NONE = new EpisodeWinsorization(null, null, "none");

    static EpisodeWinsorization of(Winsorization w, List<Money> spends, String where) {
        if (w == null) {
            return NONE;
        }
        boolean percentiles = w.lowerPercentile() != null || w.upperPercentile() != null;
        if (percentiles && w.fixedCap() != null) {
            throw new CannotSettle(where + ": winsorization sets both percentiles and fixedCap; set one");
        }
        if (w.fixedCap() != null) {
            if (w.fixedCap().isNegative()) {
                throw new CannotSettle(where + ": winsorization.fixedCap must not be negative");
            }
            return new EpisodeWinsorization(null, w.fixedCap(), "fixed cap per episode");
        }
        if (!percentiles || spends.isEmpty()) {
            return NONE;
        }
        long[] sorted = spends.stream().mapToLong(Money::cents).toArray();
        Arrays.sort(sorted);
        Money lo = w.lowerPercentile() == null ? null : nearestRank(sorted, w.lowerPercentile(), where + ": winsorization.lowerPercentile");
        Money hi = w.upperPercentile() == null ? null : nearestRank(sorted, w.upperPercentile(), where + ": winsorization.upperPercentile");
        if (lo != null && hi != null && lo.compareTo(hi) > 0) {
            throw new CannotSettle(where + ": winsorization.lowerPercentile is above upperPercentile");
        }
        return new EpisodeWinsorization(lo, hi, "nearest-rank percentiles");
    }

    /** Value at 1-based rank ⌈p × n⌉ of the ascending spends, rank clamped to 1..n. */
    static Money nearestRank(long[] ascending, BigDecimal p, String field) {
        if (p.signum() < 0 || p.compareTo(BigDecimal.ONE) > 0) {
            throw new CannotSettle(field + " must be in [0, 1], was " + p);
        }
        int n = ascending.length;
        int rank = p.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING).intValueExact();
        rank = Math.max(1, Math.min(n, rank));
        return Money.ofCents(ascending[rank - 1]);
    }

    Money apply(Money spend) {
        Money s = spend;
        if (lower != null && s.compareTo(lower) < 0) {
            s = lower;
        }
        if (upper != null && s.compareTo(upper) > 0) {
            s = upper;
        }
        return s;
    }
}
