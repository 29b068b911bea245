package org.vbcsettle.settlement;

import org.vbcsettle.money.Money;

import java.time.LocalDate;

/**
 * One episode of a bundled-payment arrangement, derived from claims (never sent in): opened by an anchor
 * claim, closed {@code windowDays} later; spend = paid amounts of the member's claims in the window.
 *
 * @param id             stable: contract arrangement + anchor claim id
 * @param closed         whether the window has ended by the settlement's as-of date
 */
public record EpisodeOutcome(String id, String memberId, String episodeType, String anchorClaimId,
                             LocalDate start, LocalDate end, Money spend, Money target, boolean closed) {
}
