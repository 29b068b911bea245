package org.vbcsettle.api;

import org.vbcsettle.settlement.Statement;

import java.util.List;

/**
 * The reply to a settlement run.
 *
 * @param payout         the payout this settlement issued (null when nothing was due)
 * @param triggerPayouts benchmark payouts found due while settling
 * @param repeated       the period had already been settled with this kind: the stored statement, nothing paid
 * @param notes          why a benchmark found met while settling paid nothing now; empty when none
 */
public record SettlementRun(Statement statement, PayoutView payout, List<PayoutView> triggerPayouts, boolean repeated,
                                List<String> notes) {
    public SettlementRun {
        triggerPayouts = triggerPayouts == null ? List.of() : List.copyOf(triggerPayouts);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
