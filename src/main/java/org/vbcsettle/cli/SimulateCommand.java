package org.vbcsettle.cli;

import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.ContractException;
import org.vbcsettle.contract.ContractLoader;
import org.vbcsettle.ledger.simulation.ClusterSimulation;
import org.vbcsettle.simulation.Reports;
import org.vbcsettle.simulation.Scenario;
import org.vbcsettle.simulation.ScenarioException;
import org.vbcsettle.simulation.ScenarioReader;
import org.vbcsettle.simulation.SimulationRun;
import org.vbcsettle.simulation.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Monte Carlo simulation of a contract's outcome: each trial draws a performance year member by "
                + "member and settles it with the settlement calculators.")
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--contract", paramLabel = "FILE", description = "contract document (default: the scenario's 'contract' field)") Path contract;

    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "scenario document (simulations/*.yaml)") Path scenario;

    @Option(names = "--trials", defaultValue = "10000", description = "number of trials (default ${DEFAULT-VALUE})") int trials;

    @Option(names = "--seed", defaultValue = "1", description = "random seed; the same seed gives the same results at any thread count (default ${DEFAULT-VALUE})") long seed;

    @Mixin WorkerThreads threads;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory for results.csv, summary.json, report.html (default target/simulations/<scenario>)") Path out;

    @Option(names = "--vary", paramLabel = "PATH=FROM:TO:STEP",
            description = "sensitivity sweep of a numeric scenario parameter, e.g. trend=0.01:0.05:0.01 (repeatable)")
    List<String> vary = new ArrayList<>();

    @Option(names = "--cluster", paramLabel = "SEEDS", arity = "0..1", fallbackValue = "",
            description = "spread the trials over the nodes of a running cluster: its seed nodes, "
                    + "akka://vbc-settle@host:port[,...] (none given: VBC_SEED_NODES); results equal a run on one machine")
    String cluster;

    @Option(names = "--nodes", defaultValue = "1", paramLabel = "N",
            description = "with --cluster: wait until at least N nodes offer their simulation worker (default ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--cluster-timeout", defaultValue = "PT1H", paramLabel = "DURATION",
            description = "with --cluster: how long to wait for the slowest node's trials, ISO-8601 (default ${DEFAULT-VALUE})")
    java.time.Duration clusterTimeout;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        try {
            Scenario sc = ScenarioReader.read(scenario);
            Path contractFile = contract;
            if (contractFile == null) {
                if (sc.contract() == null) {
                    err.println("simulate: give --contract, or name the contract in the scenario's 'contract' field");
                    return 2;
                }
                Path dir = scenario.toAbsolutePath().getParent();
                contractFile = dir == null ? Path.of(sc.contract()) : dir.resolve(sc.contract()).normalize();
            }
            Contract c = readContract(contractFile);
            List<Sweep> sweeps = new ArrayList<>();
            for (String v : vary) {
                sweeps.add(Sweep.parse(v));
            }
            if (trials < 1) {
                err.println("simulate: --trials must be >= 1, was " + trials);
                return 2;
            }
            int t = threads.count();
            if (t < 1) {
                err.println("simulate: --threads must be >= 1, was " + t);
                return 2;
            }
            AtomicInteger progress = new AtomicInteger();
            ProgressBar bar = ProgressBar.startIfTerminal(progress, SimulationRun.totalTrials(trials, sweeps));
            SimulationRun run;
            try {
                run = cluster == null ? SimulationRun.run(c, sc, trials, seed, t, sweeps, progress)
                        : runOnCluster(c, sc, Files.readString(contractFile), sweeps, progress);
            } finally {
                bar.stop();
            }
            System.out.print(Reports.console(run.result(), run.summary(), run.sweeps()));
            Path dir = out != null ? out : Path.of("target", "simulations", stem(scenario));
            Reports.writeAll(dir, run.result(), run.summary(), run.sweeps(), contractFile.toString());
            System.out.println();
            System.out.println("Wrote " + dir.resolve("results.csv") + ", " + dir.resolve("summary.json") + ", " + dir.resolve("report.html"));
            return 0;
        } catch (ScenarioException | IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage());
            return 2;
        } catch (IOException | IllegalStateException e) {
            err.println("simulate: " + e.getMessage());
            return 1;
        }
    }

    private SimulationRun runOnCluster(Contract c, Scenario sc, String contractText, List<Sweep> sweeps, AtomicInteger progress) {
        String seeds = cluster.isBlank() ? System.getenv("VBC_SEED_NODES") : cluster;
        if (seeds == null || seeds.isBlank()) {
            throw new IllegalArgumentException("--cluster: give the cluster's seed nodes, or set VBC_SEED_NODES");
        }
        List<String> seedNodes = java.util.Arrays.stream(seeds.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        akka.actor.typed.ActorSystem<Void> system = ClusterSimulation.join(seedNodes, java.time.Duration.ofSeconds(30));
        try {
            var workers = ClusterSimulation.workers(system, nodes, java.time.Duration.ofSeconds(30));
            System.err.println("simulate: spreading " + trials + " trials over " + workers.size() + " node(s)");
            return SimulationRun.run(c, sc, trials, seed, sweeps, progress, ClusterSimulation.runner(system, workers,
                    ClusterSimulation.Documents.of(contractText, sc), trials, seed, threads.threads, clusterTimeout));
        } finally {
            system.terminate();
            try {
                system.getWhenTerminated().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("simulate: leaving the cluster: " + e);
            }
        }
    }

    /** Loads and validates a contract document; every problem is reported, each naming file and field. */
    static Contract readContract(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such contract file");
        }
        try {
            return ContractLoader.load(file);
        } catch (ContractException e) {
            throw new IllegalArgumentException("contract not loaded:" + System.lineSeparator() + e.getMessage());
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
