package org.vbcsettle.cli;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Mappers;
import org.vbcsettle.simulation.DrawFloor;
import org.vbcsettle.simulation.Scenario;
import org.vbcsettle.simulation.ScenarioException;
import org.vbcsettle.simulation.ScenarioReader;
import org.vbcsettle.simulation.Simulation;
import org.vbcsettle.simulation.SimulationModel;
import org.vbcsettle.simulation.SimulationResult;
import org.vbcsettle.simulation.Summary;
import org.vbcsettle.simulation.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Speed of the Monte Carlo engine in member-years per second, next to the speed of drawing the same random
 * numbers and doing nothing else (the floor), in the same run. By default a built-in two-sided shared-savings
 * contract gated by a four-measure quality composite, so that every part of the member loop is exercised.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Member-years/s of the Monte Carlo engine vs drawing the random numbers alone")
public final class BenchSimulateCommand implements Callable<Integer> {

    @Option(names = "--trials", defaultValue = "10000", description = "trials (default ${DEFAULT-VALUE})") int trials;

    @Option(names = "--members", defaultValue = "10000", description = "members per trial (default ${DEFAULT-VALUE})") int members;

    @Mixin WorkerThreads threads;

    @Option(names = "--seed", defaultValue = "1") long seed;

    @Option(names = "--model", defaultValue = "built-in", paramLabel = "built-in|simple",
            description = "built-in: two-sided savings gated by a quality composite, tiers, tail, churn (default); "
                    + "simple: the numpy peer's model of docs/simulation.md") String modelName;

    @Option(names = "--contract", paramLabel = "FILE", description = "contract to bench instead of the built-in one (with --scenario)") Path contract;

    @Option(names = "--scenario", paramLabel = "FILE", description = "scenario to bench instead of the built-in one; its member count is replaced by --members") Path scenario;

    static final String BUILT_IN_CONTRACT = """
            id: bench-two-sided-aco
            name: Bench - two-sided shared savings gated by a quality composite
            payer: Bench payer
            provider: Bench provider
            performanceStart: 2024-01-01
            performanceEnd: 2024-12-31
            arrangements:
              - type: quality-incentive
                id: quality
                measures:
                  - {id: CBP, weight: 1, minimumDenominator: 30, target: 0.70}
                  - {id: BCS-E, weight: 1, minimumDenominator: 30, target: 0.74}
                  - {id: HBD-PC, weight: 1, minimumDenominator: 30, target: 0.25, lowerIsBetter: true}
                  - {id: COL-E, weight: 1, minimumDenominator: 30, target: 0.70}
                bonus: {method: pmpm, amount: "$2.00"}
                minimumComposite: 0.40
                scaleByComposite: true
              - type: shared-savings
                id: savings
                benchmark:
                  method: pmpm
                  baselinePmpm: "$1,065.00"
                  trend: 0.04
                  trendYears: 1
                  riskAdjustment: {baselineRiskScore: 1.0, cap: 0.03}
                minimumSavingsRate: {method: fixed, rate: 0.02}
                sharingRate: 0.50
                quality: {sourceArrangement: quality, standard: 0.70, alternative: 0.40}
                savingsCap: 0.10
                truncation: "$165,000.00"
                downside:
                  minimumLossRate: {method: fixed, rate: 0.02}
                  lossRate: {method: fixed, rate: 0.30}
                  lossLimit: {percentOfBenchmark: 0.04}
            """;

    static final String BUILT_IN_SCENARIO = """
            name: bench population
            population:
              members: 10000
              monthsEnrolled: {fullYearShare: 0.92}
              riskScore: {distribution: lognormal, mean: 1.0, sigma: 0.45}
              churn: 0.04
            cost:
              noClaimsProbability: 0.06
              tiers:
                - {maxRiskScore: 0.8, severity: {distribution: lognormal, mean: 5500, sigma: 1.1}}
                - {maxRiskScore: 1.4, severity: {distribution: lognormal, mean: 11000, sigma: 1.0}}
                - {severity: {distribution: gamma, mean: 26000, shape: 1.2}}
              heavyTail: {probability: 0.015, severity: {distribution: pareto, scale: 60000, shape: 2.3}}
            trend: 0.04
            trendSd: 0.015
            quality:
              measures:
                CBP:    {eligibleShare: 0.30, exclusionShare: 0.04, rate: {distribution: beta, alpha: 66, beta: 34}}
                BCS-E:  {eligibleShare: 0.12, exclusionShare: 0.02, rate: {distribution: beta, alpha: 73, beta: 27}}
                HBD-PC: {eligibleShare: 0.08, exclusionShare: 0.03, rate: {distribution: beta, alpha: 27, beta: 73}}
                COL-E:  {eligibleShare: 0.35, exclusionShare: 0.01, rate: {distribution: beta, alpha: 69, beta: 31}}
            """;

    /**
     * The model of the ten-line numpy script in docs/simulation.md, the same terms exactly: every member
     * enrolled all year with risk 1.0; no claims with probability 15%, else a lognormal annual cost (mean
     * $12,000, sigma 1.2); each member's cost truncated at $250,000; a fixed benchmark of $875 PMPM
     * ($10,500 per member-year); one-sided savings shared at 50% once they reach the 2% MSR, capped at 10% of
     * the benchmark. No trend, no quality, no churn.
     */
    static final String SIMPLE_CONTRACT = """
            id: bench-simple-one-sided
            name: Bench - one-sided shared savings (the numpy peer's model)
            payer: Bench payer
            provider: Bench provider
            performanceStart: 2024-01-01
            performanceEnd: 2024-12-31
            arrangements:
              - type: shared-savings
                id: savings
                benchmark: {method: pmpm, baselinePmpm: "$875.00"}
                minimumSavingsRate: {method: fixed, rate: 0.02}
                sharingRate: 0.50
                savingsCap: 0.10
                truncation: "$250,000.00"
            """;

    static final String SIMPLE_SCENARIO = """
            name: bench simple population (the numpy peer's model)
            population: {members: 10000}
            cost:
              noClaimsProbability: 0.15
              severity: {distribution: lognormal, mean: 12000, sigma: 1.2}
            """;

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    @Override
    public Integer call() throws Exception {
        int t = threads.count();
        if (trials < 1 || members < 1 || t < 1) {
            System.err.println("bench simulate: --trials, --members and --threads must be >= 1");
            return 2;
        }
        SimulationModel model;
        try {
            Contract c;
            Scenario s;
            if (scenario != null || contract != null) {
                if (scenario == null || contract == null) {
                    System.err.println("bench simulate: give both --contract and --scenario, or neither");
                    return 2;
                }
                c = SimulateCommand.readContract(contract);
                s = ScenarioReader.read(scenario);
            } else if (modelName.equals("built-in")) {
                c = Mappers.yaml().readValue(BUILT_IN_CONTRACT, Contract.class);
                s = ScenarioReader.fromTree(Path.of("(built-in bench scenario)"), Mappers.yaml().readTree(BUILT_IN_SCENARIO));
            } else if (modelName.equals("simple")) {
                c = Mappers.yaml().readValue(SIMPLE_CONTRACT, Contract.class);
                s = ScenarioReader.fromTree(Path.of("(simple bench scenario)"), Mappers.yaml().readTree(SIMPLE_SCENARIO));
            } else {
                System.err.println("bench simulate: --model is built-in or simple, was '" + modelName + "'");
                return 2;
            }
            s = Sweep.withParameter(s, "population.members", BigDecimal.valueOf(members));
            model = SimulationModel.bind(c, s);
        } catch (ScenarioException | IllegalArgumentException e) {
            System.err.println("bench simulate: " + e.getMessage());
            return 2;
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(Locale.ROOT, "bench simulate (%s model): %,d trials x %,d members = %.3g member-years on %d threads (%d processors; load average %.2f at start)%n",
                scenario != null ? "given" : modelName, trials, members, (double) trials * members, t, Runtime.getRuntime().availableProcessors(), load);
        // Warm-up: let the JIT compile both loops and the calculators (about 2·10^7 member-years, at least
        // 1,000 settlements) so that compilation does not count in the timed runs.
        int warm = (int) Math.min(trials, Math.max(1_000L, 20_000_000L / members));
        Simulation.run(model, warm, seed + 1, t, null);
        DrawFloor.run(model, warm, seed + 1, t);

        long cpu0 = processCpuNanos();
        SimulationResult r = Simulation.run(model, trials, seed, t, null);
        long cpu1 = processCpuNanos();
        double simSeconds = r.elapsedNanos() / 1e9;
        long floorNanos = DrawFloor.run(model, trials, seed, t);
        long cpu2 = processCpuNanos();
        double floorSeconds = floorNanos / 1e9;
        double memberYears = (double) trials * members;
        double simRate = memberYears / simSeconds;
        double floorRate = memberYears / floorSeconds;
        System.out.printf(Locale.ROOT, "  simulation (draw, aggregate, settle): %8.2f s  %,14.0f member-years/s%n", simSeconds, simRate);
        System.out.printf(Locale.ROOT, "  drawing the same numbers (floor):    %8.2f s  %,14.0f member-years/s%n", floorSeconds, floorRate);
        System.out.printf(Locale.ROOT, "  simulation / floor rate:             %8.2f%n", simRate / floorRate);
        if (cpu0 >= 0) {
            // CPU time is what this process got, whatever else runs: the figure to compare across busy and idle runs.
            double simCpu = (cpu1 - cpu0) / 1e9;
            double floorCpu = (cpu2 - cpu1) / 1e9;
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "  CPU time: simulation %.2f s (%.1f ns per member-year), floor %.2f s (%.1f ns per member-year)%n",
                    simCpu, simCpu * 1e9 / memberYears, floorCpu, floorCpu * 1e9 / memberYears);
            System.out.printf(Locale.ROOT, "  simulation on %d otherwise idle cores would take about %.2f s%n", cores, simCpu / Math.min(cores, t));
        }
        Summary summary = Summary.of(r);
        System.out.printf(Locale.ROOT, "  outcome: mean payout %s, P(savings earned) %s (compare with the numpy script's figures)%n",
                summary.providerPayout().mean(), summary.probabilitySavingsEarned().toPlainString());
        System.out.printf(Locale.ROOT, "  load average at end: %.2f (other processes on the machine slow both figures alike)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return 0;
    }
}
