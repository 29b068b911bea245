package org.vbcsettle.cli.crash;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A {@code serve} node in a child JVM on PostgreSQL, payers' clients ingesting over HTTP, and the PostgreSQL
 * server stopped (fast shutdown: every connection dropped) at a seeded random moment, kept down for a while and
 * started again, {@code cycles} times. While it is down a write gets a 503 once the ledger's ask times out (the
 * entity's failed journal write restarts it with backoff; it recovers from the journal once the database
 * answers): never another status, never a reply later than the client's timeout. The node is not restarted:
 * it must take writes again by itself (HikariCP opens new connections). After each outage everything
 * acknowledged is checked through the node; at the end the node is killed with SIGKILL, started again and
 * everything is checked once more from the journal alone, and the payer's disbursement file (the payout read
 * side) for keys twice or missing.
 */
public final class PostgresRestartRun {

    /** @param askTimeout the node's ledger ask timeout (vbc.ledger.ask-timeout): how long a write waits for the ledger */
    public record Settings(CrashStore store, PostgresServer server, int clients, int cycles, long seed, int claimsPerBatch,
                           long minStopMillis, long maxStopMillis, Duration down, Duration askTimeout, long startTimeoutMillis) {
        public Settings {
            if (clients < 1 || cycles < 1 || claimsPerBatch < 1 || minStopMillis < 0 || maxStopMillis < minStopMillis) {
                throw new IllegalArgumentException("at least 1 client and 1 cycle; 0 <= min stop delay <= max");
            }
        }
    }

    /**
     * @param unavailableWhileDown per cycle, the 503s the clients received between the stop and the next acknowledgement
     * @param recoveries           per cycle, from the server's start until every client was acknowledged again
     */
    public record Report(long seed, int cycles, long batches, long claims, long statements, long payouts, int contracts,
                         List<Long> unavailableWhileDown, long connectionFailures, List<Duration> recoveries,
                         Duration slowestRequest, List<String> problems, Duration elapsed) {
        public long unavailable() {
            return unavailableWhileDown.stream().mapToLong(Long::longValue).sum();
        }
    }

    private PostgresRestartRun() {
    }

    public static Report run(Settings s, PrintStream log) throws Exception {
        long t0 = System.nanoTime();
        log.printf("postgres-restart: %d clients, %d outages of %d s, seed %d (replay with --seed %d)%n", s.clients(), s.cycles(),
                s.down().toSeconds(), s.seed(), s.seed());
        String token = CrashRun.payerToken();
        Path work = Files.createTempDirectory("vbc-pg-restart");
        String classPath = NodeClassPath.ofJars(work);
        String archive = CrashRun.classArchive(s.store(), s.seed(), s.claimsPerBatch(), s.startTimeoutMillis(), work, classPath, token, log);
        List<String> jvm = List.of("-Dvbc.ledger.ask-timeout=" + s.askTimeout().toMillis() + "ms");
        SplittableRandom rng = new SplittableRandom(s.seed());
        List<String> problems = new ArrayList<>();
        List<Long> unavailable = new ArrayList<>();
        List<Duration> recoveries = new ArrayList<>();
        CrashNode node = CrashNode.start(s.store(), CrashRun.SECRET, work, s.startTimeoutMillis(), classPath, archive, jvm, java.util.Map.of());
        CrashClient[] client = {new CrashClient(node.baseUrl(), token)};
        RidingIngest ingest = new RidingIngest(s.seed(), s.clients(), s.claimsPerBatch(), i -> client[0]);
        boolean serverDown = false;
        try {
            for (int cycle = 1; cycle <= s.cycles(); cycle++) {
                ingest.start();
                ingest.awaitFirstAcknowledgements(s.startTimeoutMillis());
                long delay = s.minStopMillis() + rng.nextLong(s.maxStopMillis() - s.minStopMillis() + 1);
                Thread.sleep(delay);
                long before = ingest.unavailableNow();
                long ackedBefore = ingest.acknowledged();
                serverDown = true;
                s.server().stop();
                long stoppedAt = System.nanoTime();
                Thread.sleep(s.down().toMillis());
                long startedAt = System.nanoTime();
                s.server().start();
                serverDown = false;
                long up = System.nanoTime();
                long deadline = up + Duration.ofMinutes(3).toNanos();
                while (!ingest.allAcknowledgedSince(up) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                long recoveredAt = ingest.lastFirstAckAfter(up);
                long during = ingest.unavailableNow() - before;
                Thread.sleep(500);
                ingest.stop();
                for (String f : ingest.failures()) {
                    problems.add("cycle " + cycle + ": " + f);
                    log.println("postgres-restart: " + f);
                }
                ingest.failures().clear();
                if (!node.alive()) {
                    problems.add("cycle " + cycle + ": the node exited:\n" + node.lastOutput());
                    break;
                }
                unavailable.add(during);
                if (recoveredAt == 0) {
                    problems.add("cycle " + cycle + ": the clients were not acknowledged again within 3 minutes of the server's start");
                } else {
                    recoveries.add(Duration.ofNanos(recoveredAt - up));
                }
                for (String p : ingest.verify(client[0], cycle)) {
                    log.println("postgres-restart: " + p);
                    problems.add(p);
                }
                log.printf("postgres-restart: cycle %d: server stopped %d ms after the first acknowledgements (%d requests "
                                + "acknowledged before), down %.1f s, started in %.1f s; %d 503s; all clients acknowledged again %s "
                                + "after it was up%n", cycle, delay, ackedBefore, (startedAt - stoppedAt) / 1e9,
                        (up - startedAt) / 1e9, during, recoveredAt == 0 ? "never" : "%.1f s".formatted((recoveredAt - up) / 1e9));
                if (!problems.isEmpty()) {
                    break;
                }
            }
            if (problems.isEmpty()) {
                // what the node acknowledged is in the journal, not only in its memory: a fresh node recovers it all
                node.kill();
                node = CrashNode.start(s.store(), CrashRun.SECRET, work, s.startTimeoutMillis(), classPath, archive, jvm, java.util.Map.of());
                client[0] = new CrashClient(node.baseUrl(), token);
                for (String p : ingest.verify(client[0], s.cycles() + 1)) {
                    log.println("postgres-restart: after a restart of the node: " + p);
                    problems.add("after a restart of the node: " + p);
                }
                for (String p : ingest.verifyDisbursementFile(client[0], System.nanoTime() + Duration.ofMinutes(1).toNanos())) {
                    log.println("postgres-restart: " + p);
                    problems.add(p);
                }
            }
        } finally {
            if (serverDown) {
                s.server().start(); // leave the server up for the tests after this one
            }
            node.close();
            CrashRun.deleteTree(work);
        }
        return new Report(s.seed(), s.cycles(), ingest.batches(), ingest.claims(), ingest.statements(), ingest.payouts(),
                ingest.contracts(), List.copyOf(unavailable), ingest.connectionFailures(), List.copyOf(recoveries),
                Duration.ofNanos(ingest.slowestNanos()), List.copyOf(problems), Duration.ofNanos(System.nanoTime() - t0));
    }
}
