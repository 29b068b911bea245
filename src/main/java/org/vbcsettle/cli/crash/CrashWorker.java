package org.vbcsettle.cli.crash;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends the schedule's steps one after another, each as soon as the last was answered, until the node is
 * killed. A 2xx reply is written into the book as acknowledged; the request the kill cut off stays in flight,
 * to be resent first by the next worker.
 */
final class CrashWorker implements Runnable {

    private final CrashSchedule schedule;
    private final CrashBook book;
    private final CrashClient client;
    private final AtomicBoolean killed;
    private final java.util.concurrent.CountDownLatch firstAck = new java.util.concurrent.CountDownLatch(1);
    private volatile String failure;

    CrashWorker(CrashSchedule schedule, CrashBook book, CrashClient client, AtomicBoolean killed) {
        this.schedule = schedule;
        this.book = book;
        this.client = client;
        this.killed = killed;
    }

    /** Why the worker stopped before the kill (a refused request, a dropped connection), or null. */
    String failure() {
        return failure;
    }

    /** Waits until this worker's first request was acknowledged (the node is taking writes), or it stopped. */
    boolean awaitFirstAcknowledgement(long timeoutMillis) throws InterruptedException {
        return firstAck.await(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
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
        while (!Thread.currentThread().isInterrupted()) {
            String id = schedule.contractId(book.contract);
            book.current(id);
            CrashSchedule.Step step = steps.get(book.step);
            book.inFlight = step;
            book.inFlightContract = book.contract;
            CrashClient.Reply reply;
            try {
                reply = client.send(id, step);
            } catch (IOException e) {
                if (!killed.get()) {
                    failure = "a request failed before the kill: " + e;
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
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
