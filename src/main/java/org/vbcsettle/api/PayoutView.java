package org.vbcsettle.api;

/**
 * A payout as the API shows it to both parties.
 *
 * @param key         the idempotency key: contract + trigger + period
 * @param amountCents positive: payer pays the provider; negative: recoupment from the provider
 * @param status      triggered, approved, disbursed or acknowledged; nothing_due for a payout of $0 (terminal)
 */
public record PayoutView(String key, String contractId, String trigger, String periodId, long amountCents,
                         String reason, String status) {
}
