package org.vbcsettle.cli.crash;

import org.vbcsettle.api.auth.AuthSettings;
import org.vbcsettle.api.auth.Role;
import org.vbcsettle.api.auth.Tokens;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The crash harness: a {@code serve} node in a child JVM takes the schedule over HTTP and is killed with
 * SIGKILL at a seeded random moment, then restarted on the same database and checked against everything
 * it had acknowledged; {@code cycles} times, then once more after the last kill. The seed fixes the data and
 * the kill delays (not where the kills land, which depends on the machine's speed): printed first, for a replay.
 */
public final class CrashRun {

    static final String SECRET = "crash-harness-secret-of-at-least-32-bytes";

    /**
     * @param claimsPerBatch claims in each NDJSON batch
     * @param minKillMillis  shortest time from the cycle's first acknowledged request to the kill
     * @param maxKillMillis  longest
     */
    public record Settings(CrashStore store, int cycles, long seed, int claimsPerBatch, long minKillMillis,
                           long maxKillMillis, long startTimeoutMillis) {
        public Settings {
            if (cycles < 1 || claimsPerBatch < 1 || minKillMillis < 0 || maxKillMillis < minKillMillis) {
                throw new IllegalArgumentException("cycles and claims per batch must be positive, 0 <= min kill delay <= max");
            }
        }
    }

    /**
     * What a run acknowledged, and every acknowledged write found missing, different or doubled after a restart
     * (each once, at the first restart that misses it), and every request refused before a kill.
     */
    public record Report(String store, long seed, int cycles, long batches, long claims, long statements, long payouts,
                         int contracts, List<String> problems, Duration elapsed, Duration meanRestart) {
        public int losses() {
            return problems.size();
        }
    }

    private CrashRun() {
    }

    public static Report run(Settings s, PrintStream log) throws Exception {
        long t0 = System.nanoTime();
        log.printf("crash: store %s, %d cycles, seed %d (replay with --seed %d)%n", s.store().name(), s.cycles(), s.seed(), s.seed());
        String token = payerToken();
        CrashSchedule schedule = new CrashSchedule(s.seed(), s.claimsPerBatch());
        CrashBook book = new CrashBook();
        SplittableRandom delays = new SplittableRandom(s.seed());
        List<String> problems = new ArrayList<>();
        Path work = Files.createTempDirectory("vbc-crash");
        String classPath = NodeClassPath.ofJars(work);
        String archive = classArchive(s.store(), s.seed(), s.claimsPerBatch(), s.startTimeoutMillis(), work, classPath, token, log);
        long restartNanos = 0;
        int checkFrom = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int cycle = 0; cycle <= s.cycles(); cycle++) {
            long started = System.nanoTime();
            CrashNode node = CrashNode.start(s.store(), SECRET, work, s.startTimeoutMillis(), classPath, archive);
            long startNanos = System.nanoTime() - started;
            restartNanos += startNanos;
            CrashClient client = new CrashClient(node.baseUrl(), token);
            if (cycle > 0) {
                // each restart checks the contracts written since the last one; the last restart checks them all
                List<String> found = CrashCheck.verify(client, book, cycle, cycle == s.cycles() ? 0 : checkFrom);
                for (String p : found) {
                    // a write lost stays lost: counted at the restart that first misses it
                    if (seen.add(p.substring(p.indexOf(", ") + 2))) {
                        log.println("crash: " + p);
                        problems.add(p);
                    }
                }
            }
            if (cycle == s.cycles()) {
                node.close();
                break;
            }
            checkFrom = book.contract;
            long batchesBefore = book.batches;
            long delay = s.minKillMillis() + delays.nextLong(s.maxKillMillis() - s.minKillMillis() + 1);
            AtomicBoolean killed = new AtomicBoolean();
            CrashWorker worker = new CrashWorker(schedule, book, client, killed);
            Thread thread = new Thread(worker, "crash-worker");
            thread.start();
            // the first request after a start is slow (cold code paths): the kill falls in the ingest after it
            worker.awaitFirstAcknowledgement(s.startTimeoutMillis());
            Thread.sleep(delay);
            killed.set(true);
            node.kill();
            thread.join(Duration.ofSeconds(90).toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join();
            }
            if (worker.failure() != null && seen.add(worker.failure())) {
                problems.add("cycle " + (cycle + 1) + ": " + worker.failure() + "\n  node output:\n" + node.lastOutput());
                log.println("crash: " + worker.failure());
            }
            log.printf("crash: cycle %d: killed %d ms after the first acknowledgement, %d batches acknowledged in it (%d in all), start %.1f s%n",
                    cycle + 1, delay, book.batches - batchesBefore, book.batches, startNanos / 1e9);
        }
        deleteTree(work);
        return new Report(s.store().name(), s.seed(), s.cycles(), book.batches, book.claims, book.statements, book.payoutCount(),
                book.contracts.size(), List.copyOf(problems), Duration.ofNanos(System.nanoTime() - t0),
                Duration.ofNanos(restartNanos / (s.cycles() + 1)));
    }

    /** A payer's token for the harness's contracts, signed with the nodes' secret. */
    static String payerToken() {
        AuthSettings auth = new AuthSettings(SECRET.getBytes(StandardCharsets.UTF_8), null, false, "vbc-settle");
        return Tokens.mint(auth, Role.PAYER, CrashSchedule.PAYER, Duration.ofDays(2), Clock.systemUTC());
    }

    /**
     * The JVM option that loads the class archive a first node wrote at its normal exit, or a harmless option
     * when none was written (the nodes then start from the jars, only slower).
     */
    static String classArchive(CrashStore store, long seed, int claimsPerBatch, long startTimeoutMillis, Path work,
                               String classPath, String token, PrintStream log) throws Exception {
        Path jsa = work.resolve("node-classes.jsa");
        long t0 = System.nanoTime();
        CrashNode node = CrashNode.start(store, SECRET, work, startTimeoutMillis, classPath, "-XX:ArchiveClassesAtExit=" + jsa);
        warmUp(new CrashClient(node.baseUrl(), token), new CrashSchedule(~seed, claimsPerBatch));
        node.stop(startTimeoutMillis);
        boolean written = Files.isRegularFile(jsa);
        log.printf("crash: class archive %s in %.1f s%n", written ? "written" : "not written", (System.nanoTime() - t0) / 1e9);
        return written ? "-XX:SharedArchiveFile=" + jsa : "-Xshare:auto";
    }

    /**
     * One whole contract of another seed, and the reads of the checks, so that the archive also holds the
     * classes of the request paths (the first request after each restart is then quicker too).
     */
    private static void warmUp(CrashClient client, CrashSchedule schedule) throws Exception {
        String id = schedule.contractId(0);
        for (CrashSchedule.Step step : schedule.steps(0)) {
            if (!client.send(id, step).ok()) {
                return; // only a warm-up: the run itself reports what the node refuses
            }
        }
        for (String read : new String[] {"/totals", "/settlements", "/payouts"}) {
            client.get("/v1/contracts/" + id + read);
        }
    }

    static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
