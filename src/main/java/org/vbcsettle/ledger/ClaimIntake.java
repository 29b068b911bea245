package org.vbcsettle.ledger;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.settlement.Claim;

import java.util.HashMap;
import java.util.Map;

/**
 * Claims as {@link BatchIntake} takes them in. A replacement (7) or void (8) must name the latest claim of
 * its chain, in the ledger or earlier in the batch, so the claim in effect is always the head of its chain.
 * A batch of a contract with a bundled payment looks for episodes that closed under target.
 */
final class ClaimIntake {

    private final ContractState state;
    // replaced claim id → id of the claim of this batch that replaces it
    private final Map<String, String> replacedInBatch = new HashMap<>();

    private static final RecordKind.Words WORDS = new RecordKind.Words("claims", "claim", "the claim's stable id", "claim");

    private ClaimIntake(ContractState state) {
        this.state = state;
    }

    static RecordKind<Claim, LedgerClaim> kind(ContractState state) {
        ClaimIntake claims = new ClaimIntake(state);
        return new RecordKind<>(WORDS, Claim::id, ClaimValidation::claimFields, LedgerClaim::of, state::claim,
                ResentRecords::claim, c -> "send a replacement (frequency 7) naming " + claims.latestOfChain(c.id()),
                claims::references, claims::accepted, ContractEvent.ClaimsRecorded::new, claims::advances);
    }

    /** "it", or the claim that is now the head of the chain when {@code id} was already replaced. */
    private String latestOfChain(String id) {
        String head = id;
        for (int guard = 0; guard < 10_000; guard++) {
            String next = replacedBy(head);
            if (next == null) {
                break;
            }
            head = next;
        }
        return head.equals(id) ? "it" : "the latest claim of its chain, '" + head + "'";
    }

    private String replacedBy(String id) {
        String by = replacedInBatch.get(id);
        return by != null ? by : state.claimBook().replacedBy(id);
    }

    private RecordError references(int i, Claim c, Map<String, LedgerClaim> accepted) {
        if (c.frequency() == Claim.Frequency.ORIGINAL) {
            return null;
        }
        String target = c.replacesClaimId();
        LedgerClaim t = accepted.containsKey(target) ? accepted.get(target) : state.claim(target);
        String what = c.frequency() == Claim.Frequency.VOID ? "void" : "replacement";
        if (t == null) {
            return new RecordError(i, c.id(), "replacesClaimId", what + " names unknown claim '" + target + "'");
        }
        if (t.isVoid()) {
            return new RecordError(i, c.id(), "replacesClaimId", "claim '" + target + "' is a void; a voided claim cannot be replaced");
        }
        String by = replacedBy(target);
        if (by != null) {
            return new RecordError(i, c.id(), "replacesClaimId", "claim '" + target + "' was already replaced by '" + by
                    + "'; a " + what + " must name the latest claim of the chain");
        }
        return null;
    }

    private void accepted(Claim c) {
        if (c.frequency() != Claim.Frequency.ORIGINAL) {
            replacedInBatch.put(c.replacesClaimId(), c.id());
        }
    }

    private BenchmarkAdvances.Advances advances(Map<String, LedgerClaim> accepted) {
        Contract contract = state.currentContract();
        if (!Projection.hasBundledPayment(contract) || state.isClosed(contract.performancePeriod().id())) {
            return BenchmarkAdvances.Advances.NONE;
        }
        EpisodeScope scope = EpisodeScope.after(state, accepted, replacedInBatch);
        return BenchmarkAdvances.pay(state, contract,
                Projection.episodesClosedUnderTarget(contract, scope.claims(), scope.paidThrough()), scope.projectionInputs());
    }
}
