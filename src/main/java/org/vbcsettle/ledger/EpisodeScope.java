package org.vbcsettle.ledger;

import org.vbcsettle.settlement.Claim;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the episode check after a claims batch looks at: the claims in effect after the batch of the members
 * it touched (everyone's when the paid-through date enters a later month, since episodes also close as time
 * passes), the paid-through date after the batch, and the inputs of the projection the advances pay against.
 */
record EpisodeScope(List<Claim> claims, LocalDate paidThrough, Projection.Inputs projectionInputs) {

    static EpisodeScope after(ContractState state, Map<String, LedgerClaim> accepted, Map<String, String> replacedInBatch) {
        Set<String> members = new LinkedHashSet<>();
        LocalDate paidThrough = state.paidThrough();
        for (LedgerClaim c : accepted.values()) {
            members.add(c.memberId());
            if (!c.isOriginal()) {
                LedgerClaim t = accepted.containsKey(c.replacesClaimId()) ? accepted.get(c.replacesClaimId()) : state.claim(c.replacesClaimId());
                members.add(t.memberId());
            }
            if (c.paidDate() != null) {
                LocalDate p = LocalDate.ofEpochDay(c.paidDate());
                paidThrough = paidThrough == null || p.isAfter(paidThrough) ? p : paidThrough;
            }
        }
        LocalDate before = state.paidThrough();
        if (paidThrough != null && (before == null || YearMonth.from(paidThrough).isAfter(YearMonth.from(before)))) {
            members.addAll(state.claimBook().members());
        }
        List<Claim> claims = new ArrayList<>();
        for (String m : members) {
            for (String id : state.claimBook().idsOfMember(m)) {
                LedgerClaim c = state.claim(id);
                if (!c.isVoid() && state.claimBook().replacedBy(id) == null && !replacedInBatch.containsKey(id)) {
                    claims.add(c.toEffectiveClaim());
                }
            }
        }
        for (LedgerClaim c : accepted.values()) {
            if (members.contains(c.memberId()) && !c.isVoid() && !replacedInBatch.containsKey(c.id())) {
                claims.add(c.toEffectiveClaim());
            }
        }
        Projection.Inputs inputs = new Projection.Inputs(state.attributionRecords(), () -> allAfter(state, accepted, replacedInBatch),
                state.qualityEventRecords(), lastServiceDate(state.lastServiceDate(), accepted), paidThrough);
        return new EpisodeScope(claims, paidThrough, inputs);
    }

    /** Every claim in effect after the batch. */
    private static List<Claim> allAfter(ContractState state, Map<String, LedgerClaim> accepted, Map<String, String> replacedInBatch) {
        List<Claim> out = new ArrayList<>();
        for (LedgerClaim c : state.claimRecords()) {
            if (state.claimBook().isEffective(c) && !replacedInBatch.containsKey(c.id())) {
                out.add(c.toEffectiveClaim());
            }
        }
        for (LedgerClaim c : accepted.values()) {
            if (!c.isVoid() && !replacedInBatch.containsKey(c.id())) {
                out.add(c.toEffectiveClaim());
            }
        }
        return out;
    }

    private static LocalDate lastServiceDate(LocalDate current, Map<String, LedgerClaim> accepted) {
        LocalDate d = current;
        for (LedgerClaim c : accepted.values()) {
            LocalDate x = c.serviceFromDate();
            d = d == null || x.isAfter(d) ? x : d;
        }
        return d;
    }
}
