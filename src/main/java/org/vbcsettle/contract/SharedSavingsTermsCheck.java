package org.vbcsettle.contract;

import java.math.BigDecimal;
import java.util.Set;

import static org.vbcsettle.contract.TermsChecker.plain;

/** The checks on a shared-savings arrangement: benchmark, rates, quality gate, downside, low-revenue rule. */
final class SharedSavingsTermsCheck {
    private static final int MAX_TREND_YEARS = 10;

    private SharedSavingsTermsCheck() {
    }

    static void check(TermsChecker c, String p, SharedSavings s, Set<String> qualityIds) {
        if (c.required(p + ".benchmark", s.benchmark())) {
            benchmark(c, p + ".benchmark", s.benchmark());
        }
        if (c.required(p + ".minimumSavingsRate", s.minimumSavingsRate())) {
            minimumRate(c, p + ".minimumSavingsRate", s.minimumSavingsRate());
        }
        c.requiredRate(p + ".sharingRate", s.sharingRate());
        if (s.quality() != null) {
            qualityRule(c, p + ".quality", s.quality(), qualityIds);
        }
        c.optionalRate(p + ".savingsCap", s.savingsCap());
        c.optionalRate(p + ".sequestration", s.sequestration());
        if (s.truncation() != null) {
            c.positive(p + ".truncation", s.truncation());
        }
        if (s.downside() != null) {
            downside(c, p + ".downside", s.downside());
        }
        if (s.lowRevenueReducedSharing() != null) {
            lowRevenue(c, p + ".lowRevenueReducedSharing", s.lowRevenueReducedSharing(), s.downside() != null);
        }
    }

    private static void benchmark(TermsChecker c, String b, SharedSavings.Benchmark benchmark) {
        if (benchmark instanceof SharedSavings.Benchmark.Total t) {
            c.positive(b + ".amount", t.amount());
        } else if (benchmark instanceof SharedSavings.Benchmark.Pmpm m) {
            c.positive(b + ".baselinePmpm", m.baselinePmpm());
            if (m.trend() != null) {
                c.between(b + ".trend", m.trend(), BigDecimal.ONE.negate(), BigDecimal.ONE);
            }
            if (m.trendYears() != null && (m.trendYears() < 0 || m.trendYears() > MAX_TREND_YEARS)) {
                c.at(b + ".trendYears", "must be between 0 and " + MAX_TREND_YEARS + ", was " + m.trendYears());
            }
            if (m.trend() != null && m.trend().signum() != 0 && m.trendYears() == null) {
                c.at(b + ".trendYears", "is required when a trend is given");
            }
            if (m.riskAdjustment() != null) {
                riskAdjustment(c, b + ".riskAdjustment", m.riskAdjustment());
            }
        }
    }

    private static void riskAdjustment(TermsChecker c, String p, SharedSavings.RiskAdjustment r) {
        if (r.factor() != null) {
            c.greaterThanZero(p + ".factor", r.factor());
        }
        if (r.baselineRiskScore() != null) {
            c.greaterThanZero(p + ".baselineRiskScore", r.baselineRiskScore());
        }
        if (r.factor() == null && r.baselineRiskScore() == null) {
            c.at(p, "give either a fixed factor or a baselineRiskScore");
        }
        c.optionalRate(p + ".cap", r.cap());
    }

    private static void qualityRule(TermsChecker c, String q, SharedSavings.QualityRule r, Set<String> qualityIds) {
        if (r.sourceArrangement() != null) {
            c.qualityReference(q + ".sourceArrangement", r.sourceArrangement(), qualityIds);
        }
        c.requiredRate(q + ".standard", r.standard());
        if (r.alternative() != null && c.rate(q + ".alternative", r.alternative())
                && r.standard() != null && r.alternative().compareTo(r.standard()) > 0) {
            c.at(q + ".alternative", "must not be above standard (" + plain(r.standard()) + "), was " + plain(r.alternative()));
        }
    }

    private static void minimumRate(TermsChecker c, String p, MinimumRate m) {
        if (m instanceof MinimumRate.Fixed f) {
            c.requiredRate(p + ".rate", f.rate());
        }
    }

    private static void downside(TermsChecker c, String p, SharedSavings.Downside d) {
        if (c.required(p + ".minimumLossRate", d.minimumLossRate())) {
            minimumRate(c, p + ".minimumLossRate", d.minimumLossRate());
        }
        if (c.required(p + ".lossRate", d.lossRate())) {
            lossRate(c, p + ".lossRate", d.lossRate());
        }
        if (c.required(p + ".lossLimit", d.lossLimit())) {
            c.optionalRate(p + ".lossLimit.percentOfRevenue", d.lossLimit().percentOfRevenue());
            c.requiredRate(p + ".lossLimit.percentOfBenchmark", d.lossLimit().percentOfBenchmark());
        }
    }

    private static void lossRate(TermsChecker c, String r, SharedSavings.LossRate lossRate) {
        if (lossRate instanceof SharedSavings.LossRate.Fixed f) {
            c.requiredRate(r + ".rate", f.rate());
        } else if (lossRate instanceof SharedSavings.LossRate.QualityScaled q) {
            boolean k = c.requiredRate(r + ".k", q.k());
            boolean lo = c.requiredRate(r + ".floor", q.floor());
            boolean hi = c.requiredRate(r + ".ceiling", q.ceiling());
            if (k && lo && hi && q.floor().compareTo(q.ceiling()) > 0) {
                c.at(r + ".ceiling", "must not be below floor (" + plain(q.floor()) + "), was " + plain(q.ceiling()));
            }
        }
    }

    private static void lowRevenue(TermsChecker c, String l, SharedSavings.LowRevenueReducedSharing lr, boolean twoSided) {
        c.required(l + ".agreementStart", lr.agreementStart());
        if (lr.minimumAssigned() != null && lr.minimumAssigned() < 0) {
            c.at(l + ".minimumAssigned", "must not be negative, was " + lr.minimumAssigned());
        }
        c.optionalRate(l + ".sharingRateFactor", lr.sharingRateFactor());
        if (twoSided) {
            c.at(l, "applies to one-sided (BASIC A/B) arrangements only; this one has a downside");
        }
    }
}
