package org.vbcsettle.contract;

import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The semantic checks on contract terms that Jackson cannot make: required fields, ranges, dates, ids and
 * cross-references. The calculators assume a contract that passed. Every problem names the source, the field
 * path and what is wrong, e.g. {@code contracts/acme.yaml: arrangements[0].sharingRate: must be between 0 and
 * 1, was 1.5}. Used by {@link ContractLoader}, the {@code validate} command and the HTTP API.
 */
public final class ContractValidator {

    /** Ids appear in payout idempotency keys and URLs: keep them to a safe alphabet. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern DRG = Pattern.compile("\\d{3}");
    private static final Pattern HCPCS = Pattern.compile("[A-Z0-9]\\d{3}[A-Z0-9]");
    /** BPCI Advanced: the composite quality score moves reconciliation by at most 10%. */
    private static final BigDecimal MAX_CQS_ADJUSTMENT = new BigDecimal("0.10");
    private static final int MAX_WINDOW_DAYS = 365;
    private static final int MAX_RUN_OUT_MONTHS = 24;

    private ContractValidator() {
    }

    /** Every problem, as printable lines; empty when the contract is valid. */
    public static List<String> validate(Contract contract, String source) {
        return problems(contract, source).stream().map(ContractProblem::toString).collect(Collectors.toList());
    }

    public static List<ContractProblem> problems(Contract contract, String source) {
        Checker c = new Checker(source);
        if (contract == null) {
            c.at("", "the document holds no contract");
            return c.problems;
        }
        checkContract(c, contract);
        return c.problems;
    }

    private static void checkContract(Checker c, Contract k) {
        c.id("id", k.id());
        if (k.version() != null && k.version() < 1) {
            c.at("version", "must be 1 or more, was " + k.version());
        }
        c.text("payer", k.payer());
        c.text("provider", k.provider());
        c.required("performanceStart", k.performanceStart());
        c.required("performanceEnd", k.performanceEnd());
        if (k.performanceStart() != null && k.performanceEnd() != null && !k.performanceEnd().isAfter(k.performanceStart())) {
            c.at("performanceEnd", "must be after performanceStart (" + k.performanceStart() + "), was " + k.performanceEnd());
        }
        if (k.arrangements() == null || k.arrangements().isEmpty()) {
            c.at("arrangements", "needs at least one arrangement");
        } else {
            checkArrangements(c, k.arrangements());
        }
        if (k.settlement() != null) {
            checkSettlement(c, "settlement", k.settlement());
        }
    }

    private static void checkArrangements(Checker c, List<Arrangement> arrangements) {
        Map<String, Integer> firstIndex = new HashMap<>();
        Set<String> qualityIds = new HashSet<>();
        for (Arrangement a : arrangements) {
            if (a instanceof QualityIncentive && a.id() != null) {
                qualityIds.add(a.id());
            }
        }
        for (int i = 0; i < arrangements.size(); i++) {
            Arrangement a = arrangements.get(i);
            String p = "arrangements[" + i + "]";
            if (a == null) {
                c.at(p, "is empty");
                continue;
            }
            if (c.id(p + ".id", a.id())) {
                Integer prev = firstIndex.putIfAbsent(a.id(), i);
                if (prev != null) {
                    c.at(p + ".id", "duplicate id '" + a.id() + "' (also arrangements[" + prev + "].id)");
                }
            }
            if (a instanceof SharedSavings ss) {
                checkSharedSavings(c, p, ss, qualityIds);
            } else if (a instanceof BundledPayment bp) {
                checkBundled(c, p, bp, qualityIds);
            } else if (a instanceof QualityIncentive qi) {
                checkQuality(c, p, qi);
            }
        }
    }

    // ---- shared savings -------------------------------------------------------------------------------

    private static void checkSharedSavings(Checker c, String p, SharedSavings s, Set<String> qualityIds) {
        if (c.required(p + ".benchmark", s.benchmark())) {
            String b = p + ".benchmark";
            if (s.benchmark() instanceof SharedSavings.Benchmark.Total t) {
                c.positive(b + ".amount", t.amount());
            } else if (s.benchmark() instanceof SharedSavings.Benchmark.Pmpm m) {
                c.positive(b + ".baselinePmpm", m.baselinePmpm());
                if (m.trend() != null) {
                    c.between(b + ".trend", m.trend(), BigDecimal.ONE.negate(), BigDecimal.ONE);
                }
                if (m.trendYears() != null && (m.trendYears() < 0 || m.trendYears() > 10)) {
                    c.at(b + ".trendYears", "must be between 0 and 10, was " + m.trendYears());
                }
                if (m.trend() != null && m.trend().signum() != 0 && m.trendYears() == null) {
                    c.at(b + ".trendYears", "is required when a trend is given");
                }
                if (m.riskAdjustment() != null) {
                    checkRiskAdjustment(c, b + ".riskAdjustment", m.riskAdjustment());
                }
            }
        }
        if (c.required(p + ".minimumSavingsRate", s.minimumSavingsRate())) {
            checkMinimumRate(c, p + ".minimumSavingsRate", s.minimumSavingsRate());
        }
        if (c.required(p + ".sharingRate", s.sharingRate())) {
            c.rate(p + ".sharingRate", s.sharingRate());
        }
        if (s.quality() != null) {
            String q = p + ".quality";
            SharedSavings.QualityRule r = s.quality();
            if (r.sourceArrangement() != null) {
                c.qualityReference(q + ".sourceArrangement", r.sourceArrangement(), qualityIds);
            }
            if (c.required(q + ".standard", r.standard())) {
                c.rate(q + ".standard", r.standard());
            }
            if (r.alternative() != null && c.rate(q + ".alternative", r.alternative())
                    && r.standard() != null && r.alternative().compareTo(r.standard()) > 0) {
                c.at(q + ".alternative", "must not be above standard (" + plain(r.standard()) + "), was " + plain(r.alternative()));
            }
        }
        if (s.savingsCap() != null) {
            c.rate(p + ".savingsCap", s.savingsCap());
        }
        if (s.sequestration() != null) {
            c.rate(p + ".sequestration", s.sequestration());
        }
        if (s.truncation() != null) {
            c.positive(p + ".truncation", s.truncation());
        }
        if (s.downside() != null) {
            checkDownside(c, p + ".downside", s.downside());
        }
        if (s.lowRevenueReducedSharing() != null) {
            String l = p + ".lowRevenueReducedSharing";
            SharedSavings.LowRevenueReducedSharing lr = s.lowRevenueReducedSharing();
            c.required(l + ".agreementStart", lr.agreementStart());
            if (lr.minimumAssigned() != null && lr.minimumAssigned() < 0) {
                c.at(l + ".minimumAssigned", "must not be negative, was " + lr.minimumAssigned());
            }
            if (lr.sharingRateFactor() != null) {
                c.rate(l + ".sharingRateFactor", lr.sharingRateFactor());
            }
            if (s.downside() != null) {
                c.at(l, "applies to one-sided (BASIC A/B) arrangements only; this one has a downside");
            }
        }
    }

    private static void checkRiskAdjustment(Checker c, String p, SharedSavings.RiskAdjustment r) {
        if (r.factor() != null) {
            c.greaterThanZero(p + ".factor", r.factor());
        }
        if (r.baselineRiskScore() != null) {
            c.greaterThanZero(p + ".baselineRiskScore", r.baselineRiskScore());
        }
        if (r.factor() == null && r.baselineRiskScore() == null) {
            c.at(p, "give either a fixed factor or a baselineRiskScore");
        }
        if (r.cap() != null) {
            c.rate(p + ".cap", r.cap());
        }
    }

    private static void checkMinimumRate(Checker c, String p, MinimumRate m) {
        if (m instanceof MinimumRate.Fixed f && c.required(p + ".rate", f.rate())) {
            c.rate(p + ".rate", f.rate());
        }
    }

    private static void checkDownside(Checker c, String p, SharedSavings.Downside d) {
        if (c.required(p + ".minimumLossRate", d.minimumLossRate())) {
            checkMinimumRate(c, p + ".minimumLossRate", d.minimumLossRate());
        }
        if (c.required(p + ".lossRate", d.lossRate())) {
            String r = p + ".lossRate";
            if (d.lossRate() instanceof SharedSavings.LossRate.Fixed f) {
                if (c.required(r + ".rate", f.rate())) {
                    c.rate(r + ".rate", f.rate());
                }
            } else if (d.lossRate() instanceof SharedSavings.LossRate.QualityScaled q) {
                boolean k = c.required(r + ".k", q.k()) && c.rate(r + ".k", q.k());
                boolean lo = c.required(r + ".floor", q.floor()) && c.rate(r + ".floor", q.floor());
                boolean hi = c.required(r + ".ceiling", q.ceiling()) && c.rate(r + ".ceiling", q.ceiling());
                if (k && lo && hi && q.floor().compareTo(q.ceiling()) > 0) {
                    c.at(r + ".ceiling", "must not be below floor (" + plain(q.floor()) + "), was " + plain(q.ceiling()));
                }
            }
        }
        if (c.required(p + ".lossLimit", d.lossLimit())) {
            SharedSavings.LossLimit l = d.lossLimit();
            if (l.percentOfRevenue() != null) {
                c.rate(p + ".lossLimit.percentOfRevenue", l.percentOfRevenue());
            }
            if (c.required(p + ".lossLimit.percentOfBenchmark", l.percentOfBenchmark())) {
                c.rate(p + ".lossLimit.percentOfBenchmark", l.percentOfBenchmark());
            }
        }
    }

    // ---- bundled payment ------------------------------------------------------------------------------

    private static void checkBundled(Checker c, String p, BundledPayment b, Set<String> qualityIds) {
        if (b.episodes() == null || b.episodes().isEmpty()) {
            c.at(p + ".episodes", "needs at least one episode definition");
        } else {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < b.episodes().size(); i++) {
                String e = p + ".episodes[" + i + "]";
                BundledPayment.EpisodeDefinition d = b.episodes().get(i);
                if (d == null) {
                    c.at(e, "is empty");
                    continue;
                }
                if (c.id(e + ".episodeType", d.episodeType())) {
                    Integer prev = seen.putIfAbsent(d.episodeType(), i);
                    if (prev != null) {
                        c.at(e + ".episodeType", "duplicate episode type '" + d.episodeType() + "' (also "
                                + p + ".episodes[" + prev + "].episodeType)");
                    }
                }
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
                if (d.discount() != null) {
                    c.rate(e + ".discount", d.discount());
                }
            }
        }
        if (b.winsorization() != null) {
            String w = p + ".winsorization";
            BundledPayment.Winsorization win = b.winsorization();
            boolean percentiles = win.lowerPercentile() != null || win.upperPercentile() != null;
            boolean cap = win.fixedCap() != null;
            if (percentiles && cap) {
                c.at(w, "give either lowerPercentile and upperPercentile, or fixedCap, not both");
            } else if (!percentiles && !cap) {
                c.at(w, "give either lowerPercentile and upperPercentile, or fixedCap");
            } else if (cap) {
                c.positive(w + ".fixedCap", win.fixedCap());
            } else {
                boolean lo = c.required(w + ".lowerPercentile", win.lowerPercentile()) && c.rate(w + ".lowerPercentile", win.lowerPercentile());
                boolean hi = c.required(w + ".upperPercentile", win.upperPercentile()) && c.rate(w + ".upperPercentile", win.upperPercentile());
                if (lo && hi && win.lowerPercentile().compareTo(win.upperPercentile()) >= 0) {
                    c.at(w + ".upperPercentile", "must be above lowerPercentile (" + plain(win.lowerPercentile())
                            + "), was " + plain(win.upperPercentile()));
                }
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
        if (b.stopGain() != null) {
            c.rate(p + ".stopGain", b.stopGain());
        }
        if (b.stopLoss() != null) {
            c.rate(p + ".stopLoss", b.stopLoss());
        }
    }

    // ---- quality incentive ----------------------------------------------------------------------------

    private static void checkQuality(Checker c, String p, QualityIncentive q) {
        if (q.measures() == null || q.measures().isEmpty()) {
            c.at(p + ".measures", "needs at least one measure");
        } else {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < q.measures().size(); i++) {
                String m = p + ".measures[" + i + "]";
                QualityIncentive.Measure measure = q.measures().get(i);
                if (measure == null) {
                    c.at(m, "is empty");
                    continue;
                }
                if (c.id(m + ".id", measure.id())) {
                    Integer prev = seen.putIfAbsent(measure.id(), i);
                    if (prev != null) {
                        c.at(m + ".id", "duplicate measure id '" + measure.id() + "' (also " + p + ".measures[" + prev + "].id)");
                    }
                }
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
                if (measure.target() != null) {
                    c.rate(m + ".target", measure.target());
                }
                if (hasTiers) {
                    checkTiers(c, m + ".tiers", measure.tiers(), measure.inverse());
                }
            }
        }
        if (c.required(p + ".bonus", q.bonus())) {
            String b = p + ".bonus";
            if (q.bonus() instanceof QualityIncentive.Bonus.Pmpm pm) {
                if (c.required(b + ".amount", pm.amount())) {
                    c.positive(b + ".amount", pm.amount());
                }
            } else if (q.bonus() instanceof QualityIncentive.Bonus.Pool pool) {
                if (c.required(b + ".amount", pool.amount())) {
                    c.positive(b + ".amount", pool.amount());
                }
            } else if (q.bonus() instanceof QualityIncentive.Bonus.PercentOfPaid pct) {
                if (c.required(b + ".percent", pct.percent())) {
                    c.rate(b + ".percent", pct.percent());
                }
            }
        }
        if (q.minimumComposite() != null) {
            c.rate(p + ".minimumComposite", q.minimumComposite());
        }
    }

    /**
     * Tiers run from the easiest threshold to the hardest: ascending thresholds for ordinary measures,
     * descending for inverse (lower-is-better) ones; points must not fall as the threshold gets harder.
     */
    private static void checkTiers(Checker c, String p, List<QualityIncentive.Tier> tiers, boolean inverse) {
        QualityIncentive.Tier prev = null;
        for (int i = 0; i < tiers.size(); i++) {
            String t = p + "[" + i + "]";
            QualityIncentive.Tier tier = tiers.get(i);
            if (tier == null) {
                c.at(t, "is empty");
                prev = null;
                continue;
            }
            boolean th = c.required(t + ".threshold", tier.threshold()) && c.rate(t + ".threshold", tier.threshold());
            boolean pt = c.required(t + ".points", tier.points()) && c.rate(t + ".points", tier.points());
            if (prev != null && th && prev.threshold() != null) {
                int cmp = tier.threshold().compareTo(prev.threshold());
                if (!inverse && cmp <= 0) {
                    c.at(t + ".threshold", "tiers must be in ascending order of threshold: must be above "
                            + plain(prev.threshold()) + ", was " + plain(tier.threshold()));
                } else if (inverse && cmp >= 0) {
                    c.at(t + ".threshold", "tiers of a lower-is-better measure must be in descending order of threshold: must be below "
                            + plain(prev.threshold()) + ", was " + plain(tier.threshold()));
                }
            }
            if (prev != null && pt && prev.points() != null && tier.points().compareTo(prev.points()) < 0) {
                c.at(t + ".points", "must not be below the previous tier's points (" + plain(prev.points()) + "), was " + plain(tier.points()));
            }
            prev = tier;
        }
    }

    // ---- settlement terms -----------------------------------------------------------------------------

    private static void checkSettlement(Checker c, String p, SettlementTerms s) {
        if (s.runOutMonths() != null && (s.runOutMonths() < 0 || s.runOutMonths() > MAX_RUN_OUT_MONTHS)) {
            c.at(p + ".runOutMonths", "must be between 0 and " + MAX_RUN_OUT_MONTHS + ", was " + s.runOutMonths());
        }
        if (s.withholdRate() != null) {
            c.rate(p + ".withholdRate", s.withholdRate());
        }
        List<SettlementTerms.CompletionFactor> cfs = s.completionFactorsOrEmpty();
        int prevMonths = -1;
        for (int i = 0; i < cfs.size(); i++) {
            String f = p + ".completionFactors[" + i + "]";
            SettlementTerms.CompletionFactor cf = cfs.get(i);
            if (cf == null) {
                c.at(f, "is empty");
                continue;
            }
            if (cf.monthsOfRunOut() < 0) {
                c.at(f + ".monthsOfRunOut", "must not be negative, was " + cf.monthsOfRunOut());
            } else if (cf.monthsOfRunOut() <= prevMonths) {
                c.at(f + ".monthsOfRunOut", "must be in ascending order: must be above " + prevMonths + ", was " + cf.monthsOfRunOut());
            }
            prevMonths = Math.max(prevMonths, cf.monthsOfRunOut());
            if (c.required(f + ".factor", cf.factor()) && (cf.factor().signum() <= 0 || cf.factor().compareTo(BigDecimal.ONE) > 0)) {
                c.at(f + ".factor", "must be above 0 and at most 1, was " + plain(cf.factor()));
            }
        }
    }

    static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /** Collects problems under one source. Check methods return whether the value passed. */
    private static final class Checker {
        final String source;
        final List<ContractProblem> problems = new ArrayList<>();

        Checker(String source) {
            this.source = source;
        }

        void at(String path, String message) {
            problems.add(new ContractProblem(source, path, message));
        }

        boolean required(String path, Object value) {
            if (value == null) {
                at(path, "is required");
                return false;
            }
            return true;
        }

        boolean text(String path, String value) {
            if (value == null || value.isBlank()) {
                at(path, "is required");
                return false;
            }
            return true;
        }

        boolean id(String path, String value) {
            if (!text(path, value)) {
                return false;
            }
            if (!ID.matcher(value).matches()) {
                at(path, "must be 1 to 64 letters, digits, '.', '_' or '-' (starting with a letter or digit), was '" + value + "'");
                return false;
            }
            return true;
        }

        boolean between(String path, BigDecimal v, BigDecimal lo, BigDecimal hi) {
            if (v.compareTo(lo) < 0 || v.compareTo(hi) > 0) {
                at(path, "must be between " + plain(lo) + " and " + plain(hi) + ", was " + plain(v));
                return false;
            }
            return true;
        }

        boolean rate(String path, BigDecimal v) {
            return between(path, v, BigDecimal.ZERO, BigDecimal.ONE);
        }

        boolean greaterThanZero(String path, BigDecimal v) {
            if (v.signum() <= 0) {
                at(path, "must be greater than 0, was " + plain(v));
                return false;
            }
            return true;
        }

        boolean positive(String path, Money m) {
            if (!required(path, m)) {
                return false;
            }
            if (m.isNegative()) {
                at(path, "must not be negative, was " + m);
                return false;
            }
            if (m.isZero()) {
                at(path, "must be greater than $0.00");
                return false;
            }
            return true;
        }

        void codes(String path, List<String> codes, Pattern pattern, String what) {
            if (codes == null) {
                return;
            }
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i);
                if (code == null || !pattern.matcher(code).matches()) {
                    at(path + "[" + i + "]", "must be " + what + ", was '" + code + "'");
                }
            }
        }

        void qualityReference(String path, String ref, Set<String> qualityIds) {
            if (!qualityIds.contains(ref)) {
                at(path, "refers to '" + ref + "', which is not a quality-incentive arrangement of this contract"
                        + (qualityIds.isEmpty() ? " (it has none)" : " (it has: " + String.join(", ", new java.util.TreeSet<>(qualityIds)) + ")"));
            }
        }
    }
}
