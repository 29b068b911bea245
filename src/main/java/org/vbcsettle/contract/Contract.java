package org.vbcsettle.contract;

import java.time.LocalDate;
import java.util.List;

/**
 * One value-based contract between a payer and a provider, as written in a contract document
 * ({@code contracts/*.yaml}). Immutable; an amendment is a new {@code version}. Validate with
 * {@link ContractValidator} before use: the calculators assume validated terms.
 *
 * @param performanceStart first day of the performance year (inclusive)
 * @param performanceEnd   last day of the performance year (inclusive)
 * @param payee            who receives its payouts (name, TIN, NPI), for the X12 835; null when not given
 */
public record Contract(
        String id,
        Integer version,
        String name,
        String payer,
        String provider,
        LocalDate performanceStart,
        LocalDate performanceEnd,
        List<Arrangement> arrangements,
        SettlementTerms settlement,
        Payee payee) {

    /** A contract without payee identity (it can settle, but its payouts go on no 835). */
    public Contract(String id, Integer version, String name, String payer, String provider, LocalDate performanceStart,
                    LocalDate performanceEnd, List<Arrangement> arrangements, SettlementTerms settlement) {
        this(id, version, name, payer, provider, performanceStart, performanceEnd, arrangements, settlement, null);
    }

    public Period performancePeriod() {
        return new Period(String.valueOf(performanceStart.getYear()), performanceStart, performanceEnd);
    }

    /** The same contract with other arrangements (e.g. a program's terms filled in). */
    public Contract withArrangements(List<Arrangement> arrangements) {
        return new Contract(id, version, name, payer, provider, performanceStart, performanceEnd, java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arrangements)), settlement);
    }

    public int versionOrDefault() {
        return version == null ? 1 : version;
    }

    public SettlementTerms settlementOrDefault() {
        return settlement == null ? SettlementTerms.DEFAULT : settlement;
    }
}
