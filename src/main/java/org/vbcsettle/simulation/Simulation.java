package org.vbcsettle.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs trials of a model on a pool of threads. Workers take trial indices from a shared counter; each
 * trial's draws come from (seed, trial index) alone and its outcome lands at its own index, so the result
 * is the same whatever the number of threads or the order in which they run.
 */
public final class Simulation {
    public static final int MAX_TRIALS = 10_000_000;

    private Simulation() {
    }

    /** @param progress incremented once per finished trial (read by a progress bar); may be null */
    public static SimulationResult run(SimulationModel model, int trials, long seed, int threads, AtomicInteger progress) {
        if (trials < 1 || trials > MAX_TRIALS) {
            throw new IllegalArgumentException("trials must be between 1 and " + MAX_TRIALS + ", was " + trials);
        }
        long start = System.nanoTime();
        List<TrialOutcome> outcomes = runRange(model, 0, trials, seed, threads, progress);
        return new SimulationResult(model, trials, seed, Math.min(threads, trials), outcomes, System.nanoTime() - start);
    }

    /**
     * Trials {@code from} (inclusive) to {@code to} (exclusive) of a run, in trial order. Trial t's outcome depends
     * on (model, seed, t) alone, so the ranges of a run can be settled anywhere (other threads, other nodes) and
     * put back together in order: the run is the same as settled in one piece.
     */
    public static List<TrialOutcome> runRange(SimulationModel model, int from, int to, long seed, int threads,
                                              AtomicInteger progress) {
        if (from < 0 || to <= from || to > MAX_TRIALS) {
            throw new IllegalArgumentException("trial range must lie in [0, " + MAX_TRIALS + "] and be non-empty, was ["
                    + from + ", " + to + ")");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        final int trials = to - from;
        int workers = Math.min(threads, trials);
        TrialOutcome[] outcomes = new TrialOutcome[trials];
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            TrialDraw draw = new TrialDraw(model);
            int i;
            try {
                while ((i = next.getAndIncrement()) < trials) {
                    int t = from + i;
                    outcomes[i] = TrialSettlement.settle(model, t, draw.draw(seed, t));
                    if (progress != null) {
                        progress.incrementAndGet();
                    }
                }
            } catch (RuntimeException e) {
                next.set(trials); // the other workers stop at their next trial
                throw e;
            }
        };
        if (workers == 1) {
            work.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread th = new Thread(r, "simulation-worker");
                th.setDaemon(true);
                return th;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < workers; i++) {
                    futures.add(pool.submit(work));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("simulation interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            } finally {
                pool.shutdownNow();
            }
        }
        return List.of(outcomes);
    }
}
