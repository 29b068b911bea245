package org.vbcsettle.ledger;

import java.util.List;

/**
 * Moves a payout one step along TRIGGERED → APPROVED → DISBURSED → ACKNOWLEDGED; repeating a step is a no-op.
 * Also opens the provider's dispute of a disbursed payout that was remitted short (a flag next to the status).
 */
final class PayoutStatusDecider {

    /** Bounds of a dispute's text (the 835's TRN02 is at most 50 characters). */
    static final int MAX_TRACE = 50;
    static final int MAX_REASON = 500;

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

    /**
     * Opens a dispute on a disbursed payout that a remittance paid short: at most one per payout; the same
     * remittance again (same trace number and remitted amount) is a no-op; another one is refused while the
     * first stands. Refused: unknown payout, not disbursed, not short (remitted at least the amount, or a
     * recoupment, which the provider pays), blank or over-long trace number or reason.
     */
    static ContractDecider.Decision dispute(ContractState state, ContractCommand.DisputePayout c) {
        String key = c.payoutKey();
        Payout p = key == null ? null : state.payout(key);
        if (p == null) {
            return refused(new LedgerReplies.Refusal(LedgerRejection.Reason.UNKNOWN_PAYOUT,
                    "contract " + state.contractId() + " has no payout '" + key + "'"));
        }
        String trace = c.traceNumber() == null ? "" : c.traceNumber().trim();
        String reason = c.reason() == null ? "" : c.reason().trim();
        if (trace.isEmpty() || trace.length() > MAX_TRACE) {
            return refused(LedgerReplies.Refusal.invalid("payout " + key + ": a dispute needs the remittance trace number (1 to "
                    + MAX_TRACE + " characters)"));
        }
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            return refused(LedgerReplies.Refusal.invalid("payout " + key + ": a dispute needs a reason (1 to " + MAX_REASON + " characters)"));
        }
        Payout.Dispute open = p.dispute();
        if (open != null) {
            if (open.traceNumber().equals(trace) && open.remittedCents() == c.remittedCents()) {
                return ContractDecider.Decision.reply(new LedgerReplies.PayoutReply(p, null)); // the same remittance again: no-op
            }
            return refused(new LedgerReplies.Refusal(LedgerRejection.Reason.CONFLICT, "payout " + key
                    + " is already disputed (remittance trace " + open.traceNumber() + ", short " + open.shortCents() + " cents)"));
        }
        if (p.status() != Payout.Status.DISBURSED) {
            return refused(new LedgerReplies.Refusal(LedgerRejection.Reason.FORBIDDEN_TRANSITION,
                    "payout " + key + " is " + p.status() + "; only a DISBURSED payout can be disputed as short-paid"));
        }
        long amount = p.amount().cents();
        if (amount <= 0) {
            return refused(LedgerReplies.Refusal.invalid("payout " + key + " is a recoupment of " + amount
                    + " cents: the provider pays it, so the payer cannot pay it short"));
        }
        if (c.remittedCents() < 0 || c.remittedCents() >= amount) {
            return refused(LedgerReplies.Refusal.invalid("payout " + key + " is not short: remitted " + c.remittedCents()
                    + " cents of " + amount + " (a dispute needs 0 <= remitted < amount)"));
        }
        ContractEvent.PayoutDisputed e = new ContractEvent.PayoutDisputed(key, c.remittedCents(), amount - c.remittedCents(), reason, trace, null);
        return new ContractDecider.Decision(List.of(e), new LedgerReplies.PayoutReply(p.withDispute(e.dispute()), null));
    }

    private static ContractDecider.Decision refused(LedgerReplies.Refusal refusal) {
        return ContractDecider.Decision.reply(new LedgerReplies.PayoutReply(null, refusal));
    }
}
