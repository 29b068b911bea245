package org.vbcsettle.cli.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Several payers' clients ingesting at once through an outage, each with its own schedule (seed + i) and
 * book, each resending through the next live node after a 503 or a connection failure ({@link CrashWorker#riding}).
 * Started and stopped around each outage; the books carry over, so the next start resumes each schedule.
 */
final class RidingIngest {

    private final List<CrashSchedule> schedules = new ArrayList<>();
    private final List<CrashBook> books = new ArrayList<>();
    private final List<CrashWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final IntFunction<CrashClient> clientFor;
    private AtomicBoolean stop = new AtomicBoolean();
    private long unavailable;
    private long connectionFailures;
    private long slowestNanos;
    private long longestStallNanos;
    private final List<String> failures = new ArrayList<>();
    private long acknowledgedBeforeStop;

    /**
     * @param clientFor the client worker {@code i} sends through now (called again after each failed attempt,
     *                  with the attempt's count added, so that it may turn to another node)
     */
    RidingIngest(long seed, int workers, int claimsPerBatch, IntFunction<CrashClient> clientFor) {
        for (int i = 0; i < workers; i++) {
            schedules.add(new CrashSchedule(seed + i, claimsPerBatch));
            books.add(new CrashBook());
        }
        this.clientFor = clientFor;
    }

    void start() {
        stop = new AtomicBoolean();
        workers.clear();
        threads.clear();
        for (int i = 0; i < schedules.size(); i++) {
            int w = i;
            int[] attempts = {0};
            CrashWorker worker = CrashWorker.riding(schedules.get(i), books.get(i), () -> clientFor.apply(w + attempts[0]++), stop);
            Thread t = new Thread(worker, "failover-worker-" + i);
            workers.add(worker);
            threads.add(t);
            t.start();
        }
    }

    /** Waits until every worker has had a request acknowledged (or stopped). */
    void awaitFirstAcknowledgements(long timeoutMillis) throws InterruptedException {
        for (CrashWorker w : workers) {
            w.awaitFirstAcknowledgement(timeoutMillis);
        }
    }

    /** True once every worker has an acknowledgement later than {@code nanos}, or one of them stopped. */
    boolean allAcknowledgedSince(long nanos) {
        for (int i = 0; i < workers.size(); i++) {
            if (!threads.get(i).isAlive()) {
                return true;
            }
            if (workers.get(i).lastAckNanos() <= nanos) {
                return false;
            }
        }
        return true;
    }

    /** The latest of the workers' first acknowledgements after {@code nanos} (0 when one has none). */
    long lastFirstAckAfter(long nanos) {
        long latest = 0;
        for (CrashWorker w : workers) {
            if (w.lastAckNanos() <= nanos) {
                return 0;
            }
            latest = Math.max(latest, w.lastAckNanos());
        }
        return latest;
    }

    /** 503s so far, this start's running workers included. */
    long unavailableNow() {
        return unavailable + workers.stream().mapToLong(CrashWorker::unavailable).sum();
    }

    /** Acknowledgements so far, over all workers of this start. */
    long acknowledged() {
        return workers.isEmpty() ? acknowledgedBeforeStop : workers.stream().mapToLong(CrashWorker::acknowledged).sum();
    }

    /** Stops the workers after their current request (waiting out a request in flight) and adds up their figures. */
    void stop() throws InterruptedException {
        stop.set(true);
        for (int i = 0; i < threads.size(); i++) {
            threads.get(i).join(120_000);
            if (threads.get(i).isAlive()) {
                threads.get(i).interrupt();
                threads.get(i).join();
            }
            CrashWorker w = workers.get(i);
            unavailable += w.unavailable();
            connectionFailures += w.connectionFailures();
            slowestNanos = Math.max(slowestNanos, w.slowestNanos());
            longestStallNanos = Math.max(longestStallNanos, w.longestStallNanos());
            if (w.failure() != null) {
                failures.add(w.failure());
            }
        }
        acknowledgedBeforeStop = acknowledged();
        workers.clear();
    }

    /** Every acknowledged write of every book checked through {@code client}: one line per problem. */
    List<String> verify(CrashClient client, int cycle) throws Exception {
        List<String> problems = new ArrayList<>();
        for (CrashBook b : books) {
            problems.addAll(CrashCheck.verify(client, b, cycle, 0));
        }
        return problems;
    }

    /**
     * As {@link #verify}, but while some contract's read answers 503 (its shard not yet allocated to a live node),
     * tries again until {@code deadlineNanos}: the problems of the last attempt, and when it had no 503 left.
     */
    Verified verifyOnceServed(CrashClient client, int cycle, long deadlineNanos) throws Exception {
        while (true) {
            List<String> problems = verify(client, cycle);
            boolean waiting = problems.stream().anyMatch(p -> p.contains(" answered 503"));
            if (!waiting || System.nanoTime() > deadlineNanos) {
                return new Verified(problems, waiting ? 0 : System.nanoTime());
            }
            Thread.sleep(250);
        }
    }

    /**
     * The payer's disbursement file ({@code GET /v1/payouts}, the read side that the payout projection writes, once
     * in the cluster): no payout key twice, each of the books' payouts with its acknowledged amount. The
     * projection follows the journal a moment behind: waits for every acknowledged payout that is owed (not $0)
     * until {@code deadlineNanos}.
     */
    List<String> verifyDisbursementFile(CrashClient client, long deadlineNanos) throws Exception {
        java.util.Map<String, Long> acked = new java.util.HashMap<>();
        for (CrashBook b : books) {
            for (CrashBook.Acked a : b.contracts) {
                acked.putAll(a.payouts);
            }
        }
        while (true) {
            List<String> problems = new ArrayList<>();
            CrashClient.Reply r = client.get("/v1/payouts");
            if (!r.ok() || r.body() == null) {
                problems.add("GET /v1/payouts answered " + r.status() + ": " + r.text());
            } else {
                java.util.Map<String, Long> file = new java.util.HashMap<>();
                for (com.fasterxml.jackson.databind.JsonNode p : r.body()) {
                    String key = p.path("key").asText();
                    long cents = p.path("amountCents").asLong();
                    if (file.put(key, cents) != null) {
                        problems.add("disbursement file: payout key " + key + " twice");
                    }
                    Long a = acked.get(key);
                    if (a != null && a != cents) {
                        problems.add("disbursement file: payout " + key + " is " + cents + " cents, acknowledged " + a);
                    }
                }
                acked.forEach((key, cents) -> {
                    if (cents != 0 && !file.containsKey(key)) {
                        problems.add("disbursement file: acknowledged payout " + key + " missing");
                    }
                });
            }
            boolean onlyMissing = problems.stream().allMatch(p -> p.endsWith(" missing") || p.contains(" answered 503"));
            if (problems.isEmpty() || !onlyMissing || System.nanoTime() > deadlineNanos) {
                return problems;
            }
            Thread.sleep(500);
        }
    }

    /** @param servedAtNanos System.nanoTime() when every contract was answered (0: not by the deadline) */
    record Verified(List<String> problems, long servedAtNanos) {
    }

    /** The workers' failures (a status other than 2xx/503, a reply never given, a batch not accounted for). */
    List<String> failures() {
        return failures;
    }

    long unavailable() {
        return unavailable;
    }

    long connectionFailures() {
        return connectionFailures;
    }

    long slowestNanos() {
        return slowestNanos;
    }

    long longestStallNanos() {
        return longestStallNanos;
    }

    long batches() {
        return books.stream().mapToLong(b -> b.batches).sum();
    }

    long claims() {
        return books.stream().mapToLong(b -> b.claims).sum();
    }

    long statements() {
        return books.stream().mapToLong(b -> b.statements).sum();
    }

    long payouts() {
        return books.stream().mapToLong(CrashBook::payoutCount).sum();
    }

    int contracts() {
        return books.stream().mapToInt(b -> b.contracts.size()).sum();
    }
}
