package org.vbcsettle.ledger;

import org.vbcsettle.money.Money;

/**
 * A payment between payer and provider, created at most once per key {@code contract|trigger|period}.
 * Positive: the payer pays the provider; negative: a recoupment from the provider.
 *
 * @param trigger          what caused it: {@code settlement.interim}, {@code settlement.final},
 *                         {@code quality.<arrangement>.<measure>.met}, {@code episode.<episode id>.under-target}
 * @param periodId         the period the trigger belongs to ({@code 2024-Q2}, {@code 2024})
 * @param performanceYear  the contract performance period whose final settlement nets this payout out
 * @param triggeredAtSequence ledger event sequence number at which the payout was decided
 * @param dispute          the provider's dispute of a short-paid disbursement; null when none (and in events and
 *                         snapshots written before disputes existed, which CBOR reads as null)
 */
public record Payout(String key, String contractId, String trigger, String periodId, String performanceYear,
                     Money amount, String reason, Status status, long triggeredAtSequence, Dispute dispute)
        implements CborSerializable {

    public Payout(String key, String contractId, String trigger, String periodId, String performanceYear,
                  Money amount, String reason, Status status, long triggeredAtSequence) {
        this(key, contractId, trigger, periodId, performanceYear, amount, reason, status, triggeredAtSequence, null);
    }

    /**
     * The provider says less reached it than this disbursed payout says. A flag next to the status, not a status:
     * the payout stays where the payer's workflow put it (disbursed), and both parties see the dispute on it.
     *
     * @param remittedCents what the payer's 835 remitted for the payout
     * @param shortCents    payout amount − remitted (always positive)
     * @param traceNumber   the 835's TRN02 (reassociation trace number) of the remittance that was short
     */
    public record Dispute(long remittedCents, long shortCents, String reason, String traceNumber) implements CborSerializable {
    }

    /**
     * Payer approves, disburses, then the disbursement is acknowledged; each step follows the previous.
     * {@code NOTHING_DUE}: a payout of $0 (an advance or true-up that came to nothing) is recorded in that
     * terminal status from the start, so the trigger is remembered as fired (it never pays again) and the
     * period's payouts still sum to its final settlement, but the payer has nothing to approve or disburse.
     */
    public enum Status {
        TRIGGERED, APPROVED, DISBURSED, ACKNOWLEDGED, NOTHING_DUE;

        /** The status a step to this one must start from; null for the two initial statuses. */
        public Status previous() {
            return switch (this) {
                case TRIGGERED, NOTHING_DUE -> null;
                case APPROVED -> TRIGGERED;
                case DISBURSED -> APPROVED;
                case ACKNOWLEDGED -> DISBURSED;
            };
        }

        /** The status a new payout of this amount starts in. */
        public static Status initial(Money amount) {
            return amount.isZero() ? NOTHING_DUE : TRIGGERED;
        }

        /** {@code triggered}, {@code APPROVED}, {@code nothing_due}, {@code nothing-due}. */
        public static Status parse(String s) {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    public static String key(String contractId, String trigger, String periodId) {
        return contractId + "|" + trigger + "|" + periodId;
    }

    public Payout withStatus(Status s) {
        return new Payout(key, contractId, trigger, periodId, performanceYear, amount, reason, s, triggeredAtSequence, dispute);
    }

    public Payout withDispute(Dispute d) {
        return new Payout(key, contractId, trigger, periodId, performanceYear, amount, reason, status, triggeredAtSequence, d);
    }
}
