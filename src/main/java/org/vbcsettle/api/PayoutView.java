package org.vbcsettle.api;

/**
 * A payout as the API shows it to both parties.
 *
 * @param key         the idempotency key: contract + trigger + period
 * @param amountCents positive: payer pays the provider; negative: recoupment from the provider
 * @param status      triggered, approved, disbursed or acknowledged; nothing_due for a payout of $0 (terminal)
 * @param dispute     the provider's dispute of a short-paid disbursement, next to the status; null when none
 */
public record PayoutView(String key, String contractId, String trigger, String periodId, long amountCents,
                         String reason, String status, Dispute dispute) {

    public PayoutView(String key, String contractId, String trigger, String periodId, long amountCents, String reason, String status) {
        this(key, contractId, trigger, periodId, amountCents, reason, status, null);
    }

    /**
     * @param shortCents  amountCents − remittedCents (positive)
     * @param traceNumber the short remittance's trace number (835 TRN02)
     */
    public record Dispute(long remittedCents, long shortCents, String reason, String traceNumber) {
    }

    public PayoutView withStatus(String s) {
        return new PayoutView(key, contractId, trigger, periodId, amountCents, reason, s, dispute);
    }
}
