package org.vbcsettle.cli.crash;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Sends the schedule's steps one after another, each as soon as the last was answered. A 2xx reply is written
 * into the book as acknowledged; the request left unanswered stays in flight, to be resent first.
 *
 * <p>Two modes. The crash run's: stop at the first request that fails (the kill cuts it off; anything else
 * before the kill is a failure). The failover runs' ({@link #riding}): ride out an outage as a client with
 * retries would: a 503 or a refused or dropped connection resends the same step (byte for byte, so a write
 * that was kept counts as duplicate), to the node {@code next} names; every other status, a reply that never
 * comes within the client's timeout, and a 2xx that does not account for the batch are failures. Runs
 * until {@code stop} is set.
 */
final class CrashWorker implements Runnable {

    /** Pause before a resend, so that a node that is down is not hammered. */
    private static final long RETRY_PAUSE_MILLIS = 100;

    private final CrashSchedule schedule;
    private final CrashBook book;
    private final AtomicBoolean killed;
    private final Supplier<CrashClient> next;
    private final CountDownLatch firstAck = new CountDownLatch(1);
    private CrashClient client;
    private volatile String failure;
    private volatile long acknowledged;
    private volatile long lastAckNanos;
    private volatile long unavailable;
    private volatile long connectionFailures;
    private volatile long slowestNanos;
    private volatile long longestStallNanos;

    CrashWorker(CrashSchedule schedule, CrashBook book, CrashClient client, AtomicBoolean killed) {
        this(schedule, book, client, killed, null);
    }

    private CrashWorker(CrashSchedule schedule, CrashBook book, CrashClient client, AtomicBoolean stop, Supplier<CrashClient> next) {
        this.schedule = schedule;
        this.book = book;
        this.client = client;
        this.killed = stop;
        this.next = next;
    }

    /** A worker that resends through {@code next} after a 503 or a connection failure, until {@code stop}. */
    static CrashWorker riding(CrashSchedule schedule, CrashBook book, Supplier<CrashClient> next, AtomicBoolean stop) {
        return new CrashWorker(schedule, book, next.get(), stop, next);
    }

    /** Why the worker stopped before the kill (a refused request, a dropped connection), or null. */
    String failure() {
        return failure;
    }

    /** Waits until this worker's first request was acknowledged (the node is taking writes), or it stopped. */
    boolean awaitFirstAcknowledgement(long timeoutMillis) throws InterruptedException {
        return firstAck.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Requests acknowledged by this worker. */
    long acknowledged() {
        return acknowledged;
    }

    /** System.nanoTime() of the last acknowledgement (0: none yet). */
    long lastAckNanos() {
        return lastAckNanos;
    }

    /** 503 replies received (each resent). */
    long unavailable() {
        return unavailable;
    }

    /** Requests refused or cut off at the connection (each resent). */
    long connectionFailures() {
        return connectionFailures;
    }

    /** The longest time one request took to be answered, whatever the answer. */
    long slowestNanos() {
        return slowestNanos;
    }

    /** The longest time from a step's first send to its acknowledgement (retries included). */
    long longestStallNanos() {
        return longestStallNanos;
    }

    @Override
    public void run() {
        try {
            send();
        } finally {
            firstAck.countDown();
        }
    }

    private void send() {
        List<CrashSchedule.Step> steps = schedule.steps(book.contract);
        while (!Thread.currentThread().isInterrupted() && !(next != null && killed.get())) {
            String id = schedule.contractId(book.contract);
            book.current(id);
            CrashSchedule.Step step = steps.get(book.step);
            book.inFlight = step;
            book.inFlightContract = book.contract;
            long firstSent = System.nanoTime();
            CrashClient.Reply reply = null;
            while (reply == null) {
                long sent = System.nanoTime();
                try {
                    reply = client.send(id, step);
                } catch (HttpTimeoutException e) {
                    if (next == null && killed.get()) {
                        return;
                    }
                    failure = "contract " + id + ", step " + book.step + ": no reply within the client's timeout: " + e;
                    return;
                } catch (IOException e) {
                    if (next == null) {
                        if (!killed.get()) {
                            failure = "a request failed before the kill: " + e;
                        }
                        return;
                    }
                    connectionFailures++;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    slowestNanos = Math.max(slowestNanos, System.nanoTime() - sent);
                }
                if (reply != null && reply.status() == 503 && next != null) {
                    unavailable++;
                    reply = null;
                }
                if (reply == null) {
                    if (killed.get()) {
                        return; // stopped while riding out an outage: the step stays in flight
                    }
                    try {
                        Thread.sleep(RETRY_PAUSE_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    client = next.get();
                }
            }
            if (!reply.ok() || reply.body() == null) {
                failure = "contract " + id + ", step " + book.step + " (" + step.getClass().getSimpleName() + ") answered "
                        + reply.status() + ": " + reply.text();
                return;
            }
            if (step instanceof CrashSchedule.Claims c && reply.body().path("accepted").asLong() + reply.body().path("duplicate").asLong() != c.count()) {
                failure = "contract " + id + ", step " + book.step + ": claims batch answered " + reply.text();
                return;
            }
            book.acknowledge(step, reply.body());
            long now = System.nanoTime();
            longestStallNanos = Math.max(longestStallNanos, now - firstSent);
            lastAckNanos = now;
            acknowledged++;
            firstAck.countDown();
            book.step++;
            if (book.step == steps.size()) {
                book.contract++;
                book.step = 0;
                steps = schedule.steps(book.contract);
            }
        }
    }
}
