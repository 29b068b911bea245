package org.vbcsettle.settlement;

import org.vbcsettle.money.Money;

import java.time.LocalDate;
import java.util.List;

/** Compact claim builders for the calculator tests. */
public final class TestClaims {

    private TestClaims() {
    }

    public static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    public static Claim inpatient(String id, String member, String from, String through, String drg, String dollars) {
        return new Claim(id, member, Claim.ClaimType.INPATIENT, d(from), d(through), d(through).plusDays(20),
                Money.parseDollars(dollars), null, drg, List.of(), List.of(), "1234567890", null, null);
    }

    public static Claim outpatient(String id, String member, String date, String hcpcs, String dollars) {
        return new Claim(id, member, Claim.ClaimType.OUTPATIENT, d(date), d(date), d(date).plusDays(20),
                Money.parseDollars(dollars), null, null, hcpcs == null ? List.of() : List.of(hcpcs), List.of(),
                "1234567890", null, null);
    }

    public static Claim other(String id, String member, Claim.ClaimType type, String from, String through, String dollars) {
        return new Claim(id, member, type, d(from), d(through), d(through).plusDays(20), Money.parseDollars(dollars),
                null, null, List.of(), List.of(), "1234567890", null, null);
    }

    public static Claim replacement(String id, Claim original, String dollars) {
        return new Claim(id, original.memberId(), original.type(), original.serviceFrom(), original.serviceThrough(),
                original.paidDate().plusDays(30), Money.parseDollars(dollars), null, original.drg(), original.hcpcs(),
                original.diagnoses(), original.billingProvider(), Claim.Frequency.REPLACEMENT, original.id());
    }
}
