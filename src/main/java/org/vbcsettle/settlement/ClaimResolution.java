package org.vbcsettle.settlement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reduces originals, replacements (frequency 7) and voids (frequency 8) to the claims in effect: each
 * chain original → replacement → … ends in its latest replacement, or in nothing if voided. The result
 * does not depend on the order of the input. When two records claim to replace the same claim, the one
 * paid later wins (ties: the larger id), so that the outcome is deterministic. An id sent twice with the same
 * content counts once; with different content it is refused ({@link IllegalArgumentException} naming the id
 * and the field), since either choice would depend on input order.
 */
public final class ClaimResolution {

    private ClaimResolution() {
    }

    /** @param orphans replacements or voids whose target claim is not among the inputs */
    public record Result(List<Claim> effective, List<Claim> orphans) {
    }

    /**
     * The replacements and voids whose target claim is not among {@code claims}, by id: what
     * {@link #resolve} ignores, found without resolving the chains (to warn about them before settling).
     */
    public static List<Claim> orphans(List<Claim> claims) {
        Set<String> ids = new HashSet<>();
        claims.forEach(c -> ids.add(c.id()));
        return claims.stream().filter(c -> orphan(c, ids)).sorted(Comparator.comparing(Claim::id)).toList();
    }

    private static boolean orphan(Claim c, Set<String> ids) {
        return c.frequency() != Claim.Frequency.ORIGINAL && (c.replacesClaimId() == null || !ids.contains(c.replacesClaimId()));
    }

    public static Result resolve(List<Claim> claims) {
        Map<String, Claim> byId = new HashMap<>();
        for (Claim c : claims) {
            // a resent id is the same claim; a resent id with other content has no right answer
            Claim first = byId.putIfAbsent(c.id(), c);
            if (first != null) {
                RecordDiff.requireSame("claim", c.id(), first, c);
            }
        }
        // successor of each claim id: the replacement/void that names it
        Map<String, Claim> successor = new HashMap<>();
        List<Claim> orphans = new ArrayList<>();
        Comparator<Claim> laterWins = Comparator.comparing((Claim c) -> c.paidDate() == null ? java.time.LocalDate.MIN : c.paidDate())
                .thenComparing(Claim::id);
        for (Claim c : byId.values()) {
            if (c.frequency() == Claim.Frequency.ORIGINAL) {
                continue;
            }
            if (orphan(c, byId.keySet())) {
                orphans.add(c);
                continue;
            }
            successor.merge(c.replacesClaimId(), c, (a, b) -> laterWins.compare(a, b) >= 0 ? a : b);
        }
        List<Claim> effective = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Claim c : byId.values()) {
            if (c.frequency() != Claim.Frequency.ORIGINAL) {
                continue;
            }
            Claim head = c;
            while (successor.containsKey(head.id()) && seen.add(head.id())) {
                head = successor.get(head.id());
            }
            if (head.frequency() != Claim.Frequency.VOID) {
                effective.add(head);
            }
        }
        effective.sort(Comparator.comparing(Claim::id));
        orphans.sort(Comparator.comparing(Claim::id));
        return new Result(List.copyOf(effective), List.copyOf(orphans));
    }
}
