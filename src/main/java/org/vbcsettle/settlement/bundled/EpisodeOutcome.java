package org.vbcsettle.settlement.bundled;

import org.vbcsettle.money.Money;

import java.time.LocalDate;

/**
 * One episode of a bundled-payment arrangement, derived from claims (never sent in): opened by an anchor
 * claim, closed {@code windowDays} later; spend = paid amounts of the member's claims in the window.
 *
 * @param id             stable: contract arrangement + anchor claim id
 * @param spend          the episode's own spend (completed on an interim view), before winsorization
 * @param closed         whether the window has ended by the settlement's as-of date
 */
public record EpisodeOutcome(String id, String memberId, String episodeType, String anchorClaimId,
                             LocalDate start, LocalDate end, Money spend, Money target, boolean closed) {

    /**
     * The one definition of the benchmark that triggers an episode's payout: the episode has closed and its
     * own spend is below its target. Its own spend, not the winsorized one: winsorization bounds come from
     * every episode of the type in the period, so they move as episodes are added, and a payout triggered
     * once must not depend on episodes that close later. Winsorized spend is what the reconciliation
     * amount is computed from.
     */
    public boolean closedUnderTarget() {
        return closed && spend.compareTo(target) < 0;
    }

    /**
     * What an advance may count on: a closed episode, or an open one whose spend is already over its target —
     * its spend can only grow, so its shortfall is owed whatever the rest of its window brings. An open episode
     * under its target counts for nothing yet: its remaining days may take it over.
     */
    public boolean knownForAdvance() {
        return closed || spend.compareTo(target) > 0;
    }

    EpisodeOutcome withSpend(Money completedSpend) {
        return new EpisodeOutcome(id, memberId, episodeType, anchorClaimId, start, end, completedSpend, target, closed);
    }
}
