package org.vbcsettle.settlement.bundled;

import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.BundledPayment.EpisodeDefinition;
import org.vbcsettle.contract.Period;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rounding;
import org.vbcsettle.settlement.CannotSettle;
import org.vbcsettle.settlement.Claim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds bundled-payment episodes from the claims in effect, after the BPCI Advanced clinical episode
 * construction:
 * <ul>
 *   <li>An <em>anchor</em> is an inpatient claim whose MS-DRG is one of a definition's {@code anchorDrgs}, or any
 *       claim carrying one of its {@code anchorHcpcs}. A claim anchors at most one episode type: the first
 *       definition, in contract order, that it matches. Any member may anchor an episode (BPCI episodes are
 *       not attribution based).</li>
 *   <li>The episode starts on the anchor's service-from date and ends {@code windowDays} after discharge,
 *       the day of discharge counting as the first day of the window (BPCI Advanced Clinical Episode
 *       Construction Specifications, Model Years 1 and 2, §5.3 "Construct Post-Anchor Period"):
 *       end = serviceThrough + windowDays − 1.</li>
 *   <li>A second anchor of the same type starting inside an episode does not open a new one; it is an
 *       ordinary claim of that episode.</li>
 *   <li>Every other claim of the member whose service-from date falls in [start, end] is part of the
 *       episode. A claim belongs to at most one episode: where episodes of different types overlap, the
 *       one that started first takes it (then the earlier definition, then the smaller anchor id).</li>
 *   <li>Excluded services (§6.2 "Excluded Payments"): an inpatient stay whose MS-DRG is in a definition's
 *       {@code excludedDrgs}, or a claim carrying one of its {@code excludedHcpcs}, adds nothing to an
 *       episode of that type; it may still belong to an overlapping episode of another type.</li>
 *   <li>A claim that starts inside the window and ends after it is prorated by days (§6.3 "Prorate
 *       Claims"): paid × days inside the window ÷ days of the claim, both counted inclusively, to the
 *       nearest cent ({@link #PRORATION_ROUNDING}). An inpatient stay with an MS-DRG is paid per stay, not
 *       per day, and counts whole unless the terms set {@code prorateDrgStays}.</li>
 *   <li>Episodes are built over all the claims given, whatever their dates, so that an episode opened
 *       before the period keeps its claims; only episodes starting inside the period are returned.</li>
 * </ul>
 * The result is sorted by episode id and does not depend on the order of the claims.
 */
final class EpisodeConstruction {

    /** A prorated share of a claim is rounded once, to the nearest cent. */
    static final Rounding PRORATION_ROUNDING = Rounding.NEAREST_CENT;

    private EpisodeConstruction() {
    }

    /** An episode under construction. */
    private static final class Open {
        final int definition;
        final Claim anchor;
        final LocalDate start;
        final LocalDate end;
        Money spend;

        Open(int definition, Claim anchor, LocalDate start, LocalDate end) {
            this.definition = definition;
            this.anchor = anchor;
            this.start = start;
            this.end = end;
            this.spend = paid(anchor);
        }

        boolean covers(LocalDate d) {
            return !d.isBefore(start) && !d.isAfter(end);
        }
    }

    private static final Comparator<Open> PRECEDENCE = Comparator.comparing((Open o) -> o.start)
            .thenComparingInt(o -> o.definition)
            .thenComparing(o -> o.anchor.id());

    private static final Comparator<Claim> ANCHOR_ORDER = Comparator.comparing(Claim::serviceFrom)
            .thenComparing(EpisodeConstruction::discharge)
            .thenComparing(Claim::id);

    static List<EpisodeOutcome> build(BundledPayment terms, List<Claim> claims, Period period) {
        List<EpisodeDefinition> defs = terms.episodes() == null ? List.of() : terms.episodes();
        List<Set<String>> drgs = new ArrayList<>();
        List<Set<String>> hcpcs = new ArrayList<>();
        List<Money> targets = new ArrayList<>();
        List<Exclusions> exclusions = new ArrayList<>();
        for (EpisodeDefinition d : defs) {
            drgs.add(normalised(d.anchorDrgs(), true));
            hcpcs.add(normalised(d.anchorHcpcs(), false));
            targets.add(target(terms, d));
            exclusions.add(new Exclusions(normalised(d.excludedDrgs(), true), normalised(d.excludedHcpcs(), false)));
        }

        Map<String, List<Claim>> byMember = new TreeMap<>();
        for (Claim c : claims) {
            if (c.memberId() == null) {
                throw new CannotSettle("claim " + c.id() + ": memberId is missing");
            }
            byMember.computeIfAbsent(c.memberId(), k -> new ArrayList<>()).add(c);
        }

        List<EpisodeOutcome> out = new ArrayList<>();
        for (Map.Entry<String, List<Claim>> member : byMember.entrySet()) {
            List<Claim> memberClaims = member.getValue();
            memberClaims.sort(Comparator.comparing(Claim::id));
            Set<String> openers = new HashSet<>();
            List<Open> episodes = open(defs, drgs, hcpcs, memberClaims, openers);
            if (episodes.isEmpty()) {
                continue;
            }
            addSpend(episodes, memberClaims, openers, exclusions, terms.prorateDrgStaysOrDefault());
            for (Open e : episodes) {
                if (!period.contains(e.start)) {
                    continue;
                }
                EpisodeDefinition def = defs.get(e.definition);
                out.add(new EpisodeOutcome(terms.id() + ":" + e.anchor.id(), member.getKey(), def.episodeType(),
                        e.anchor.id(), e.start, e.end, e.spend, targets.get(e.definition), !e.end.isAfter(period.end())));
            }
        }
        out.sort(Comparator.comparing(EpisodeOutcome::id));
        return List.copyOf(out);
    }

    /** A member's episodes by anchor claim, per definition; {@code openers} receives the anchors that opened one. */
    private static List<Open> open(List<EpisodeDefinition> defs, List<Set<String>> drgs, List<Set<String>> hcpcs,
                                   List<Claim> memberClaims, Set<String> openers) {
        List<List<Claim>> anchorsByDef = new ArrayList<>();
        for (int i = 0; i < defs.size(); i++) {
            anchorsByDef.add(new ArrayList<>());
        }
        for (Claim c : memberClaims) {
            int d = anchorDefinition(c, drgs, hcpcs);
            if (d >= 0) {
                requireDates(c);
                anchorsByDef.get(d).add(c);
            }
        }
        List<Open> episodes = new ArrayList<>();
        for (int d = 0; d < defs.size(); d++) {
            List<Claim> anchors = anchorsByDef.get(d);
            anchors.sort(ANCHOR_ORDER);
            Open current = null;
            for (Claim a : anchors) {
                if (current != null && current.covers(a.serviceFrom())) {
                    continue; // inside an open episode of the same type: an ordinary claim of it
                }
                LocalDate end = discharge(a).plusDays(defs.get(d).windowDaysOrDefault() - 1L);
                current = new Open(d, a, a.serviceFrom(), end);
                episodes.add(current);
                openers.add(a.id());
            }
        }
        episodes.sort(PRECEDENCE);
        return episodes;
    }

    /** The services of one definition left out of its episodes' spend. */
    private record Exclusions(Set<String> drgs, Set<String> hcpcs) {
        boolean excludes(Claim c) {
            if (c.type() == Claim.ClaimType.INPATIENT && c.drg() != null && drgs.contains(normalise(c.drg(), true))) {
                return true;
            }
            return c.hcpcs().stream().anyMatch(h -> h != null && hcpcs.contains(normalise(h, false)));
        }
    }

    /**
     * Each other claim of the member to the first episode (by precedence) whose window covers its service
     * start and whose type does not exclude it.
     */
    private static void addSpend(List<Open> episodes, List<Claim> memberClaims, Set<String> openers,
                                 List<Exclusions> exclusions, boolean prorateDrgStays) {
        for (Claim c : memberClaims) {
            if (openers.contains(c.id())) {
                continue;
            }
            if (c.serviceFrom() == null) {
                throw new CannotSettle("claim " + c.id() + ": serviceFrom is missing");
            }
            for (Open e : episodes) {
                if (e.covers(c.serviceFrom()) && !exclusions.get(e.definition).excludes(c)) {
                    e.spend = e.spend.plus(inWindow(c, e.end, prorateDrgStays));
                    break;
                }
            }
        }
    }

    /**
     * The part of a claim's paid amount that falls in a window ending on {@code end}: whole when the claim
     * ends by then (or is an inpatient stay paid by MS-DRG, unless {@code prorateDrgStays}), else prorated by days.
     */
    static Money inWindow(Claim c, LocalDate end, boolean prorateDrgStays) {
        Money paid = paid(c);
        LocalDate through = c.serviceThrough();
        boolean drgStay = !prorateDrgStays && c.type() == Claim.ClaimType.INPATIENT && c.drg() != null;
        if (through == null || !through.isAfter(end) || drgStay) {
            return paid;
        }
        if (through.isBefore(c.serviceFrom())) {
            throw new CannotSettle("claim " + c.id() + ": serviceThrough (" + through + ") is before serviceFrom ("
                    + c.serviceFrom() + ")");
        }
        long claimDays = ChronoUnit.DAYS.between(c.serviceFrom(), through) + 1;
        long insideDays = ChronoUnit.DAYS.between(c.serviceFrom(), end) + 1;
        BigDecimal share = paid.toDecimalCents().multiply(BigDecimal.valueOf(insideDays))
                .divide(BigDecimal.valueOf(claimDays), 10, RoundingMode.HALF_EVEN);
        return PRORATION_ROUNDING.apply(share);
    }

    /**
     * The final target price of an episode type, built as CMS builds it (Target Price Specifications §4;
     * Reconciliation Specifications, "Calculate Final Target Price"): benchmark price × patient case-mix
     * adjustment × (1 − CMS discount), rounded once to the nearest cent (half away from zero), as BPCI
     * Advanced target prices are published in dollars and cents.
     */
    static Money target(BundledPayment terms, EpisodeDefinition d) {
        String where = "bundled-payment " + terms.id() + ", episode " + d.episodeType();
        if (d.targetPrice() == null) {
            throw new CannotSettle(where + ": targetPrice is missing");
        }
        BigDecimal discount = d.discount() == null ? BigDecimal.ZERO : d.discount();
        if (discount.signum() < 0 || discount.compareTo(BigDecimal.ONE) >= 0) {
            throw new CannotSettle(where + ": discount must be in [0, 1), was " + discount);
        }
        BigDecimal pcma = d.caseMixAdjustment() == null ? BigDecimal.ONE : d.caseMixAdjustment();
        if (pcma.signum() <= 0) {
            throw new CannotSettle(where + ": caseMixAdjustment must be above 0, was " + pcma);
        }
        return d.targetPrice().times(pcma.multiply(BigDecimal.ONE.subtract(discount)), Rounding.NEAREST_CENT);
    }

    private static int anchorDefinition(Claim c, List<Set<String>> drgs, List<Set<String>> hcpcs) {
        String drg = c.type() == Claim.ClaimType.INPATIENT && c.drg() != null ? normalise(c.drg(), true) : null;
        for (int d = 0; d < drgs.size(); d++) {
            if (drg != null && drgs.get(d).contains(drg)) {
                return d;
            }
            for (String h : c.hcpcs()) {
                if (h != null && hcpcs.get(d).contains(normalise(h, false))) {
                    return d;
                }
            }
        }
        return -1;
    }

    /** MS-DRGs are compared without leading zeros ("0470" is DRG 470); HCPCS codes case-insensitively. */
    private static String normalise(String code, boolean drg) {
        String t = code.trim().toUpperCase();
        if (drg) {
            int i = 0;
            while (i < t.length() - 1 && t.charAt(i) == '0') {
                i++;
            }
            t = t.substring(i);
        }
        return t;
    }

    private static Set<String> normalised(List<String> codes, boolean drg) {
        Set<String> s = new HashSet<>();
        if (codes != null) {
            for (String c : codes) {
                s.add(normalise(c, drg));
            }
        }
        return s;
    }

    private static void requireDates(Claim anchor) {
        if (anchor.serviceFrom() == null) {
            throw new CannotSettle("anchor claim " + anchor.id() + ": serviceFrom is missing");
        }
        if (anchor.serviceThrough() != null && anchor.serviceThrough().isBefore(anchor.serviceFrom())) {
            throw new CannotSettle("anchor claim " + anchor.id() + ": serviceThrough ("
                    + anchor.serviceThrough() + ") is before serviceFrom (" + anchor.serviceFrom() + ")");
        }
    }

    /** The anchor's discharge (service-through) date; a one-day procedure without it ends on its start. */
    private static LocalDate discharge(Claim anchor) {
        return anchor.serviceThrough() == null ? anchor.serviceFrom() : anchor.serviceThrough();
    }

    private static Money paid(Claim c) {
        if (c.paidAmount() == null) {
            throw new CannotSettle("claim " + c.id() + ": paidAmount is missing");
        }
        return c.paidAmount();
    }
}
