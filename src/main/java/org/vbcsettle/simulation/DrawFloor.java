package org.vbcsettle.simulation;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The floor of the simulation's speed: the same random numbers the member loop draws (same generators,
 * same distributions, same branches), with nothing done with them but summing into a sink. The simulation
 * cannot be faster than this; {@code bench simulate} reports how close it comes.
 */
public final class DrawFloor {

    private DrawFloor() {
    }

    /** Draws {@code trials} trials of the model's members on {@code threads} threads; returns elapsed nanos. */
    public static long run(SimulationModel m, int trials, long seed, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        double[] sinks = new double[threads];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            Future<?>[] fs = new Future<?>[threads];
            for (int w = 0; w < threads; w++) {
                final int worker = w;
                fs[w] = pool.submit(() -> {
                    Rng rng = Rng.forTrial(seed, 0, TrialDraw.STREAM_MEMBERS);
                    double sink = 0;
                    int t;
                    while ((t = next.getAndIncrement()) < trials) {
                        rng.reseed(seed, t, TrialDraw.STREAM_MEMBERS);
                        sink += members(m, rng);
                    }
                    sinks[worker] = sink;
                });
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long elapsed = System.nanoTime() - start;
        double total = 0;
        for (double s : sinks) {
            total += s;
        }
        if (total == 42.4242) {
            System.out.print(""); // keeps the sum observable so that the draws cannot be optimised away
        }
        return elapsed;
    }

    static double members(SimulationModel m, Rng rng) {
        double sink = 0;
        for (int i = 0; i < m.members; i++) {
            int months = 12;
            if (m.fullYearShare < 1.0 && rng.uniform() >= m.fullYearShare) {
                months = 1 + rng.nextInt(11);
            }
            if (m.churn > 0.0 && months > 1 && rng.uniform() < m.churn) {
                int first = 1 + rng.nextInt(months - 1);
                sink += member(m, rng, first) + member(m, rng, months - first);
            } else {
                sink += member(m, rng, months);
            }
        }
        return sink;
    }

    /** One member's draws, as {@link TrialDraw} makes them: risk score, claims or none, tier, tail. */
    private static double member(SimulationModel m, Rng rng, int months) {
        double risk = m.riskSampler.sample(rng);
        double sink = risk;
        if (m.hasCost) {
            if (m.noClaims <= 0.0 || rng.uniform() >= m.noClaims) {
                long riskMilli = (long) (risk * 1000.0 + 0.5);
                int t = 0;
                for (long bound : m.tierMaxRiskMilli) {
                    t += riskMilli > bound ? 1 : 0;
                }
                sink += m.tierSamplers[t].sample(rng);
            }
            if (m.tailProbability > 0.0 && rng.uniform() < m.tailProbability) {
                sink += m.tailSampler.sample(rng);
            }
        }
        return sink + months;
    }
}
