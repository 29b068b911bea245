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

    /** A role typed by a person ({@code vbc-settle token --role Payer}): case and surrounding spaces do not matter. */
    public static Role parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * The role a token's claim names, exactly as {@link #claim()} spells it; null for anything else. A token
     * is issued by a machine: {@code " Admin"} is not a spelling of admin but a token nobody here issued.
     */
    public static Role ofClaim(String claim) {
        for (Role r : values()) {
            if (r.claim().equals(claim)) {
                return r;
            }
        }
        return null;
    }

    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }
}
