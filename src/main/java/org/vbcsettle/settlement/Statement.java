package org.vbcsettle.settlement;

import org.vbcsettle.money.Money;

import java.util.List;

/**
 * A settlement statement: the provider's "why this number". {@code total} is the sum of the arrangement
 * amounts (positive: payer pays the provider).
 *
 * @param kind               projected (running view), interim (quarterly) or final
 * @param computedAtSequence the ledger event sequence number the statement was computed at (0 offline)
 */
public record Statement(String contractId, int contractVersion, String periodId, java.time.LocalDate periodStart,
                        java.time.LocalDate periodEnd, Kind kind, long computedAtSequence,
                        List<ArrangementResult> arrangements, Money total) {

    public enum Kind { PROJECTED, INTERIM, FINAL }

    public Statement {
        arrangements = List.copyOf(arrangements);
    }

    public Statement withKindAndSequence(Kind k, long sequence) {
        return new Statement(contractId, contractVersion, periodId, periodStart, periodEnd, k, sequence, arrangements, total);
    }
}
