package org.vbcsettle.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An actuarial scenario: how a performance year of the contract's population is drawn. Read and validated
 * by {@link ScenarioReader}; the format is documented in {@code simulations/README.md}.
 *
 * @param source     the file it was read from (for error messages and the report)
 * @param tree       the parsed document, kept so that a sweep can change one parameter and re-validate
 * @param contract   path of the contract document, relative to the scenario file (null: given on the command line)
 * @param cost       member cost; null when the contract needs none (a bundle-only contract)
 * @param trend      expected cost trend of the performance year over the cost figures given, e.g. 0.03
 * @param trendSd    uncertainty of the trend: each trial draws its trend from Normal(trend, trendSd)
 * @param trendYears years the trend compounds over (1 when the cost figures are the prior year's)
 * @param quality    quality performance; null when the contract scores no quality
 * @param episodes   episode volumes and costs by episode type; empty when the contract has no bundle
 * @param benchmark  benchmark inputs and reported facts the contract needs
 */
public record Scenario(Path source, JsonNode tree, String name, String description, String contract,
                       Population population, Cost cost, double trend, double trendSd, int trendYears,
                       Quality quality, Map<String, EpisodeSpec> episodes, BenchmarkInputs benchmark) {

    /**
     * @param members       members attributed at the start of the year (the unit of "member-years")
     * @param fullYearShare share of members enrolled all 12 months; the others are enrolled 1–11 months,
     *                      uniformly (new enrollees, deaths, loss of eligibility)
     * @param riskScore     each member's risk score (e.g. CMS-HCC), 1.0 = average
     * @param churn         probability that a member's attribution moves to another provider during the
     *                      year; a new member (fresh risk score and costs) is attributed for the months left
     */
    public record Population(int members, double fullYearShare, Distribution riskScore, double churn) {
    }

    /**
     * Annual cost of a member-year, in the cost year's dollars, before trend; pro-rated by months enrolled.
     *
     * @param noClaimsProbability probability that a member has no claims in the year
     * @param tiers               severity by risk tier, in increasing order of {@code maxRiskScore}; the last
     *                            tier has no bound
     * @param heavyTail           extra cost of high-cost claimants (null: none)
     */
    public record Cost(double noClaimsProbability, List<Tier> tiers, HeavyTail heavyTail) {
    }

    /** @param maxRiskScore members with a risk score up to this (inclusive) fall in the tier; null: no bound */
    public record Tier(Double maxRiskScore, Distribution severity) {
    }

    /** With {@code probability}, a member's cost gets an extra draw from {@code severity} (e.g. Pareto). */
    public record HeavyTail(double probability, Distribution severity) {
    }

    /**
     * @param score    a quality score drawn once per trial, used where the contract takes a reported score
     *                 (a shared-savings quality rule or a bundle's CQS without a source arrangement); may be null
     * @param measures performance of each measure the contract scores, by measure id
     */
    public record Quality(Distribution score, Map<String, MeasureSpec> measures) {
    }

    /**
     * @param eligibleShare  probability that a member is in the measure's denominator
     * @param exclusionShare probability that an eligible member is excluded
     * @param rate           the provider's performance rate, drawn once per trial; each eligible, not
     *                       excluded member is in the numerator with that probability
     */
    public record MeasureSpec(double eligibleShare, double exclusionShare, Distribution rate) {
    }

    /**
     * Exactly one of {@code perThousandMemberYears} (Poisson volume with mean rate × member-years / 1000) and
     * {@code count} (a fixed number of episodes) is set.
     *
     * @param cost episode spend in the cost year's dollars, before trend
     */
    public record EpisodeSpec(Double perThousandMemberYears, Integer count, Distribution cost) {
    }

    /**
     * @param pmpm               replaces a contract's total benchmark by this PMPM × simulated member-months
     *                           (null: the contract's own benchmark)
     * @param participantRevenue provider revenue for revenue-based loss limits (null: unknown)
     * @param lowRevenue         low-revenue ACO (42 CFR 425.605(h))
     * @param disasterShare      share of losses forgiven for extreme and uncontrollable circumstances
     */
    public record BenchmarkInputs(Money pmpm, Money participantRevenue, boolean lowRevenue, BigDecimal disasterShare) {
        public static final BenchmarkInputs NONE = new BenchmarkInputs(null, null, false, null);
    }
}
