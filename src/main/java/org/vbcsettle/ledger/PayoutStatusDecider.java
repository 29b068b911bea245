package org.vbcsettle.ledger;

import java.util.List;

/** Moves a payout one step along TRIGGERED → APPROVED → DISBURSED → ACKNOWLEDGED; repeating a step is a no-op. */
final class PayoutStatusDecider {

    private PayoutStatusDecider() {
    }

    static ContractDecider.Decision change(ContractState state, String key, Payout.Status status) {
        Payout p = key == null ? null : state.payout(key);
        if (p == null) {
            return refused(new LedgerReplies.Refusal(LedgerRejection.Reason.UNKNOWN_PAYOUT,
                    "contract " + state.contractId() + " has no payout '" + key + "'"));
        }
        if (status == null || status == Payout.Status.TRIGGERED || status == Payout.Status.NOTHING_DUE) {
            return refused(LedgerReplies.Refusal.invalid("payout " + key + ": status must be APPROVED, DISBURSED or ACKNOWLEDGED"));
        }
        if (p.status() == status) {
            return ContractDecider.Decision.reply(new LedgerReplies.PayoutReply(p, null)); // repeated: no-op
        }
        if (p.status() == Payout.Status.NOTHING_DUE) {
            return refused(new LedgerReplies.Refusal(LedgerRejection.Reason.FORBIDDEN_TRANSITION,
                    "payout " + key + " is NOTHING_DUE (amount " + p.amount() + "): there is nothing to approve, disburse or acknowledge"));
        }
        if (p.status() != status.previous()) {
            return refused(new LedgerReplies.Refusal(LedgerRejection.Reason.FORBIDDEN_TRANSITION,
                    "payout " + key + " is " + p.status() + "; it must be " + status.previous() + " before it can be " + status));
        }
        return new ContractDecider.Decision(List.of(new ContractEvent.PayoutStatusChanged(key, status)),
                new LedgerReplies.PayoutReply(p.withStatus(status), null));
    }

    private static ContractDecider.Decision refused(LedgerReplies.Refusal refusal) {
        return ContractDecider.Decision.reply(new LedgerReplies.PayoutReply(null, refusal));
    }
}
