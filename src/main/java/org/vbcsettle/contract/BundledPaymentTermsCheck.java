package org.vbcsettle.contract;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

import static org.vbcsettle.contract.TermsChecker.plain;

/** The checks on a bundled-payment arrangement: episode definitions, winsorization, quality adjustment, limits. */
final class BundledPaymentTermsCheck {
    private static final Pattern DRG = Pattern.compile("\\d{3}");
    private static final Pattern HCPCS = Pattern.compile("[A-Z0-9]\\d{3}[A-Z0-9]");
    /** BPCI Advanced: the composite quality score moves reconciliation by at most 10%. */
    private static final BigDecimal MAX_CQS_ADJUSTMENT = new BigDecimal("0.10");
    private static final int MAX_WINDOW_DAYS = 365;

    private BundledPaymentTermsCheck() {
    }

    static void check(TermsChecker c, String p, BundledPayment b, Set<String> qualityIds) {
        if (b.episodes() == null || b.episodes().isEmpty()) {
            c.at(p + ".episodes", "needs at least one episode definition");
        } else {
            c.uniqueEntries(p + ".episodes", b.episodes(), "episodeType", "episode type",
                    BundledPayment.EpisodeDefinition::episodeType, (e, d) -> episode(c, e, d));
        }
        if (b.winsorization() != null) {
            winsorization(c, p + ".winsorization", b.winsorization());
        }
        if (b.qualityAdjustment() != null) {
            String q = p + ".qualityAdjustment";
            if (c.required(q + ".maxAdjustment", b.qualityAdjustment().maxAdjustment())) {
                c.between(q + ".maxAdjustment", b.qualityAdjustment().maxAdjustment(), BigDecimal.ZERO, MAX_CQS_ADJUSTMENT);
            }
            if (b.qualityAdjustment().sourceArrangement() != null) {
                c.qualityReference(q + ".sourceArrangement", b.qualityAdjustment().sourceArrangement(), qualityIds);
            }
        }
        c.optionalRate(p + ".stopGain", b.stopGain());
        c.optionalRate(p + ".stopLoss", b.stopLoss());
    }

    private static void episode(TermsChecker c, String e, BundledPayment.EpisodeDefinition d) {
        c.storable(e + ".name", d.name(), TermsChecker.MAX_NAME, true);
        boolean noDrg = d.anchorDrgs() == null || d.anchorDrgs().isEmpty();
        boolean noHcpcs = d.anchorHcpcs() == null || d.anchorHcpcs().isEmpty();
        if (noDrg && noHcpcs) {
            c.at(e, "needs at least one anchor code (anchorDrgs or anchorHcpcs)");
        }
        c.codes(e + ".anchorDrgs", d.anchorDrgs(), DRG, "an MS-DRG of three digits, e.g. 470");
        c.codes(e + ".anchorHcpcs", d.anchorHcpcs(), HCPCS, "a HCPCS/CPT code of five characters, e.g. 27447");
        if (d.windowDays() != null && (d.windowDays() < 1 || d.windowDays() > MAX_WINDOW_DAYS)) {
            c.at(e + ".windowDays", "must be between 1 and " + MAX_WINDOW_DAYS + ", was " + d.windowDays());
        }
        if (c.required(e + ".targetPrice", d.targetPrice())) {
            c.positive(e + ".targetPrice", d.targetPrice());
        }
        c.optionalRate(e + ".discount", d.discount());
    }

    private static void winsorization(TermsChecker c, String w, BundledPayment.Winsorization win) {
        boolean percentiles = win.lowerPercentile() != null || win.upperPercentile() != null;
        boolean cap = win.fixedCap() != null;
        if (percentiles && cap) {
            c.at(w, "give either lowerPercentile and upperPercentile, or fixedCap, not both");
        } else if (!percentiles && !cap) {
            c.at(w, "give either lowerPercentile and upperPercentile, or fixedCap");
        } else if (cap) {
            c.positive(w + ".fixedCap", win.fixedCap());
        } else {
            boolean lo = c.requiredRate(w + ".lowerPercentile", win.lowerPercentile());
            boolean hi = c.requiredRate(w + ".upperPercentile", win.upperPercentile());
            if (lo && hi && win.lowerPercentile().compareTo(win.upperPercentile()) >= 0) {
                c.at(w + ".upperPercentile", "must be above lowerPercentile (" + plain(win.lowerPercentile())
                        + "), was " + plain(win.upperPercentile()));
            }
        }
    }
}
