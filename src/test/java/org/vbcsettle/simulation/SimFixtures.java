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
                winsorization: {lowerPercentile: 0.01, upperPercentile: 0.99}
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
                winsorization: {lowerPercentile: 0.01, upperPercentile: 0.99}
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
}
