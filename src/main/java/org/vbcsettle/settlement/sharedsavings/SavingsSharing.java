package org.vbcsettle.settlement.sharedsavings;

import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rates;

import java.math.BigDecimal;

/** The savings side: the MSR, the low-revenue reduced sharing of 42 CFR 425.605(h), sequestration and the cap. */
final class SavingsSharing {

    private SavingsSharing() {
    }

    static SharedSavingsResult.Gain of(SharedSavings terms, SharedSavingsFigures f, Money savings, BigDecimal msr,
                                       SharedSavingsResult.Quality quality) {
        Money benchmark = f.benchmark();
        // compare savings ≥ MSR × benchmark exactly: no rounding of the rate decides eligibility
        boolean msrMet = savings.toDecimalCents().compareTo(msr.multiply(benchmark.toDecimalCents())) >= 0;
        BigDecimal fsr = quality.sharingRate();
        BigDecimal cap = terms.savingsCap();
        BigDecimal factor = null;
        if (!msrMet) {
            if (!reducedSharingApplies(terms, f, quality)) {
                return new SharedSavingsResult.Gain(false, false, null, BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.ZERO,
                        cap, null, false);
            }
            factor = reducedFactor(terms.lowRevenueReducedSharing());
            // 42 CFR 425.605(h)(2): half the final sharing rate; the cap of paragraph (d) stays as it is
            fsr = fsr.multiply(factor, Rates.MC);
        }
        BigDecimal shared = savings.toDecimalCents().multiply(fsr);
        BigDecimal seq = terms.sequestration() == null ? BigDecimal.ZERO : terms.sequestration();
        BigDecimal afterSeq = shared.multiply(BigDecimal.ONE.subtract(seq));
        BigDecimal limit = cap == null ? null : benchmark.toDecimalCents().multiply(cap);
        boolean capped = limit != null && afterSeq.compareTo(limit) > 0;
        return new SharedSavingsResult.Gain(msrMet, factor != null, factor, fsr, shared, seq, afterSeq, cap, limit, capped);
    }

    private static boolean reducedSharingApplies(SharedSavings terms, SharedSavingsFigures f, SharedSavingsResult.Quality quality) {
        SharedSavings.LowRevenueReducedSharing rule = terms.lowRevenueReducedSharing();
        if (rule == null || !f.lowRevenue()) {
            return false;
        }
        if (rule.agreementStart() != null && rule.agreementStart().isBefore(SharedSavingsCalculator.REDUCED_SHARING_FROM)) {
            return false;
        }
        if (f.assignedBeneficiaries() < minimumAssigned(rule)) {
            return false;
        }
        return quality.passing() && quality.sharingRate().signum() > 0;
    }

    static int minimumAssigned(SharedSavings.LowRevenueReducedSharing rule) {
        return rule.minimumAssigned() == null ? SharedSavingsCalculator.REDUCED_SHARING_MIN_ASSIGNED : rule.minimumAssigned();
    }

    private static BigDecimal reducedFactor(SharedSavings.LowRevenueReducedSharing rule) {
        return rule.sharingRateFactor() == null ? new BigDecimal("0.5") : rule.sharingRateFactor();
    }
}
