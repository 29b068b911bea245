package org.vbcsettle.ledger;

/** The ledger cannot start: database unreachable or unreadable, schema not creatable, cluster not joined. */
public final class LedgerStartupException extends RuntimeException {
    public LedgerStartupException(String message) {
        super(message);
    }

    public LedgerStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
