package org.vbcsettle.contract;

import java.util.List;

import static org.vbcsettle.contract.TermsChecker.plain;

/** The checks on a quality-incentive arrangement: measures, their tiers, the bonus and the minimum composite. */
final class QualityIncentiveTermsCheck {

    private QualityIncentiveTermsCheck() {
    }

    static void check(TermsChecker c, String p, QualityIncentive q) {
        if (q.measures() == null || q.measures().isEmpty()) {
            c.at(p + ".measures", "needs at least one measure");
        } else {
            c.uniqueEntries(p + ".measures", q.measures(), "id", "measure id", QualityIncentive.Measure::id,
                    (m, measure) -> measure(c, m, measure));
        }
        if (c.required(p + ".bonus", q.bonus())) {
            bonus(c, p + ".bonus", q.bonus());
        }
        c.optionalRate(p + ".minimumComposite", q.minimumComposite());
    }

    private static void measure(TermsChecker c, String m, QualityIncentive.Measure measure) {
        c.storable(m + ".name", measure.name(), TermsChecker.MAX_NAME, true);
        if (c.required(m + ".weight", measure.weight())) {
            c.greaterThanZero(m + ".weight", measure.weight());
        }
        if (measure.minimumDenominator() != null && measure.minimumDenominator() < 0) {
            c.at(m + ".minimumDenominator", "must not be negative, was " + measure.minimumDenominator());
        }
        boolean hasTiers = measure.tiers() != null && !measure.tiers().isEmpty();
        if (measure.target() == null && !hasTiers) {
            c.at(m, "needs a target or tiers");
        }
        c.optionalRate(m + ".target", measure.target());
        if (hasTiers) {
            tiers(c, m + ".tiers", measure.tiers(), measure.inverse());
        }
    }

    private static void bonus(TermsChecker c, String b, QualityIncentive.Bonus bonus) {
        if (bonus instanceof QualityIncentive.Bonus.Pmpm pm) {
            if (c.required(b + ".amount", pm.amount())) {
                c.positive(b + ".amount", pm.amount());
            }
        } else if (bonus instanceof QualityIncentive.Bonus.Pool pool) {
            if (c.required(b + ".amount", pool.amount())) {
                c.positive(b + ".amount", pool.amount());
            }
        } else if (bonus instanceof QualityIncentive.Bonus.PercentOfPaid pct) {
            c.requiredRate(b + ".percent", pct.percent());
        }
    }

    /**
     * Tiers run from the easiest threshold to the hardest: ascending thresholds for ordinary measures,
     * descending for inverse (lower-is-better) ones; points must not fall as the threshold gets harder.
     */
    private static void tiers(TermsChecker c, String p, List<QualityIncentive.Tier> tiers, boolean inverse) {
        QualityIncentive.Tier prev = null;
        for (int i = 0; i < tiers.size(); i++) {
            String t = p + "[" + i + "]";
            QualityIncentive.Tier tier = tiers.get(i);
            if (tier == null) {
                c.at(t, "is empty");
                prev = null;
                continue;
            }
            boolean th = c.requiredRate(t + ".threshold", tier.threshold());
            boolean pt = c.requiredRate(t + ".points", tier.points());
            if (prev != null && th && prev.threshold() != null) {
                thresholdOrder(c, t + ".threshold", prev, tier, inverse);
            }
            if (prev != null && pt && prev.points() != null && tier.points().compareTo(prev.points()) < 0) {
                c.at(t + ".points", "must not be below the previous tier's points (" + plain(prev.points()) + "), was " + plain(tier.points()));
            }
            prev = tier;
        }
    }

    private static void thresholdOrder(TermsChecker c, String path, QualityIncentive.Tier prev, QualityIncentive.Tier tier,
                                       boolean inverse) {
        int cmp = tier.threshold().compareTo(prev.threshold());
        if (!inverse && cmp <= 0) {
            c.at(path, "tiers must be in ascending order of threshold: must be above "
                    + plain(prev.threshold()) + ", was " + plain(tier.threshold()));
        } else if (inverse && cmp >= 0) {
            c.at(path, "tiers of a lower-is-better measure must be in descending order of threshold: must be below "
                    + plain(prev.threshold()) + ", was " + plain(tier.threshold()));
        }
    }
}
