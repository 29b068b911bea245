package org.vbcsettle.ledger.simulation;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.receptionist.Receptionist;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.ContractLoader;
import org.vbcsettle.contract.Mappers;
import org.vbcsettle.simulation.Scenario;
import org.vbcsettle.simulation.ScenarioException;
import org.vbcsettle.simulation.ScenarioReader;
import org.vbcsettle.simulation.SimulationModel;
import org.vbcsettle.simulation.SimulationResult;
import org.vbcsettle.simulation.SimulationRun;
import org.vbcsettle.simulation.Sweep;
import org.vbcsettle.simulation.TrialOutcome;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spreads a run's trials over the {@link SimulationWorker}s of a cluster: contiguous ranges of trial indices
 * dealt to the workers in turn, asked in parallel, gathered on the asking node in trial order. Since a trial depends
 * on (model, seed, trial index) alone, the gathered run equals the run settled on one machine, byte for
 * byte in its results, whatever the number of nodes.
 */
public final class ClusterSimulation {

    private ClusterSimulation() {
    }

    /**
     * The documents a remote node rebuilds the model from: the contract's text, the scenario's text (its
     * parsed tree written back, so that a node needs no file) and the scenario's source name for messages.
     */
    public record Documents(String contractYaml, String scenarioYaml, String scenarioSource) {
        public static Documents of(String contractYaml, Scenario scenario) {
            try {
                return new Documents(contractYaml, Mappers.yaml().writeValueAsString(scenario.tree()), scenario.source().toString());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("scenario cannot be written back: " + e.getMessage(), e);
            }
        }
    }

    /** Binds the model a worker settles: the documents, with a sweep point's changed parameter applied. */
    static SimulationModel bind(String contractYaml, String scenarioYaml, String scenarioSource, List<Sweep.Change> changes) {
        Contract contract = ContractLoader.parse(contractYaml, "contract of " + scenarioSource, ContractLoader.Format.YAML).orThrow();
        Scenario scenario;
        try {
            scenario = ScenarioReader.fromTree(Path.of(scenarioSource), Mappers.yaml().readTree(scenarioYaml));
        } catch (JsonProcessingException e) {
            throw new ScenarioException(scenarioSource + ": " + e.getOriginalMessage());
        }
        for (Sweep.Change c : changes == null ? List.<Sweep.Change>of() : changes) {
            scenario = Sweep.withParameter(scenario, c.path(), c.value());
        }
        return SimulationModel.bind(contract, scenario);
    }

    /**
     * Joins a running cluster through its seed nodes as a member that settles nothing itself (it only asks and
     * gathers), and waits until it is Up. Terminating the returned system leaves the cluster gracefully.
     */
    public static ActorSystem<Void> join(List<String> seedNodes, Duration wait) {
        for (String seed : seedNodes) {
            if (!seed.startsWith("akka://vbc-settle@") || seed.lastIndexOf(':') < "akka://vbc-settle@".length()) {
                throw new IllegalArgumentException("each seed node must look like akka://vbc-settle@host:port, was '" + seed + "'");
            }
        }
        com.typesafe.config.Config config = com.typesafe.config.ConfigFactory.parseMap(java.util.Map.of(
                        "akka.remote.artery.canonical.port", 0,
                        "akka.cluster.seed-nodes", seedNodes,
                        "akka.cluster.roles", List.of("simulation-client")))
                .withFallback(com.typesafe.config.ConfigFactory.load());
        ActorSystem<Void> system = ActorSystem.create(akka.actor.typed.javadsl.Behaviors.empty(), "vbc-settle", config);
        long deadline = System.nanoTime() + wait.toNanos();
        akka.cluster.typed.Cluster cluster = akka.cluster.typed.Cluster.get(system);
        while (cluster.selfMember().status() != akka.cluster.MemberStatus.up()) {
            if (System.nanoTime() > deadline) {
                system.terminate();
                throw new IllegalStateException("did not join the cluster at " + String.join(", ", seedNodes)
                        + " within " + wait.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                system.terminate();
                throw new IllegalStateException("interrupted while joining the cluster", e);
            }
        }
        return system;
    }

    /** The workers registered in the cluster, once at least {@code minimum} are, in a stable order. */
    public static List<ActorRef<SimulationWorker.Request>> workers(ActorSystem<?> system, int minimum, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        for (;;) {
            Set<ActorRef<SimulationWorker.Request>> found;
            try {
                Receptionist.Listing listing = AskPattern.<Receptionist.Command, Receptionist.Listing>ask(system.receptionist(),
                        reply -> Receptionist.find(SimulationWorker.KEY, reply), Duration.ofSeconds(5), system.scheduler())
                        .toCompletableFuture().get(10, TimeUnit.SECONDS);
                found = listing.getServiceInstances(SimulationWorker.KEY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while looking for simulation workers", e);
            } catch (ExecutionException | TimeoutException e) {
                found = Set.of();
            }
            if (found.size() >= Math.max(1, minimum)) {
                List<ActorRef<SimulationWorker.Request>> out = new ArrayList<>(found);
                out.sort(Comparator.comparing(r -> r.path().toString()));
                return out;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("found " + found.size() + " simulation worker(s) in the cluster within "
                        + wait.toSeconds() + " s, wanted at least " + Math.max(1, minimum)
                        + " (a worker runs on every node started with `serve`)");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while looking for simulation workers", e);
            }
        }
    }

    /**
     * A runner for {@link SimulationRun#run(Contract, Scenario, int, long, List, AtomicInteger, SimulationRun.Runner)}
     * that settles each model's trials on the given workers.
     *
     * @param threadsPerNode threads each node uses (null: each node's processors)
     * @param timeout        how long the asking node waits for the slowest range
     */
    public static SimulationRun.Runner runner(ActorSystem<?> system, List<ActorRef<SimulationWorker.Request>> workers,
                                              Documents docs, int trials, long seed, Integer threadsPerNode, Duration timeout) {
        return runner(system, workers, docs, trials, seed, threadsPerNode, timeout, CHUNK_TRIALS);
    }

    /**
     * Trials per request: a reply carries its trials' outcomes (a few hundred bytes each), and must stay well
     * inside the remote transport's frame (Artery's default maximum is 256 KiB).
     */
    public static final int CHUNK_TRIALS = 256;

    /**
     * @param chunkTrials trials per request; the chunks go to the workers in turn, and each worker settles
     *                    its chunks one after the other, each on all of its node's threads
     */
    static SimulationRun.Runner runner(ActorSystem<?> system, List<ActorRef<SimulationWorker.Request>> workers,
                                       Documents docs, int trials, long seed, Integer threadsPerNode, Duration timeout,
                                       int chunkTrials) {
        if (workers.isEmpty()) {
            throw new IllegalArgumentException("no simulation workers");
        }
        return (model, changes, progress) -> {
            long start = System.nanoTime();
            int n = Math.min(workers.size(), trials);
            List<CompletableFuture<SimulationWorker.Reply>> asks = new ArrayList<>();
            int chunks = (trials + chunkTrials - 1) / chunkTrials;
            for (int k = 0; k < chunks; k++) {
                // contiguous ranges of chunkTrials trials (the last may be shorter), dealt to the workers in turn
                int from = k * chunkTrials;
                int to = Math.min(trials, from + chunkTrials);
                ActorRef<SimulationWorker.Request> worker = workers.get(k % n);
                asks.add(AskPattern.<SimulationWorker.Request, SimulationWorker.Reply>ask(worker,
                                reply -> new SimulationWorker.RunRange(docs.contractYaml(), docs.scenarioYaml(), docs.scenarioSource(),
                                        changes, seed, from, to, threadsPerNode, reply), timeout, system.scheduler())
                        .toCompletableFuture()
                        .whenComplete((r, e) -> {
                            if (progress != null && r instanceof SimulationWorker.RangeDone d) {
                                progress.addAndGet(d.outcomes().size());
                            }
                        }));
            }
            List<TrialOutcome> outcomes = new ArrayList<>(trials);
            for (CompletableFuture<SimulationWorker.Reply> ask : asks) {
                SimulationWorker.Reply reply;
                try {
                    reply = ask.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("simulation interrupted", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a simulation worker did not answer: " + e.getCause().getMessage(), e.getCause());
                }
                if (reply instanceof SimulationWorker.RangeFailed f) {
                    throw new IllegalArgumentException(f.node() + ": " + f.message());
                }
                SimulationWorker.RangeDone done = (SimulationWorker.RangeDone) reply;
                if (done.from() != outcomes.size()) {
                    throw new IllegalStateException("range from trial " + done.from() + " answered out of order");
                }
                outcomes.addAll(done.outcomes());
            }
            if (outcomes.size() != trials) {
                throw new IllegalStateException("gathered " + outcomes.size() + " trials, asked for " + trials);
            }
            return new SimulationResult(model, trials, seed, n, List.copyOf(outcomes), System.nanoTime() - start);
        };
    }
}
