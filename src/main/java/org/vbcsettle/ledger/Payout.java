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
 */
public record Payout(String key, String contractId, String trigger, String periodId, String performanceYear,
                     Money amount, String reason, Status status, long triggeredAtSequence)
        implements CborSerializable {

    /** Payer approves, disburses, then the disbursement is acknowledged; each step follows the previous. */
    public enum Status {
        TRIGGERED, APPROVED, DISBURSED, ACKNOWLEDGED;

        public Status previous() {
            return this == TRIGGERED ? null : values()[ordinal() - 1];
        }

        public static Status parse(String s) {
            return valueOf(s.trim().toUpperCase());
        }
    }

    public static String key(String contractId, String trigger, String periodId) {
        return contractId + "|" + trigger + "|" + periodId;
    }

    public Payout withStatus(Status s) {
        return new Payout(key, contractId, trigger, periodId, performanceYear, amount, reason, s, triggeredAtSequence);
    }
}
