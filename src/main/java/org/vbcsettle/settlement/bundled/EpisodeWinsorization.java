package org.vbcsettle.settlement.bundled;

import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.BundledPayment.SpendBounds;
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
 * <p>CMS winsorizes each clinical episode's spend at the <b>national</b> 1st and 99th percentiles of that
 * clinical episode (BPCI Advanced Clinical Episode Construction Specifications, §6.4 "Calculate Total
 * Clinical Episode Spending"; Target Price Specifications, §4): the contract carries those bounds per
 * episode type ({@code bounds: national}). Percentiles over the contract's own episodes are an explicit
 * alternative ({@code bounds: contract-percentiles}), never a default.
 *
 * <p>Contract percentile bounds use the <b>nearest-rank</b> method: over the n spends of the type sorted ascending,
 * the p-th percentile is the value at 1-based rank ⌈p × n⌉ (clamped to 1..n). It is always one of the
 * observed spends, so no interpolation and no rounding is involved.
 */
record EpisodeWinsorization(Money lower, Money upper, String method) {

    static final EpisodeWinsorization NONE = new EpisodeWinsorization(null, null, "none");

    /**
     * The bounds of one episode type.
     *
     * @param national the type's national bounds from the contract (null when the contract gives none)
     */
    static EpisodeWinsorization of(Winsorization w, SpendBounds national, List<Money> spends, String where) {
        if (w == null) {
            return NONE;
        }
        boolean percentiles = w.lowerPercentile() != null || w.upperPercentile() != null;
        if (percentiles && w.fixedCap() != null) {
            throw new CannotSettle(where + ": winsorization sets both percentiles and fixedCap; set one");
        }
        if (BundledPayment.NATIONAL.equals(w.bounds())) {
            return nationalBounds(w, national, where);
        }
        if (w.fixedCap() != null) {
            if (w.fixedCap().isNegative()) {
                throw new CannotSettle(where + ": winsorization.fixedCap must not be negative");
            }
            return new EpisodeWinsorization(null, w.fixedCap(), "fixed cap per episode");
        }
        if (percentiles && !BundledPayment.CONTRACT_PERCENTILES.equals(w.bounds())) {
            throw new CannotSettle(where + ": winsorization.bounds must be '" + BundledPayment.NATIONAL
                    + "' (CMS's national bounds per episode type) or '" + BundledPayment.CONTRACT_PERCENTILES
                    + "' to use percentiles over this contract's own episodes, was " + w.bounds());
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
        return new EpisodeWinsorization(lo, hi, "nearest-rank percentiles of the contract's episodes");
    }

    private static EpisodeWinsorization nationalBounds(Winsorization w, SpendBounds national, String where) {
        if (w.lowerPercentile() != null || w.upperPercentile() != null || w.fixedCap() != null) {
            throw new CannotSettle(where + ": winsorization.bounds national takes its bounds from each episode's"
                    + " nationalBounds; remove lowerPercentile, upperPercentile and fixedCap");
        }
        if (national == null || national.lower() == null || national.upper() == null) {
            throw new CannotSettle(where + ": nationalBounds.lower and nationalBounds.upper are needed for national winsorization");
        }
        if (national.lower().compareTo(national.upper()) > 0) {
            throw new CannotSettle(where + ": nationalBounds.lower is above nationalBounds.upper");
        }
        return new EpisodeWinsorization(national.lower(), national.upper(), "national 1st/99th percentile bounds");
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
