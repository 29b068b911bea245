package org.vbcsettle.simulation;

/**
 * Where random draws (doubles) meet money (long cents). The one conversion is named here so that every
 * drawn amount is rounded the same way.
 */
public final class Draws {
    /**
     * Bound on one member's (or one episode's) drawn annual cost: $100,000,000. A heavy tail can draw
     * arbitrarily far out; the bound keeps every aggregate far from overflowing a long of cents.
     */
    public static final double MAX_DOLLARS = 1.0e8;

    private Draws() {
    }

    /**
     * Dollars to cents, nearest cent, half up: for the non-negative amounts drawn here this is the rule
     * {@link org.vbcsettle.money.Rounding#NEAREST_CENT} (half away from zero), done in double arithmetic
     * because it runs once per member in the hot loop.
     */
    public static long toCents(double dollars) {
        double d = dollars > MAX_DOLLARS ? MAX_DOLLARS : dollars;
        return (long) Math.floor(d * 100.0 + 0.5);
    }

    /**
     * Poisson(lambda): Knuth's product of uniforms below 10, Hörmann's transformed rejection (PTRS, 1993)
     * above; both exact.
     */
    public static long poisson(Rng rng, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda < 10) {
            double limit = Math.exp(-lambda);
            long k = 0;
            double p = rng.uniform();
            while (p > limit) {
                k++;
                p *= rng.uniform();
            }
            return k;
        }
        double slam = Math.sqrt(lambda);
        double loglam = Math.log(lambda);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        for (;;) {
            double u = rng.uniform() - 0.5;
            double v = rng.uniform();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                    <= -lambda + k * loglam - logFactorial(k)) {
                return k;
            }
        }
    }

    private static final double[] LOG_FACTORIAL = new double[256];

    static {
        for (int i = 2; i < LOG_FACTORIAL.length; i++) {
            LOG_FACTORIAL[i] = LOG_FACTORIAL[i - 1] + Math.log(i);
        }
    }

    /** ln(k!): a table below 256, Stirling's series above (error far below 1e-12 there). */
    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL.length) {
            return LOG_FACTORIAL[(int) k];
        }
        double n = k + 1.0;
        double inv = 1.0 / n;
        double inv2 = inv * inv;
        return (n - 0.5) * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI)
                + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
    }
}
