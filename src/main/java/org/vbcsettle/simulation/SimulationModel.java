package org.vbcsettle.simulation;

import org.vbcsettle.contract.Arrangement;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.contract.SharedSavings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A contract paired with a scenario, checked against each other and compiled into the flat arrays the
 * member loop reads. Every figure a contract's arrangements need must be drawable from the scenario;
 * otherwise the error names the scenario field that is missing and the arrangement that needs it.
 */
public final class SimulationModel {
    final Contract contract;
    final Scenario scenario;
    final List<Arrangement> arrangements;

    // population
    final int members;
    final double fullYearShare;
    final double churn;
    final Distribution risk;
    final FastSampler riskSampler;

    // member cost
    final boolean hasCost;
    final double noClaims;
    final double[] tierMaxRisk;
    final Distribution[] tierSeverity;
    final double tailProbability;
    final Distribution tail;
    final FastSampler[] tierSamplers;
    final FastSampler tailSampler;
    /** Distinct per-member truncation caps of the shared-savings arrangements (cents), in order of first use. */
    final long[] truncationCaps;
    /** For each arrangement: index into {@link #truncationCaps}, or -1. */
    final int[] truncationIndex;

    // quality
    final String[] measureIds;
    final double[] eligible;
    /** eligible × exclusion share: a member whose eligibility uniform falls below it is excluded. */
    final double[] excludedBelow;
    final Distribution[] rates;
    /** The per-trial reported quality score (null: the contract needs none). */
    final Distribution qualityScore;

    // episodes
    final String[] episodeTypes;
    final Scenario.EpisodeSpec[] episodeSpecs;

    private SimulationModel(Contract contract, Scenario scenario) {
        this.contract = contract;
        this.scenario = scenario;
        this.arrangements = List.copyOf(contract.arrangements());
        String file = scenario.source().toString();
        String contractName = "contract '" + contract.id() + "'";

        Scenario.Population p = scenario.population();
        members = p.members();
        fullYearShare = p.fullYearShare();
        churn = p.churn();
        risk = p.riskScore();
        riskSampler = FastSampler.of(risk);

        boolean needsCost = false;
        boolean needsScore = false;
        Set<String> neededMeasures = new LinkedHashSet<>();
        Map<String, String> measureUser = new LinkedHashMap<>();
        Set<String> neededEpisodes = new LinkedHashSet<>();
        Map<String, String> episodeUser = new LinkedHashMap<>();
        List<Long> caps = new ArrayList<>();
        truncationIndex = new int[arrangements.size()];
        for (int i = 0; i < arrangements.size(); i++) {
            Arrangement a = arrangements.get(i);
            truncationIndex[i] = -1;
            if (a instanceof SharedSavings ss) {
                needsCost = true;
                if (ss.quality() != null && ss.quality().sourceArrangement() == null) {
                    needsScore = true;
                }
                if (ss.truncation() != null) {
                    long cap = ss.truncation().cents();
                    int k = caps.indexOf(cap);
                    if (k < 0) {
                        caps.add(cap);
                        k = caps.size() - 1;
                    }
                    truncationIndex[i] = k;
                }
            } else if (a instanceof QualityIncentive qi) {
                if (qi.bonus() instanceof QualityIncentive.Bonus.PercentOfPaid) {
                    needsCost = true;
                }
                for (QualityIncentive.Measure m : qi.measures()) {
                    neededMeasures.add(m.id());
                    measureUser.putIfAbsent(m.id(), a.id());
                }
            } else if (a instanceof BundledPayment bp) {
                if (bp.qualityAdjustment() != null && bp.qualityAdjustment().sourceArrangement() == null) {
                    needsScore = true;
                }
                for (BundledPayment.EpisodeDefinition e : bp.episodes()) {
                    neededEpisodes.add(e.episodeType());
                    episodeUser.putIfAbsent(e.episodeType(), a.id());
                }
            }
        }
        truncationCaps = caps.stream().mapToLong(Long::longValue).toArray();

        Scenario.Cost cost = scenario.cost();
        if (needsCost && cost == null) {
            throw new ScenarioException(file + ": cost: is required: " + contractName
                    + " settles on claims cost (shared savings or a percent-of-paid bonus)");
        }
        hasCost = cost != null;
        if (hasCost) {
            noClaims = cost.noClaimsProbability();
            tierMaxRisk = new double[cost.tiers().size()];
            tierSeverity = new Distribution[cost.tiers().size()];
            for (int i = 0; i < tierMaxRisk.length; i++) {
                Scenario.Tier t = cost.tiers().get(i);
                tierMaxRisk[i] = t.maxRiskScore() == null ? Double.POSITIVE_INFINITY : t.maxRiskScore();
                tierSeverity[i] = t.severity();
            }
            tailProbability = cost.heavyTail() == null ? 0.0 : cost.heavyTail().probability();
            tail = cost.heavyTail() == null ? null : cost.heavyTail().severity();
        } else {
            noClaims = 1.0;
            tierMaxRisk = new double[0];
            tierSeverity = new Distribution[0];
            tailProbability = 0.0;
            tail = null;
        }

        tierSamplers = new FastSampler[tierSeverity.length];
        for (int i = 0; i < tierSeverity.length; i++) {
            tierSamplers[i] = FastSampler.of(tierSeverity[i]);
        }
        tailSampler = tail == null ? null : FastSampler.of(tail);

        Scenario.Quality q = scenario.quality();
        if (needsScore && (q == null || q.score() == null)) {
            throw new ScenarioException(file + ": quality.score: is required: " + contractName
                    + " takes a reported quality score (no source arrangement is named for it)");
        }
        qualityScore = needsScore ? q.score() : null;
        Map<String, Scenario.MeasureSpec> given = q == null ? Map.of() : q.measures();
        for (String id : neededMeasures) {
            if (!given.containsKey(id)) {
                throw new ScenarioException(file + ": quality.measures." + id + ": is required: measure '" + id
                        + "' is scored by arrangement '" + measureUser.get(id) + "' of " + contractName);
            }
        }
        for (String id : given.keySet()) {
            if (!neededMeasures.contains(id)) {
                throw new ScenarioException(file + ": quality.measures." + id + ": " + contractName
                        + " scores no measure '" + id + "' (it scores: " + String.join(", ", neededMeasures) + ")");
            }
        }
        measureIds = neededMeasures.toArray(new String[0]);
        eligible = new double[measureIds.length];
        excludedBelow = new double[measureIds.length];
        rates = new Distribution[measureIds.length];
        for (int j = 0; j < measureIds.length; j++) {
            Scenario.MeasureSpec m = given.get(measureIds[j]);
            eligible[j] = m.eligibleShare();
            excludedBelow[j] = m.eligibleShare() * m.exclusionShare();
            rates[j] = m.rate();
        }

        for (String type : neededEpisodes) {
            if (!scenario.episodes().containsKey(type)) {
                throw new ScenarioException(file + ": episodes." + type + ": is required: episode type '" + type
                        + "' is paid by arrangement '" + episodeUser.get(type) + "' of " + contractName);
            }
        }
        for (String type : scenario.episodes().keySet()) {
            if (!neededEpisodes.contains(type)) {
                throw new ScenarioException(file + ": episodes." + type + ": " + contractName
                        + " pays no episode type '" + type + "' (it pays: " + String.join(", ", neededEpisodes) + ")");
            }
        }
        episodeTypes = neededEpisodes.toArray(new String[0]);
        episodeSpecs = new Scenario.EpisodeSpec[episodeTypes.length];
        for (int k = 0; k < episodeTypes.length; k++) {
            episodeSpecs[k] = scenario.episodes().get(episodeTypes[k]);
        }

        if (scenario.benchmark().pmpm() != null && arrangements.stream().noneMatch(a -> a instanceof SharedSavings)) {
            throw new ScenarioException(file + ": benchmark.pmpm: " + contractName + " has no shared-savings benchmark to replace");
        }
    }

    /** Checks the pair and compiles it; throws {@link ScenarioException} naming the scenario field. */
    public static SimulationModel bind(Contract contract, Scenario scenario) {
        if (contract.arrangements() == null || contract.arrangements().isEmpty()) {
            throw new ScenarioException("contract '" + contract.id() + "' has no arrangements to simulate");
        }
        return new SimulationModel(contract, scenario);
    }

    public Contract contract() {
        return contract;
    }

    public Scenario scenario() {
        return scenario;
    }

    public List<Arrangement> arrangements() {
        return arrangements;
    }

    public int members() {
        return members;
    }
}
