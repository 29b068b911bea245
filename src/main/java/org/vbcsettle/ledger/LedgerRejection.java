package org.vbcsettle.ledger;

/** A command the ledger refused, with the ledger's reason code and message (names the record or field). */
public final class LedgerRejection extends RuntimeException {

    /** Why the ledger refused: what a caller can do about it, independent of the message's wording. */
    public enum Reason {
        /** no contract with that id is registered */
        UNKNOWN_CONTRACT,
        /** the contract has no payout with that key */
        UNKNOWN_PAYOUT,
        /** conflicts with what the ledger holds: already registered with other terms, version not higher, period closed */
        CONFLICT,
        /** a payout status change out of order (triggered → approved → disbursed → acknowledged) */
        FORBIDDEN_TRANSITION,
        /** the request itself is invalid (missing or malformed field, too large, not yet possible, calculator refused) */
        INVALID
    }

    private final String contractId;
    private final Reason reason;

    public LedgerRejection(String contractId, Reason reason, String message) {
        super(message);
        this.contractId = contractId;
        this.reason = reason == null ? Reason.INVALID : reason;
    }

    public LedgerRejection(String contractId, LedgerReplies.Refusal refusal) {
        this(contractId, refusal.reason(), refusal.message());
    }

    public String contractId() {
        return contractId;
    }

    public Reason reason() {
        return reason;
    }

    /** Whether the refusal is because the contract does not exist. */
    public boolean isUnknownContract() {
        return reason == Reason.UNKNOWN_CONTRACT;
    }
}
