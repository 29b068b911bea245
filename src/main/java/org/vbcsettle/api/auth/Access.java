package org.vbcsettle.api.auth;

/**
 * Who may read and write a contract. A contract is owned by its payer (who loads it and sends its data)
 * and seen by its provider; actuaries read everything, admins do everything.
 */
public final class Access {

    private Access() {
    }

    /** The two parties of a contract, as far as access is concerned. */
    public record Parties(String payer, String provider) {
    }

    public static boolean canRead(Caller c, Parties p) {
        switch (c.role()) {
            case ADMIN:
            case ACTUARY:
                return true;
            case PAYER:
                return c.party() != null && c.party().equals(p.payer());
            case PROVIDER:
                return c.party() != null && c.party().equals(p.provider());
            default:
                return false;
        }
    }

    /** Load, amend, feed data, settle. */
    public static boolean canWrite(Caller c, Parties p) {
        switch (c.role()) {
            case ADMIN:
                return true;
            case PAYER:
                return c.party() != null && c.party().equals(p.payer());
            default:
                return false;
        }
    }

    /** Acknowledging a payout is done by either party of the contract (payer: sent; provider: received). */
    public static boolean canAcknowledge(Caller c, Parties p) {
        if (c.role() == Role.PROVIDER) {
            return canRead(c, p);
        }
        return canWrite(c, p);
    }
}
