package org.vbcsettle.ledger;

/** A command the ledger refused, with the ledger's reason (names the record or field). */
public final class LedgerRejection extends RuntimeException {
    private final String contractId;

    public LedgerRejection(String contractId, String message) {
        super(message);
        this.contractId = contractId;
    }

    public String contractId() {
        return contractId;
    }

    /** Whether the refusal is because the contract does not exist (HTTP 404 rather than 400/409). */
    public boolean isUnknownContract() {
        return getMessage() != null && getMessage().contains("is not registered");
    }
}
