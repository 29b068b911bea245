package org.vbcsettle.simulation;

import org.vbcsettle.contract.Arrangement;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.contract.SharedSavings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    /** Risk-score bounds between tiers in thousandths (the member loop compares the rounded score). */
    final long[] tierMaxRiskMilli;
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
    /** P(excluded | eligible). */
    final double[] exclusionShare;
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

        Needs needs = Needs.of(arrangements);
        truncationIndex = needs.truncationIndex();
        truncationCaps = needs.truncationCaps();

        Scenario.Cost cost = scenario.cost();
        if (needs.cost() && cost == null) {
            throw new ScenarioException(file + ": cost: is required: " + contractName
                    + " settles on claims cost (shared savings or a percent-of-paid bonus)");
        }
        hasCost = cost != null;
        List<Scenario.Tier> tiers = hasCost ? cost.tiers() : List.of();
        Scenario.HeavyTail heavyTail = hasCost ? cost.heavyTail() : null;
        noClaims = hasCost ? cost.noClaimsProbability() : 1.0;
        tierMaxRisk = new double[tiers.size()];
        tierSeverity = new Distribution[tiers.size()];
        tierSamplers = new FastSampler[tiers.size()];
        for (int i = 0; i < tierMaxRisk.length; i++) {
            Scenario.Tier t = tiers.get(i);
            tierMaxRisk[i] = t.maxRiskScore() == null ? Double.POSITIVE_INFINITY : t.maxRiskScore();
            tierSeverity[i] = t.severity();
            tierSamplers[i] = FastSampler.of(tierSeverity[i]);
        }
        // a member's tier is chosen from its risk score in thousandths: riskMilli / 1000 <= max  <=>
        // riskMilli <= floor(max * 1000) up to the double rounding of riskMilli * 0.001, which the old
        // comparison had; the integer form is exact to the three decimals a risk score carries
        tierMaxRiskMilli = new long[Math.max(0, tierMaxRisk.length - 1)];
        for (int i = 0; i < tierMaxRiskMilli.length; i++) {
            tierMaxRiskMilli[i] = (long) Math.floor(tierMaxRisk[i] * 1000.0 + 1e-9);
        }
        tailProbability = heavyTail == null ? 0.0 : heavyTail.probability();
        tail = heavyTail == null ? null : heavyTail.severity();
        tailSampler = tail == null ? null : FastSampler.of(tail);

        Scenario.Quality q = scenario.quality();
        if (needs.score() && (q == null || q.score() == null)) {
            throw new ScenarioException(file + ": quality.score: is required: " + contractName
                    + " takes a reported quality score (no source arrangement is named for it)");
        }
        qualityScore = needs.score() ? q.score() : null;
        Map<String, Scenario.MeasureSpec> given = q == null ? Map.of() : q.measures();
        sameNames(file + ": quality.measures.", contractName, "measure", "scored", "scores", needs.measures(), given.keySet());
        measureIds = needs.measures().keySet().toArray(new String[0]);
        eligible = new double[measureIds.length];
        exclusionShare = new double[measureIds.length];
        rates = new Distribution[measureIds.length];
        for (int j = 0; j < measureIds.length; j++) {
            Scenario.MeasureSpec m = given.get(measureIds[j]);
            eligible[j] = m.eligibleShare();
            exclusionShare[j] = m.exclusionShare();
            rates[j] = m.rate();
        }

        sameNames(file + ": episodes.", contractName, "episode type", "paid", "pays", needs.episodes(), scenario.episodes().keySet());
        episodeTypes = needs.episodes().keySet().toArray(new String[0]);
        episodeSpecs = new Scenario.EpisodeSpec[episodeTypes.length];
        for (int k = 0; k < episodeTypes.length; k++) {
            episodeSpecs[k] = scenario.episodes().get(episodeTypes[k]);
        }

        if (scenario.benchmark().pmpm() != null && arrangements.stream().noneMatch(a -> a instanceof SharedSavings)) {
            throw new ScenarioException(file + ": benchmark.pmpm: " + contractName + " has no shared-savings benchmark to replace");
        }
    }

    /**
     * The scenario gives exactly the names (measures, episode types) the contract uses: a missing one names the
     * arrangement that needs it, an extra one lists those the contract has.
     *
     * @param needed each name the contract uses, in order of first use, with the id of the first arrangement using it
     */
    private static void sameNames(String field, String contractName, String what, String used, String uses,
                                  Map<String, String> needed, Set<String> given) {
        for (Map.Entry<String, String> n : needed.entrySet()) {
            if (!given.contains(n.getKey())) {
                throw new ScenarioException(field + n.getKey() + ": is required: " + what + " '" + n.getKey()
                        + "' is " + used + " by arrangement '" + n.getValue() + "' of " + contractName);
            }
        }
        for (String name : given) {
            if (!needed.containsKey(name)) {
                throw new ScenarioException(field + name + ": " + contractName + " " + uses + " no " + what + " '" + name
                        + "' (it " + uses + ": " + String.join(", ", needed.keySet()) + ")");
            }
        }
    }

    /**
     * What a contract's arrangements need from a scenario.
     *
     * @param measures        measure id → the first arrangement scoring it, in order of first use
     * @param episodes        episode type → the first arrangement paying it, in order of first use
     * @param truncationCaps  distinct per-member truncation caps (cents), in order of first use
     * @param truncationIndex for each arrangement: index into truncationCaps, or -1
     */
    private record Needs(boolean cost, boolean score, Map<String, String> measures, Map<String, String> episodes,
                         long[] truncationCaps, int[] truncationIndex) {

        static Needs of(List<Arrangement> arrangements) {
            boolean cost = false;
            boolean score = false;
            Map<String, String> measures = new LinkedHashMap<>();
            Map<String, String> episodes = new LinkedHashMap<>();
            List<Long> caps = new ArrayList<>();
            int[] truncationIndex = new int[arrangements.size()];
            for (int i = 0; i < arrangements.size(); i++) {
                Arrangement a = arrangements.get(i);
                truncationIndex[i] = -1;
                if (a instanceof SharedSavings ss) {
                    cost = true;
                    score |= ss.quality() != null && ss.quality().sourceArrangement() == null;
                    if (ss.truncation() != null) {
                        truncationIndex[i] = indexOf(caps, ss.truncation().cents());
                    }
                } else if (a instanceof QualityIncentive qi) {
                    cost |= qi.bonus() instanceof QualityIncentive.Bonus.PercentOfPaid;
                    for (QualityIncentive.Measure m : qi.measures()) {
                        measures.putIfAbsent(m.id(), a.id());
                    }
                } else if (a instanceof BundledPayment bp) {
                    score |= bp.qualityAdjustment() != null && bp.qualityAdjustment().sourceArrangement() == null;
                    for (BundledPayment.EpisodeDefinition e : bp.episodes()) {
                        episodes.putIfAbsent(e.episodeType(), a.id());
                    }
                }
            }
            return new Needs(cost, score, measures, episodes, caps.stream().mapToLong(Long::longValue).toArray(), truncationIndex);
        }

        /** The position of {@code cap} in {@code caps}, added at the end when it is new. */
        private static int indexOf(List<Long> caps, long cap) {
            int k = caps.indexOf(cap);
            if (k < 0) {
                caps.add(cap);
                k = caps.size() - 1;
            }
            return k;
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
