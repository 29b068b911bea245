package org.vbcsettle.simulation;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Mappers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Contracts and scenarios written out as documents, the way users write them. */
final class SimFixtures {
    private SimFixtures() {
    }

    static Contract contract(String yaml) {
        try {
            return Mappers.yaml().readValue(yaml, Contract.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Scenario scenario(Path dir, String name, String yaml) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, yaml);
            return ScenarioReader.read(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two measures: A (target 0.70) and B (target 0.50), equal weights; $4.00 PMPM scaled by the composite. */
    static final String P4P = """
            id: p4p-test
            name: P4P test
            payer: payer
            provider: provider
            performanceStart: 2024-01-01
            performanceEnd: 2024-12-31
            arrangements:
              - type: quality-incentive
                id: p4p
                measures:
                  - {id: A, weight: 1, target: 0.70}
                  - {id: B, weight: 1, target: 0.50}
                bonus: {method: pmpm, amount: "$4.00"}
                minimumComposite: 0.40
                scaleByComposite: true
            """;

    /** MJRLE at $28,500 less 3%: target $27,645.00; CQS adjustment up to 10%; stop-gain/loss 20%. */
    static final String BUNDLE = """
            id: bundle-test
            name: Bundle test
            payer: payer
            provider: provider
            performanceStart: 2024-01-01
            performanceEnd: 2024-12-31
            arrangements:
              - type: bundled-payment
                id: bpci
                episodes:
                  - {episodeType: MJRLE, anchorDrgs: ["469", "470"], windowDays: 90, targetPrice: "$28,500.00", discount: 0.03}
                winsorization: {bounds: contract-percentiles, lowerPercentile: 0.01, upperPercentile: 0.99}
                qualityAdjustment: {maxAdjustment: 0.10}
                stopGain: 0.20
                stopLoss: 0.20
            """;

    /** The P4P composite is the bundle's CQS. */
    static final String P4P_AND_BUNDLE = """
            id: combined-test
            name: Combined test
            payer: payer
            provider: provider
            performanceStart: 2024-01-01
            performanceEnd: 2024-12-31
            arrangements:
              - type: quality-incentive
                id: p4p
                measures:
                  - {id: A, weight: 1, target: 0.70}
                  - {id: B, weight: 1, target: 0.50}
                bonus: {method: percent-of-paid, percent: 0.01}
                minimumComposite: 0.40
                scaleByComposite: true
              - type: bundled-payment
                id: bpci
                episodes:
                  - {episodeType: MJRLE, anchorDrgs: ["470"], targetPrice: "$28,500.00", discount: 0.03}
                  - {episodeType: CHF, anchorDrgs: ["291"], targetPrice: "$22,400.00", discount: 0.03}
                winsorization: {bounds: contract-percentiles, lowerPercentile: 0.01, upperPercentile: 0.99}
                qualityAdjustment: {maxAdjustment: 0.10, sourceArrangement: p4p}
                stopGain: 0.20
                stopLoss: 0.20
            """;

    /** A population with every source of randomness switched on, for the P4P_AND_BUNDLE contract. */
    static final String RANDOM_COMBINED = """
            name: random combined
            population:
              members: 1500
              monthsEnrolled: {fullYearShare: 0.85}
              riskScore: {distribution: lognormal, mean: 1.0, sigma: 0.5}
              churn: 0.1
            cost:
              noClaimsProbability: 0.1
              tiers:
                - {maxRiskScore: 0.9, severity: {distribution: lognormal, mean: 5000, sigma: 1.0}}
                - {severity: {distribution: gamma, mean: 15000, shape: 0.8}}
              heavyTail: {probability: 0.02, severity: {distribution: pareto, scale: 50000, shape: 2.1}}
            trend: 0.03
            trendSd: 0.02
            quality:
              measures:
                A: {eligibleShare: 0.3, exclusionShare: 0.05, rate: {distribution: beta, alpha: 60, beta: 40}}
                B: {eligibleShare: 0.2, rate: {distribution: uniform, min: 0.3, max: 0.7}}
            episodes:
              MJRLE: {perThousandMemberYears: 15, cost: {distribution: lognormal, mean: 26000, sigma: 0.35}}
              CHF: {perThousandMemberYears: 4, cost: {distribution: gamma, mean: 22000, shape: 4}}
            """;

    /**
     * MSSP-like two-sided terms: $1,085.00 PMPM benchmark (no trend), risk adjusted by the average risk score
     * (baseline 1.0, capped at ±3%); 2% MSR/MLR; 50% sharing with a reported quality score (standard 0.40);
     * cap 10%; sequestration 2%; losses 30%, limited to 4% of the benchmark. TRUNCATION is replaced by a
     * per-member truncation line where a test needs one.
     */
    static final String MSSP = """
            id: mssp-test
            name: MSSP test
            payer: CMS
            provider: ACO
            performanceStart: 2024-01-01
            performanceEnd: 2024-12-31
            arrangements:
              - type: shared-savings
                id: mssp
                benchmark:
                  method: pmpm
                  baselinePmpm: "$1,085.00"
                  trend: 0
                  trendYears: 0
                  riskAdjustment: {baselineRiskScore: 1.0, cap: 0.03}
                minimumSavingsRate: {method: fixed, rate: 0.02}
                sharingRate: 0.50
                quality: {standard: 0.40, alternative: 0.10}
                savingsCap: 0.10
                sequestration: 0.02
                TRUNCATION
                downside:
                  minimumLossRate: {method: fixed, rate: 0.02}
                  lossRate: {method: fixed, rate: 0.30}
                  lossLimit: {percentOfBenchmark: 0.04}
            """;

    static String mssp(String truncation) {
        return MSSP.replace("TRUNCATION", truncation == null ? "" : "truncation: \"" + truncation + "\"");
    }

    /** Shared savings gated by the contract's own two-measure composite (as the combined example contract). */
    static final String GATED_SAVINGS = """
            id: gated-test
            name: Gated savings test
            payer: payer
            provider: provider
            performanceStart: 2024-01-01
            performanceEnd: 2024-12-31
            arrangements:
              - type: quality-incentive
                id: quality
                measures:
                  - {id: A, weight: 1, target: 0.70}
                  - {id: B, weight: 1, target: 0.50}
                bonus: {method: pool, amount: "$50,000.00"}
                minimumComposite: 0.40
                scaleByComposite: true
              - type: shared-savings
                id: savings
                benchmark:
                  method: pmpm
                  baselinePmpm: "$1,000.00"
                  trend: 0.03
                  trendYears: 1
                  riskAdjustment: {baselineRiskScore: 1.0, cap: 0.03}
                minimumSavingsRate: {method: cms-table}
                sharingRate: 0.60
                quality: {sourceArrangement: quality, standard: 0.70, alternative: 0.40}
                savingsCap: 0.15
                truncation: "$100,000.00"
                downside:
                  minimumLossRate: {method: cms-table}
                  lossRate: {method: quality-scaled, k: 0.75, floor: 0.40, ceiling: 0.75}
                  lossLimit: {percentOfBenchmark: 0.15}
            """;
}
