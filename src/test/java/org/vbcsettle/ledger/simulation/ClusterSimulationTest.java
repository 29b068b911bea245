package org.vbcsettle.ledger.simulation;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.ContractLoader;
import org.vbcsettle.simulation.Reports;
import org.vbcsettle.simulation.Scenario;
import org.vbcsettle.simulation.ScenarioReader;
import org.vbcsettle.simulation.SimulationRun;
import org.vbcsettle.simulation.Sweep;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two cluster nodes on loopback, each with its simulation worker: a run spread over both (its messages
 * serialized across the remote link) gives byte for byte the results of the same run on one machine, for the
 * base scenario and for the points of a sweep.
 */
class ClusterSimulationTest {
    private static ActorSystem<Void> nodeA;
    private static ActorSystem<Void> nodeB;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        int portA = freePort();
        int portB = freePort();
        String seed = "akka://vbc-settle@127.0.0.1:" + portA;
        nodeA = ActorSystem.create(Behaviors.empty(), "vbc-settle", nodeConfig(portA, seed));
        nodeB = ActorSystem.create(Behaviors.empty(), "vbc-settle", nodeConfig(portB, seed));
        for (ActorSystem<Void> s : List.of(nodeA, nodeB)) {
            s.systemActorOf(SimulationWorker.create(), "simulation-worker", Props.empty());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(up(nodeA) == 2 && up(nodeB) == 2)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the two nodes did not form a cluster within 30 s");
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        for (ActorSystem<Void> s : new ActorSystem[]{nodeB, nodeA}) {
            if (s != null) {
                s.terminate();
                s.getWhenTerminated().toCompletableFuture().join();
            }
        }
    }

    @Test
    void aRunSpreadOverTwoNodesEqualsTheRunOnOneMachineByteForByte() throws IOException {
        Path scenarioFile = Path.of("simulations", "combined-aco.yaml");
        Path contractFile = Path.of("contracts", "combined-aco.yaml");
        Scenario scenario = Sweep.withParameter(ScenarioReader.read(scenarioFile), "population.members", BigDecimal.valueOf(1500));
        Contract contract = ContractLoader.load(contractFile);
        int trials = 61; // 8 ranges of 8 trials, the last of 5, dealt to the two nodes in turn
        long seed = 2026;
        List<Sweep> sweeps = List.of(Sweep.parse("trend=0.02:0.04:0.02"));

        SimulationRun local = SimulationRun.run(contract, scenario, trials, seed, 2, sweeps, null);

        var workers = ClusterSimulation.workers(nodeA, 2, Duration.ofSeconds(30));
        assertThat(workers).hasSize(2);
        assertThat(workers.stream().map(w -> w.path().address()).distinct()).hasSize(2); // one worker on each node
        var docs = ClusterSimulation.Documents.of(Files.readString(contractFile), scenario);
        SimulationRun spread = SimulationRun.run(contract, scenario, trials, seed, sweeps, null,
                ClusterSimulation.runner(nodeA, workers, docs, trials, seed, 1, Duration.ofSeconds(60), 8));

        Reports.writeAll(dir.resolve("local"), local.result(), local.summary(), local.sweeps(), contractFile.toString());
        Reports.writeAll(dir.resolve("cluster"), spread.result(), spread.summary(), spread.sweeps(), contractFile.toString());
        byte[] one = Files.readAllBytes(dir.resolve("local").resolve("results.csv"));
        assertThat(one.length).isGreaterThan(1000);
        assertThat(Files.readAllBytes(dir.resolve("cluster").resolve("results.csv"))).isEqualTo(one);
        assertThat(spread.summary()).isEqualTo(local.summary());
        assertThat(spread.sweeps()).isEqualTo(local.sweeps());
        // the sweep's points differ from each other, so the changed parameter did reach the remote node
        assertThat(spread.sweeps().get(0).points().get(0).meanPayerNetCost())
                .isNotEqualTo(spread.sweeps().get(0).points().get(1).meanPayerNetCost());
    }

    @Test
    void aFullSizeRangeCrossesTheRemoteLinkInsideItsFrame() throws IOException {
        // the default chunk of trials, with every figure filled in, answered by the worker on the other node
        Path scenarioFile = Path.of("simulations", "combined-aco.yaml");
        Path contractFile = Path.of("contracts", "combined-aco.yaml");
        Scenario scenario = Sweep.withParameter(ScenarioReader.read(scenarioFile), "population.members", BigDecimal.valueOf(50));
        Contract contract = ContractLoader.load(contractFile);
        var remote = ClusterSimulation.workers(nodeA, 2, Duration.ofSeconds(30)).stream()
                .filter(w -> w.path().address().port().isDefined()).toList();
        assertThat(remote).hasSize(1); // the worker of node B, reached over Artery
        int trials = ClusterSimulation.CHUNK_TRIALS;
        var docs = ClusterSimulation.Documents.of(Files.readString(contractFile), scenario);
        SimulationRun spread = SimulationRun.run(contract, scenario, trials, 9, List.of(), null,
                ClusterSimulation.runner(nodeA, remote, docs, trials, 9, 2, Duration.ofSeconds(60)));
        SimulationRun local = SimulationRun.run(contract, scenario, trials, 9, 2, List.of(), null);
        assertThat(spread.result().outcomes()).hasSize(trials);
        assertThat(spread.summary()).isEqualTo(local.summary());
    }

    @Test
    void aDocumentTheNodeCannotBindFailsTheRunNamingTheProblem() throws IOException {
        Path scenarioFile = Path.of("simulations", "combined-aco.yaml");
        Path contractFile = Path.of("contracts", "combined-aco.yaml");
        Scenario scenario = ScenarioReader.read(scenarioFile);
        Contract contract = ContractLoader.load(contractFile);
        var workers = ClusterSimulation.workers(nodeA, 2, Duration.ofSeconds(30));
        var docs = new ClusterSimulation.Documents(Files.readString(contractFile), "name: x\npopulation: {members: 0}\n",
                "broken.yaml");
        SimulationRun.Runner runner = ClusterSimulation.runner(nodeA, workers, docs, 4, 1, 1, Duration.ofSeconds(60));
        assertThatThrownBy(() -> SimulationRun.run(contract, scenario, 4, 1, List.of(), null, runner))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.yaml");
    }

    private static long up(ActorSystem<?> s) {
        long n = 0;
        for (akka.cluster.Member m : Cluster.get(s).state().getMembers()) {
            if (m.status() == MemberStatus.up()) {
                n++;
            }
        }
        return n;
    }

    private static Config nodeConfig(int port, String seed) {
        return ConfigFactory.parseMap(Map.of(
                        "akka.remote.artery.canonical.hostname", "127.0.0.1",
                        "akka.remote.artery.canonical.port", port,
                        "akka.cluster.seed-nodes", List.of(seed),
                        "akka.loglevel", "WARNING"))
                .withFallback(ConfigFactory.load());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
