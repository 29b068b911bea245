package org.vbcsettle.simulation;

/**
 * xoshiro256** (Blackman and Vigna, 2018) with a 128-layer ziggurat normal (Marsaglia and Tsang, 2000).
 * One instance per trial, seeded from (seed, trialIndex) alone, so that a trial's draws do not depend on
 * which thread runs it or in what order: the same seed gives the same results at any thread count.
 * Not thread-safe, on purpose: an instance is never shared between trials.
 */
public final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    private Rng() {
    }

    /** The generator of one trial: its state comes from splitmix64 over a per-(seed, trial) start. */
    public static Rng forTrial(long seed, long trialIndex, int stream) {
        Rng r = new Rng();
        r.reseed(seed, trialIndex, stream);
        return r;
    }

    /**
     * Re-seeds in place (a worker reuses one instance across the trials it runs). A trial uses a few
     * independent streams (systemic draws, members, episodes), so that changing one parameter in a sweep
     * does not shift the draws of the others: the sweep's points share their random numbers.
     */
    public void reseed(long seed, long trialIndex, int stream) {
        long x = mix64(mix64(mix64(seed) + (trialIndex + 1) * GOLDEN) + (stream + 1) * GOLDEN);
        x += GOLDEN;
        s0 = mix64(x);
        x += GOLDEN;
        s1 = mix64(x);
        x += GOLDEN;
        s2 = mix64(x);
        x += GOLDEN;
        s3 = mix64(x);
        if ((s0 | s1 | s2 | s3) == 0) {
            s0 = GOLDEN; // the all-zero state is the one fixed point of xoshiro
        }
    }

    /** splitmix64's finaliser (Stafford variant 13): a bijection that spreads nearby inputs apart. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        final long result = Long.rotateLeft(s1 * 5, 7) * 9;
        final long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform on [0, 1), 53 random bits. */
    public double uniform() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform on (0, 1]: safe to take the logarithm of. */
    public double uniformOpen() {
        return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
    }

    /** Uniform integer in [0, n), n &gt; 0 (Lemire's multiply-shift; bias below 2^-32 for any n used here). */
    public int nextInt(int n) {
        return (int) (((nextLong() >>> 32) * n) >>> 32);
    }

    /** Standard normal by the ziggurat: one 64-bit draw in about 98.8% of calls. */
    public double normal() {
        long r = nextLong();
        int iz = (int) (r & 127);
        int hz = (int) (r >>> 32);
        if (Math.abs((long) hz) < Ziggurat.KN[iz]) {
            return hz * Ziggurat.WN[iz];
        }
        return normalTail(hz, iz);
    }

    private double normalTail(int hz, int iz) {
        for (;;) {
            double x = hz * Ziggurat.WN[iz];
            if (iz == 0) {
                double y;
                do {
                    x = -Math.log(uniformOpen()) / Ziggurat.R;
                    y = -Math.log(uniformOpen());
                } while (y + y < x * x);
                return hz > 0 ? Ziggurat.R + x : -Ziggurat.R - x;
            }
            if (Ziggurat.FN[iz] + uniform() * (Ziggurat.FN[iz - 1] - Ziggurat.FN[iz]) < Math.exp(-0.5 * x * x)) {
                return x;
            }
            long r = nextLong();
            iz = (int) (r & 127);
            hz = (int) (r >>> 32);
            if (Math.abs((long) hz) < Ziggurat.KN[iz]) {
                return hz * Ziggurat.WN[iz];
            }
        }
    }
}
