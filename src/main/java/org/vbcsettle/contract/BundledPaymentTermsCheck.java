package org.vbcsettle.contract;

import java.math.BigDecimal;
import java.util.List;
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
    /** A patient case-mix adjustment factor far outside this range is a typing error, not a case mix. */
    private static final BigDecimal MIN_CASE_MIX = new BigDecimal("0.1");
    private static final BigDecimal MAX_CASE_MIX = new BigDecimal("10");

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
            if (BundledPayment.NATIONAL.equals(b.winsorization().bounds()) && b.episodes() != null) {
                nationalBoundsPresent(c, p + ".episodes", b.episodes());
            }
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
        if (d.caseMixAdjustment() != null) {
            c.between(e + ".caseMixAdjustment", d.caseMixAdjustment(), MIN_CASE_MIX, MAX_CASE_MIX);
        }
        if (d.nationalBounds() != null) {
            bounds(c, e + ".nationalBounds", d.nationalBounds());
        }
        c.codes(e + ".excludedDrgs", d.excludedDrgs(), DRG, "an MS-DRG of three digits, e.g. 470");
        c.codes(e + ".excludedHcpcs", d.excludedHcpcs(), HCPCS, "a HCPCS/CPT code of five characters, e.g. 27447");
    }

    private static void bounds(TermsChecker c, String b, BundledPayment.SpendBounds bounds) {
        boolean lo = c.required(b + ".lower", bounds.lower()) && c.positive(b + ".lower", bounds.lower());
        boolean hi = c.required(b + ".upper", bounds.upper()) && c.positive(b + ".upper", bounds.upper());
        if (lo && hi && bounds.lower().compareTo(bounds.upper()) >= 0) {
            c.at(b + ".upper", "must be above lower (" + bounds.lower() + "), was " + bounds.upper());
        }
    }

    private static void nationalBoundsPresent(TermsChecker c, String p, List<BundledPayment.EpisodeDefinition> episodes) {
        for (int i = 0; i < episodes.size(); i++) {
            if (episodes.get(i) != null && episodes.get(i).nationalBounds() == null) {
                c.at(p + "[" + i + "].nationalBounds", "is needed when winsorization.bounds is national"
                        + " (CMS's national 1st and 99th percentile spend of the clinical episode)");
            }
        }
    }

    private static void winsorization(TermsChecker c, String w, BundledPayment.Winsorization win) {
        boolean percentiles = win.lowerPercentile() != null || win.upperPercentile() != null;
        boolean cap = win.fixedCap() != null;
        String bounds = win.bounds();
        if (bounds != null && !BundledPayment.NATIONAL.equals(bounds) && !BundledPayment.CONTRACT_PERCENTILES.equals(bounds)) {
            c.at(w + ".bounds", "must be " + BundledPayment.NATIONAL + " or " + BundledPayment.CONTRACT_PERCENTILES
                    + ", was '" + bounds + "'");
        } else if (BundledPayment.NATIONAL.equals(bounds)) {
            if (percentiles || cap) {
                c.at(w, "bounds national takes each episode's nationalBounds; remove lowerPercentile, upperPercentile and fixedCap");
            }
        } else if (percentiles && cap) {
            c.at(w, "give either lowerPercentile and upperPercentile, or fixedCap, not both");
        } else if (!percentiles && !cap) {
            c.at(w, "give bounds: national, or bounds: contract-percentiles with lowerPercentile and upperPercentile, or fixedCap");
        } else if (cap) {
            if (bounds != null) {
                c.at(w + ".bounds", "does not go with fixedCap, was '" + bounds + "'");
            }
            c.positive(w + ".fixedCap", win.fixedCap());
        } else if (bounds == null) {
            c.at(w + ".bounds", "percentiles over this contract's own episodes must be chosen explicitly with"
                    + " bounds: contract-percentiles (CMS winsorizes at national bounds: bounds: national and"
                    + " each episode's nationalBounds)");
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
