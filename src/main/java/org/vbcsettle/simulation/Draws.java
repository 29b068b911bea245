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

    /**
     * Binomial(n, p), exact: inversion (sequential search from 0) when n·min(p, 1 − p) &lt; 10, Hörmann's
     * transformed rejection with squeeze (BTRS, 1993) above. p above 1/2 is drawn as n − Binomial(n, 1 − p).
     * It lets a trial draw a count of independent member events (a measure's denominator, exclusions,
     * numerator) at once instead of member by member: the same distribution, without a draw per member.
     */
    public static long binomial(Rng rng, long n, double p) {
        if (n <= 0 || p <= 0.0) {
            return 0;
        }
        if (p >= 1.0) {
            return n;
        }
        if (p > 0.5) {
            return n - binomial(rng, n, 1.0 - p);
        }
        if (n * p < 10.0) {
            return binomialInversion(rng, n, p);
        }
        return binomialBtrs(rng, n, p);
    }

    private static long binomialInversion(Rng rng, long n, double p) {
        double q = 1.0 - p;
        double s = p / q;
        double a = (n + 1) * s;
        double first = Math.exp(n * Math.log1p(-p)); // q^n
        // n·p < 10, so the mass beyond this bound is below 1e-15; a search that runs past it restarts
        double bound = Math.min(n, n * p + 10.0 * Math.sqrt(n * p * q + 1.0));
        for (;;) {
            double r = first;
            double u = rng.uniform();
            long x = 0;
            while (u > r) {
                u -= r;
                x++;
                if (x > bound) {
                    break;
                }
                r *= a / x - s;
            }
            if (x <= bound) {
                return x;
            }
        }
    }

    private static long binomialBtrs(Rng rng, long n, double p) {
        double q = 1.0 - p;
        double spq = Math.sqrt(n * p * q);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double vr = 0.92 - 4.2 / b;
        double alpha = (2.83 + 5.1 / b) * spq;
        double lpq = Math.log(p / q);
        long m = (long) Math.floor((n + 1) * p);
        double h = logFactorial(m) + logFactorial(n - m);
        for (;;) {
            double u = rng.uniform() - 0.5;
            double v = rng.uniform();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + c);
            if (k < 0 || k > n) {
                continue;
            }
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (v <= 0.0) {
                continue;
            }
            double lv = Math.log(v * alpha / (a / (us * us) + b));
            if (lv <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) {
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
