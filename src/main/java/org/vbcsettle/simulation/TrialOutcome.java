package org.vbcsettle.simulation;

import java.math.BigDecimal;

/**
 * One trial's settlement: what each arrangement paid (cents, positive to the provider) and the figures
 * behind it, one row of {@code results.csv}.
 *
 * @param arrangementCents    per arrangement of the contract, in contract order
 * @param providerPayoutCents Σ arrangementCents
 * @param payerNetCostCents   claims + episode spend + provider payout: what the year cost the payer
 * @param benchmarkCents      the first shared-savings arrangement's benchmark (null: none)
 * @param compositeScore      the first quality-incentive arrangement's composite (null: none / not scored)
 */
public record TrialOutcome(int trial, long members, long memberMonths, long claimsCents, long expenditureCents,
                           Long benchmarkCents, double trendRate, BigDecimal qualityScore, BigDecimal compositeScore,
                           long episodes, long episodeSpendCents, long[] arrangementCents, long providerPayoutCents,
                           long payerNetCostCents) {
}
