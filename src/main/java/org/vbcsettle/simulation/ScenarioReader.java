package org.vbcsettle.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.vbcsettle.contract.Mappers;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and validates scenario documents; every error names the file, the field path and the problem. */
public final class ScenarioReader {

    /** Bounds that keep a scenario's aggregates well inside a long of cents and its run time sane. */
    static final int MAX_MEMBERS = 10_000_000;
    static final int MAX_EPISODES = 1_000_000;

    private static final Set<String> AMOUNT_KINDS = Set.of("lognormal", "gamma", "fixed");
    private static final Set<String> TAIL_KINDS = Set.of("pareto", "lognormal", "gamma", "fixed");
    private static final Set<String> RISK_KINDS = Set.of("lognormal", "gamma", "uniform", "fixed");
    private static final Set<String> RATE_KINDS = Set.of("beta", "uniform", "fixed");

    private ScenarioReader() {
    }

    public static Scenario read(Path file) {
        String name = file.toString();
        JsonNode tree;
        try {
            tree = Mappers.yaml().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ScenarioException(name + ": no such file");
        } catch (JsonProcessingException e) {
            throw new ScenarioException(name + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new ScenarioException(name + ": cannot read: " + e.getMessage(), e);
        }
        return fromTree(file, tree);
    }

    /** Validates a parsed document (also used after a sweep changed one parameter of it). */
    public static Scenario fromTree(Path file, JsonNode tree) {
        YamlFields root = YamlFields.root(file.toString(), tree);
        root.allowOnly("name", "description", "contract", "population", "cost", "trend", "trendSd", "trendYears",
                "quality", "episodes", "benchmark");
        String name = root.string("name");
        String description = root.optString("description");
        String contract = root.optString("contract");
        Scenario.Population population = population(root.object("population"));
        Scenario.Cost cost = root.has("cost") ? cost(root.object("cost")) : null;
        double trend = root.greaterThan("trend", root.number("trend", 0.0), -0.5, "a fall of more than half a year's cost is not a trend");
        double trendSd = root.nonNegative("trendSd", root.number("trendSd", 0.0));
        long trendYears = root.has("trendYears") ? root.integer("trendYears") : 1;
        if (trendYears < 0 || trendYears > 10) {
            throw root.error("trendYears", "must be between 0 and 10, was " + trendYears);
        }
        Scenario.Quality quality = root.has("quality") ? quality(root.object("quality")) : null;
        Map<String, Scenario.EpisodeSpec> episodes = root.has("episodes") ? episodes(root.object("episodes")) : Map.of();
        Scenario.BenchmarkInputs benchmark = root.has("benchmark") ? benchmark(root.object("benchmark"))
                : Scenario.BenchmarkInputs.NONE;
        return new Scenario(file, tree, name, description, contract, population, cost, trend, trendSd, (int) trendYears,
                quality, episodes, benchmark);
    }

    private static Scenario.Population population(YamlFields f) {
        f.allowOnly("members", "monthsEnrolled", "riskScore", "churn");
        long members = f.integer("members");
        if (members < 1 || members > MAX_MEMBERS) {
            throw f.error("members", "must be between 1 and " + MAX_MEMBERS + ", was " + members);
        }
        double fullYearShare = 1.0;
        YamlFields months = f.optObject("monthsEnrolled");
        if (months != null) {
            months.allowOnly("fullYearShare");
            fullYearShare = months.probability("fullYearShare", months.number("fullYearShare"));
        }
        Distribution risk = f.has("riskScore") ? distribution(f, "riskScore", RISK_KINDS) : new Distribution.Fixed(1.0);
        if (risk instanceof Distribution.Fixed fixed && !(fixed.value() > 0)) {
            throw f.object("riskScore").error("value", "a risk score must be > 0, was " + YamlFields.fmt(fixed.value()));
        }
        if (risk instanceof Distribution.Uniform u && u.min() < 0) {
            throw f.object("riskScore").error("min", "a risk score must be >= 0, was " + YamlFields.fmt(u.min()));
        }
        double churn = f.probability("churn", f.number("churn", 0.0));
        return new Scenario.Population((int) members, fullYearShare, risk, churn);
    }

    private static Scenario.Cost cost(YamlFields f) {
        f.allowOnly("noClaimsProbability", "severity", "tiers", "heavyTail");
        double noClaims = f.probability("noClaimsProbability", f.number("noClaimsProbability", 0.0));
        if (f.has("severity") == f.has("tiers")) {
            throw f.errorHere("give exactly one of severity (one distribution for every member) and tiers (by risk score)");
        }
        Scenario.HeavyTail tail = heavyTail(f);
        if (f.has("severity")) {
            return new Scenario.Cost(noClaims, List.of(new Scenario.Tier(null, distribution(f, "severity", AMOUNT_KINDS))), tail);
        }
        List<YamlFields> tierFields = f.objectList("tiers");
        if (tierFields.isEmpty()) {
            throw f.error("tiers", "must list at least one tier");
        }
        List<Scenario.Tier> tiers = new ArrayList<>();
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < tierFields.size(); i++) {
            YamlFields t = tierFields.get(i);
            t.allowOnly("maxRiskScore", "severity");
            boolean last = i == tierFields.size() - 1;
            Double max = null;
            if (t.has("maxRiskScore")) {
                if (last) {
                    throw t.error("maxRiskScore", "the last tier takes every higher risk score: leave maxRiskScore out");
                }
                max = t.number("maxRiskScore");
                if (!(max > previous)) {
                    throw t.error("maxRiskScore", "tiers must be in increasing order of maxRiskScore, was "
                            + YamlFields.fmt(max) + " after " + YamlFields.fmt(previous));
                }
                previous = max;
            } else if (!last) {
                throw t.error("maxRiskScore", "is required on every tier but the last");
            }
            tiers.add(new Scenario.Tier(max, distribution(t, "severity", AMOUNT_KINDS)));
        }
        return new Scenario.Cost(noClaims, List.copyOf(tiers), tail);
    }

    private static Scenario.HeavyTail heavyTail(YamlFields f) {
        YamlFields h = f.optObject("heavyTail");
        if (h == null) {
            return null;
        }
        h.allowOnly("probability", "severity");
        return new Scenario.HeavyTail(h.probability("probability", h.number("probability")),
                distribution(h, "severity", TAIL_KINDS));
    }

    private static Scenario.Quality quality(YamlFields f) {
        f.allowOnly("score", "measures");
        Distribution score = f.has("score") ? distribution(f, "score", RATE_KINDS) : null;
        if (score != null) {
            checkUnitInterval(f.object("score"), score);
        }
        Map<String, Scenario.MeasureSpec> measures = new LinkedHashMap<>();
        YamlFields m = f.optObject("measures");
        if (m != null) {
            for (Map.Entry<String, YamlFields> e : m.entries()) {
                YamlFields mf = e.getValue();
                mf.allowOnly("eligibleShare", "exclusionShare", "rate");
                double eligible = mf.probability("eligibleShare", mf.number("eligibleShare"));
                double excluded = mf.probability("exclusionShare", mf.number("exclusionShare", 0.0));
                Distribution rate = distribution(mf, "rate", RATE_KINDS);
                checkUnitInterval(mf.object("rate"), rate);
                measures.put(e.getKey(), new Scenario.MeasureSpec(eligible, excluded, rate));
            }
        }
        return new Scenario.Quality(score, Collections.unmodifiableMap(measures));
    }

    private static void checkUnitInterval(YamlFields f, Distribution d) {
        if (d instanceof Distribution.Fixed fixed) {
            f.probability("value", fixed.value());
        } else if (d instanceof Distribution.Uniform u) {
            f.probability("min", u.min());
            f.probability("max", u.max());
        }
    }

    private static Map<String, Scenario.EpisodeSpec> episodes(YamlFields f) {
        Map<String, Scenario.EpisodeSpec> out = new LinkedHashMap<>();
        for (Map.Entry<String, YamlFields> e : f.entries()) {
            YamlFields ef = e.getValue();
            ef.allowOnly("perThousandMemberYears", "count", "cost");
            boolean rate = ef.has("perThousandMemberYears");
            boolean count = ef.has("count");
            if (rate == count) {
                throw ef.errorHere("give exactly one of perThousandMemberYears (Poisson volume) and count (fixed volume)");
            }
            Double perThousand = rate ? ef.nonNegative("perThousandMemberYears", ef.number("perThousandMemberYears")) : null;
            Integer fixed = null;
            if (count) {
                long c = ef.integer("count");
                if (c < 0 || c > MAX_EPISODES) {
                    throw ef.error("count", "must be between 0 and " + MAX_EPISODES + ", was " + c);
                }
                fixed = (int) c;
            }
            out.put(e.getKey(), new Scenario.EpisodeSpec(perThousand, fixed, distribution(ef, "cost", AMOUNT_KINDS)));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Scenario.BenchmarkInputs benchmark(YamlFields f) {
        f.allowOnly("pmpm", "participantRevenue", "lowRevenue", "disasterShare");
        var pmpm = f.optMoney("pmpm");
        if (pmpm != null && !pmpm.isPositive()) {
            throw f.error("pmpm", "must be > $0.00, was " + pmpm);
        }
        var revenue = f.optMoney("participantRevenue");
        if (revenue != null && revenue.isNegative()) {
            throw f.error("participantRevenue", "must be >= $0.00, was " + revenue);
        }
        BigDecimal disaster = null;
        if (f.has("disasterShare")) {
            disaster = BigDecimal.valueOf(f.probability("disasterShare", f.number("disasterShare")));
        }
        return new Scenario.BenchmarkInputs(pmpm, revenue, f.bool("lowRevenue", false), disaster);
    }

    /** {@code field: {distribution: lognormal, mean: 9000, sigma: 1.1}} and the other kinds. */
    static Distribution distribution(YamlFields parent, String field, Set<String> kinds) {
        YamlFields f = parent.object(field);
        String kind = f.string("distribution");
        if (!kinds.contains(kind)) {
            throw f.error("distribution", "must be one of " + String.join(", ", kinds.stream().sorted().toList())
                    + ", was \"" + kind + "\"");
        }
        switch (kind) {
            case "fixed":
                f.allowOnly("distribution", "value");
                return new Distribution.Fixed(f.nonNegative("value", f.number("value")));
            case "lognormal":
                f.allowOnly("distribution", "mean", "sigma");
                return Distribution.LogNormal.of(f.positive("mean", f.number("mean")), f.positive("sigma", f.number("sigma")));
            case "gamma":
                f.allowOnly("distribution", "mean", "shape");
                return new Distribution.Gamma(f.positive("mean", f.number("mean")), f.positive("shape", f.number("shape")));
            case "pareto":
                f.allowOnly("distribution", "scale", "shape");
                return new Distribution.Pareto(f.positive("scale", f.number("scale")),
                        f.greaterThan("shape", f.number("shape"), 1.0, "a finite mean needs shape > 1"));
            case "beta":
                f.allowOnly("distribution", "alpha", "beta");
                return new Distribution.Beta(f.positive("alpha", f.number("alpha")), f.positive("beta", f.number("beta")));
            case "uniform": {
                f.allowOnly("distribution", "min", "max");
                double min = f.number("min");
                double max = f.number("max");
                if (!(max > min)) {
                    throw f.error("max", "must be > min (" + YamlFields.fmt(min) + "), was " + YamlFields.fmt(max));
                }
                return new Distribution.Uniform(min, max);
            }
            default:
                throw new IllegalStateException(kind);
        }
    }
}
