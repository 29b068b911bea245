package org.vbcsettle.ledger;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.ContractValidator;

import java.util.List;

/**
 * Registers and amends a contract's terms. The terms are checked by {@link ContractValidator}, the same
 * checks as loading a contract file; the ledger adds only its own: the terms are this ledger's contract,
 * and an amendment's version is higher than the current one.
 */
final class TermsDecider {

    private TermsDecider() {
    }

    static ContractDecider.Decision register(ContractState state, Contract c) {
        LedgerReplies.Refusal invalid = invalid(state, c);
        if (invalid != null) {
            return refused(invalid);
        }
        if (state.isRegistered()) {
            if (c.equals(state.contractVersion(c.versionOrDefault()))) {
                return ContractDecider.Decision.reply(new LedgerReplies.ContractReply(state.currentContract(), null)); // resent
            }
            return refused(LedgerReplies.Refusal.conflict("contract " + c.id() + " is already registered (version "
                    + state.currentContract().versionOrDefault() + "); amend it with a higher version instead"));
        }
        return new ContractDecider.Decision(List.of(new ContractEvent.ContractRegistered(c)), new LedgerReplies.ContractReply(c, null));
    }

    /** Needs a registered contract (the decider checks). */
    static ContractDecider.Decision amend(ContractState state, Contract c) {
        LedgerReplies.Refusal invalid = invalid(state, c);
        if (invalid != null) {
            return refused(invalid);
        }
        int current = state.currentContract().versionOrDefault();
        if (c.versionOrDefault() == current && state.currentContract().equals(c)) {
            return ContractDecider.Decision.reply(new LedgerReplies.ContractReply(c, null)); // resent
        }
        if (c.versionOrDefault() <= current) {
            return refused(LedgerReplies.Refusal.conflict("contract " + c.id() + ": amendment version "
                    + c.versionOrDefault() + " must be higher than the current version " + current));
        }
        return new ContractDecider.Decision(List.of(new ContractEvent.ContractAmended(c)), new LedgerReplies.ContractReply(c, null));
    }

    /** Why the terms cannot be this ledger's, each problem naming its field; null when they can. */
    private static LedgerReplies.Refusal invalid(ContractState state, Contract c) {
        if (c == null) {
            return LedgerReplies.Refusal.invalid("contract terms are required");
        }
        if (!state.contractId().equals(c.id())) {
            return LedgerReplies.Refusal.invalid("contract id '" + c.id() + "' does not match the ledger's contract '" + state.contractId() + "'");
        }
        List<String> problems = ContractValidator.validate(c, "contract " + c.id());
        return problems.isEmpty() ? null : LedgerReplies.Refusal.invalid(String.join("; ", problems));
    }

    private static ContractDecider.Decision refused(LedgerReplies.Refusal refusal) {
        return ContractDecider.Decision.reply(new LedgerReplies.ContractReply(null, refusal));
    }
}
