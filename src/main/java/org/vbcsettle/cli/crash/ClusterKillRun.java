package org.vbcsettle.cli.crash;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A cluster of {@code serve} nodes in child JVMs on loopback, on one database (PostgreSQL), every node a seed
 * node. Payers' clients ingest through all nodes at once; each cycle one node, drawn from the seed, is killed
 * with SIGKILL. The survivors' split-brain resolver (keep-majority) downs it after the configured stable-after,
 * the shards it hosted are allocated to the survivors, whose entities recover from the journal; the clients
 * resend what the kill left unanswered (to another node, or after a 503). Once every client has been
 * acknowledged again, everything acknowledged so far is checked through a survivor (every claim counted
 * once, every statement identical, every payout present, no payout key twice), and the killed node is started
 * again (a new incarnation on the same address) for the next cycle. At the end everything is checked through
 * every node, and the payer's disbursement file (the payout read side) for keys twice or missing.
 */
public final class ClusterKillRun {

    /**
     * @param stableAfter how long the survivors' split-brain resolver waits before downing the unreachable node
     * @param askTimeout  the nodes' ledger ask timeout (vbc.ledger.ask-timeout): bounds a request held by the kill
     */
    public record Settings(CrashStore store, int nodes, int clients, int cycles, long seed, int claimsPerBatch,
                           long minKillMillis, long maxKillMillis, Duration stableAfter, Duration askTimeout,
                           long startTimeoutMillis) {
        public Settings {
            if (nodes < 3 || clients < 1 || cycles < 1 || claimsPerBatch < 1 || minKillMillis < 0 || maxKillMillis < minKillMillis) {
                throw new IllegalArgumentException("at least 3 nodes (a majority must survive a kill), 1 client, 1 cycle");
            }
        }
    }

    /**
     * @param recoveries per cycle, the time from the kill until every client had a request acknowledged again
     * @param movedAfter per cycle, the time from the kill until every contract written so far was answered through a
     *                   survivor (the killed node downed, its shards allocated to the survivors)
     */
    public record Report(String store, long seed, int nodes, int cycles, long batches, long claims, long statements,
                         long payouts, int contracts, long unavailable, long connectionFailures, List<Duration> recoveries,
                         List<Duration> movedAfter,
                         Duration slowestRequest, List<String> problems, Duration elapsed) {
        public Duration longestRecovery() {
            return recoveries.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        }
    }

    private ClusterKillRun() {
    }

    public static Report run(Settings s, PrintStream log) throws Exception {
        long t0 = System.nanoTime();
        log.printf("cluster-kill: %d nodes on %s, %d clients, %d cycles, seed %d (replay with --seed %d)%n", s.nodes(),
                s.store().name(), s.clients(), s.cycles(), s.seed(), s.seed());
        String token = CrashRun.payerToken();
        Path work = Files.createTempDirectory("vbc-cluster-kill");
        String classPath = NodeClassPath.ofJars(work);
        String archive = CrashRun.classArchive(s.store(), s.seed(), s.claimsPerBatch(), s.startTimeoutMillis(), work, classPath, token, log);
        int[] ports = freePorts(s.nodes());
        List<String> seeds = new ArrayList<>();
        for (int port : ports) {
            seeds.add("akka://vbc-settle@127.0.0.1:" + port);
        }
        CrashNode[] nodes = new CrashNode[s.nodes()];
        CrashClient[] clients = new CrashClient[s.nodes()];
        List<String> problems = new ArrayList<>();
        List<Duration> recoveries = new ArrayList<>();
        List<Duration> movedAfter = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(s.seed());
        ExecutorService starter = Executors.newFixedThreadPool(s.nodes());
        RidingIngest ingest = new RidingIngest(s.seed(), s.clients(), s.claimsPerBatch(), i -> {
            for (int k = 0; k < clients.length; k++) {
                CrashClient c = clients[(i + k) % clients.length];
                if (c != null) {
                    return c;
                }
            }
            throw new IllegalStateException("no node alive");
        });
        try {
            long started = System.nanoTime();
            List<Future<CrashNode>> starting = new ArrayList<>();
            for (int n = 0; n < s.nodes(); n++) {
                int port = ports[n];
                starting.add(starter.submit(startNode(s, work, classPath, archive, port, seeds, log)));
            }
            Exception failed = null;
            for (int n = 0; n < s.nodes(); n++) {
                try {
                    nodes[n] = starting.get(n).get(); // every member collected, so that finally stops those that started
                    clients[n] = new CrashClient(nodes[n].baseUrl(), token);
                } catch (java.util.concurrent.ExecutionException e) {
                    failed = failed == null ? e : failed;
                }
            }
            if (failed != null) {
                throw failed;
            }
            log.printf("cluster-kill: %d nodes up in %.1f s%n", s.nodes(), (System.nanoTime() - started) / 1e9);
            for (int cycle = 1; cycle <= s.cycles(); cycle++) {
                ingest.start();
                ingest.awaitFirstAcknowledgements(s.startTimeoutMillis());
                long delay = s.minKillMillis() + rng.nextLong(s.maxKillMillis() - s.minKillMillis() + 1);
                Thread.sleep(delay);
                int victim = rng.nextInt(s.nodes());
                long ackedBefore = ingest.acknowledged();
                clients[victim] = null; // the clients turn to the survivors once its connections fail
                long killedAt = System.nanoTime();
                nodes[victim].kill();
                // recovered: every client acknowledged again after the kill (its contract served by a survivor)
                long deadline = killedAt + Duration.ofMinutes(3).toNanos();
                while (!ingest.allAcknowledgedSince(killedAt) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                long recoveredAt = ingest.lastFirstAckAfter(killedAt);
                Duration recovery = recoveredAt == 0 ? null : Duration.ofNanos(recoveredAt - killedAt);
                // a few more writes on the survivors, then stop the clients for the check
                Thread.sleep(Math.max(500, delay / 2));
                ingest.stop();
                long ackedInCycle = ingest.acknowledged();
                for (String f : ingest.failures()) {
                    problems.add("cycle " + cycle + ": " + f);
                    log.println("cluster-kill: " + f);
                }
                ingest.failures().clear();
                if (recovery == null) {
                    problems.add("cycle " + cycle + ": the clients were not acknowledged again within 3 minutes of killing node " + victim);
                } else {
                    recoveries.add(recovery);
                }
                // every contract answered through a survivor: the killed node's shards have moved
                CrashClient survivor = clients[(victim + 1) % s.nodes()];
                RidingIngest.Verified v = ingest.verifyOnceServed(survivor, cycle, killedAt + Duration.ofMinutes(3).toNanos());
                for (String p : v.problems()) {
                    log.println("cluster-kill: " + p);
                    problems.add(p);
                }
                Duration moved = v.servedAtNanos() == 0 ? null : Duration.ofNanos(v.servedAtNanos() - killedAt);
                if (moved != null) {
                    movedAfter.add(moved);
                }
                log.printf("cluster-kill: cycle %d: killed node %d %d ms after the first acknowledgements (%d requests acknowledged "
                                + "before the kill, %d in the cycle); all clients acknowledged again %s after the kill, every "
                                + "contract answered through a survivor after %s; %d 503s, %d connection failures so far%n", cycle,
                        victim, delay, ackedBefore, ackedInCycle,
                        recovery == null ? "never" : "%.1f s".formatted(recovery.toMillis() / 1e3),
                        moved == null ? "never" : "%.1f s".formatted(moved.toMillis() / 1e3), ingest.unavailable(),
                        ingest.connectionFailures());
                if (!problems.isEmpty()) {
                    break;
                }
                long restart = System.nanoTime();
                nodes[victim] = starter.submit(startNode(s, work, classPath, archive, ports[victim], seeds, log)).get();
                clients[victim] = new CrashClient(nodes[victim].baseUrl(), token);
                log.printf("cluster-kill: node %d up again in %.1f s%n", victim, (System.nanoTime() - restart) / 1e9);
            }
            if (problems.isEmpty()) {
                // the last check through every node: each routes every contract to wherever its shard now lives
                for (int n = 0; n < s.nodes(); n++) {
                    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                    for (String p : ingest.verifyOnceServed(clients[n], s.cycles() + 1, deadline).problems()) {
                        log.println("cluster-kill: through node " + n + ": " + p);
                        problems.add("through node " + n + ": " + p);
                    }
                }
            }
            if (problems.isEmpty()) {
                for (String p : ingest.verifyDisbursementFile(clients[0], System.nanoTime() + Duration.ofMinutes(1).toNanos())) {
                    log.println("cluster-kill: " + p);
                    problems.add(p);
                }
            }
        } finally {
            for (CrashNode n : nodes) {
                if (n != null) {
                    n.close();
                }
            }
            starter.shutdownNow();
            CrashRun.deleteTree(work);
        }
        return new Report(s.store().name(), s.seed(), s.nodes(), s.cycles(), ingest.batches(), ingest.claims(), ingest.statements(),
                ingest.payouts(), ingest.contracts(), ingest.unavailable(), ingest.connectionFailures(), List.copyOf(recoveries),
                List.copyOf(movedAfter), Duration.ofNanos(ingest.slowestNanos()), List.copyOf(problems), Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Attempts at starting a member before the run gives up. */
    private static final int START_ATTEMPTS = 3;

    /**
     * Starts a member, again (up to {@link #START_ATTEMPTS} times, each logged) when it exits before it listens:
     * on a machine so loaded that heartbeats are late, the short stable-after of the test may down a member
     * while the cluster forms (a downed member's actor system terminates). The cycles check what the
     * cluster acknowledged, not how it forms.
     */
    private static Callable<CrashNode> startNode(Settings s, Path work, String classPath, String archive, int port, List<String> seeds,
                                                 PrintStream log) {
        Callable<CrashNode> once = startOnce(s, work, classPath, archive, port, seeds);
        return () -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    return once.call();
                } catch (IOException e) {
                    if (attempt == START_ATTEMPTS) {
                        throw e;
                    }
                    log.printf("cluster-kill: the member on port %d exited before it listened (attempt %d); starting it again: %s%n",
                            port, attempt, e.getMessage().lines().findFirst().orElse(""));
                }
            }
        };
    }

    private static Callable<CrashNode> startOnce(Settings s, Path work, String classPath, String archive, int port, List<String> seeds) {
        return () -> CrashNode.start(s.store(), CrashRun.SECRET, work, s.startTimeoutMillis(), classPath, archive,
                List.of("-Dvbc.ledger.ask-timeout=" + s.askTimeout().toMillis() + "ms"),
                Map.of("VBC_NODE_HOST", "127.0.0.1", "VBC_NODE_PORT", Integer.toString(port),
                        "VBC_SEED_NODES", String.join(",", seeds),
                        "VBC_DOWNING_STABLE_AFTER", s.stableAfter().toMillis() + "ms"));
    }

    /** Free loopback ports for the nodes' remoting, held open together so that they differ. */
    private static int[] freePorts(int n) throws IOException {
        ServerSocket[] held = new ServerSocket[n];
        int[] ports = new int[n];
        try {
            for (int i = 0; i < n; i++) {
                held[i] = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                ports[i] = held[i].getLocalPort();
            }
        } finally {
            for (ServerSocket s : held) {
                if (s != null) {
                    s.close();
                }
            }
        }
        return ports;
    }
}
