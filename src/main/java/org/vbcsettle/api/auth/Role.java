package org.vbcsettle.api.auth;

import java.util.Locale;

/** The {@code role} claim of a bearer token. */
public enum Role {
    /** reads and writes its own contracts (contract.payer = party) */
    PAYER,
    /** reads its own contracts (contract.provider = party) */
    PROVIDER,
    /** reads every contract */
    ACTUARY,
    /** reads and writes everything */
    ADMIN;

    public static Role parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }
}
