package org.vbcsettle.settlement.sharedsavings;

import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rates;
import org.vbcsettle.settlement.CannotSettle;

import java.math.BigDecimal;

/** The loss side of two-sided terms: the MLR, the shared loss rate, the loss limit and the disaster adjustment. */
final class LossSharing {

    private LossSharing() {
    }

    static SharedSavingsResult.Loss of(SharedSavings terms, SharedSavingsFigures f, Money losses, SharedSavingsResult.Quality quality) {
        SharedSavings.Downside down = terms.downside();
        Money benchmark = f.benchmark();
        BigDecimal mlr = SharedSavingsCalculator.minimumRate(down.minimumLossRate(), f.assignedBeneficiaries());
        boolean mlrMet = losses.toDecimalCents().compareTo(mlr.multiply(benchmark.toDecimalCents())) >= 0;
        if (!mlrMet) {
            return new SharedSavingsResult.Loss(mlr, false, null, BigDecimal.ZERO, null, null, BigDecimal.ZERO, BigDecimal.ZERO);
        }
        BigDecimal lossRate = lossRate(terms, quality);
        BigDecimal shared = losses.toDecimalCents().multiply(lossRate);
        BigDecimal limit = down.lossLimit() == null ? null : limit(down.lossLimit(), benchmark, f.participantRevenue());
        BigDecimal owed = limit == null ? shared : shared.min(limit);
        BigDecimal share = f.disasterShare() == null ? BigDecimal.ZERO : f.disasterShare();
        boolean disaster = Boolean.TRUE.equals(down.disasterAdjustment()) && share.signum() > 0;
        BigDecimal reduction = disaster ? owed.multiply(share) : BigDecimal.ZERO;
        return new SharedSavingsResult.Loss(mlr, true, lossRate, shared, limit, owed, disaster ? share : BigDecimal.ZERO, reduction);
    }

    /** A fixed rate, or 1 − k × quality score within [floor, ceiling]; the ceiling when no quality standard is met. */
    static BigDecimal lossRate(SharedSavings terms, SharedSavingsResult.Quality quality) {
        SharedSavings.LossRate rate = terms.downside().lossRate();
        if (rate instanceof SharedSavings.LossRate.Fixed fixed) {
            return fixed.rate();
        }
        if (rate instanceof SharedSavings.LossRate.QualityScaled qs) {
            if (quality.passing() && quality.score() != null) {
                return Rates.clamp(BigDecimal.ONE.subtract(qs.k().multiply(quality.score(), Rates.MC)), qs.floor(), qs.ceiling());
            }
            return qs.ceiling();
        }
        throw new CannotSettle("arrangement " + terms.id() + ": downside.lossRate is missing");
    }

    /**
     * The loss limit in exact cents: a share of participant revenue capped at a share of the benchmark, or the
     * benchmark-based limit alone when revenue is not reported or not in the terms; null when the terms set none.
     */
    static BigDecimal limit(SharedSavings.LossLimit ll, Money benchmark, Money participantRevenue) {
        BigDecimal benchmarkLimit = ll.percentOfBenchmark() == null ? null
                : benchmark.toDecimalCents().multiply(ll.percentOfBenchmark());
        if (ll.percentOfRevenue() != null && participantRevenue != null) {
            BigDecimal revenueLimit = participantRevenue.toDecimalCents().multiply(ll.percentOfRevenue());
            return benchmarkLimit != null && benchmarkLimit.compareTo(revenueLimit) < 0 ? benchmarkLimit : revenueLimit;
        }
        return benchmarkLimit;
    }
}
