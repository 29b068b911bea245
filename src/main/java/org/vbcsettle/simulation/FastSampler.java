package org.vbcsettle.simulation;

/**
 * A {@link Distribution} flattened for the member loop: one final class whose {@code sample} switches on a
 * kind over precomputed primitives, so that the JIT sees a single receiver type at every call site and can
 * inline the draw (an interface call over several record types would stay a virtual call).
 * Draws are exactly those of the distribution it was built from.
 */
final class FastSampler {
    private static final int FIXED = 0;
    private static final int LOGNORMAL = 1;
    private static final int GAMMA = 2;
    private static final int PARETO = 3;
    private static final int UNIFORM = 4;
    private static final int OTHER = 5;

    private final int kind;
    private final double a;
    private final double b;
    private final double c;
    private final Distribution other;
    // gamma: Marsaglia–Tsang's d and c for shape k (k >= 1) or k + 1 (k < 1, then boosted by U^(1/k)), hoisted
    // out of the draw; the same values the per-draw computation gives, so the same draws
    private final double gammaD;
    private final double gammaC;

    private FastSampler(int kind, double a, double b, double c, Distribution other) {
        this.kind = kind;
        this.a = a;
        this.b = b;
        this.c = c;
        this.other = other;
        double k = kind == GAMMA ? (a < 1.0 ? a + 1.0 : a) : 1.0;
        this.gammaD = k - 1.0 / 3.0;
        this.gammaC = 1.0 / Math.sqrt(9.0 * gammaD);
    }

    static FastSampler of(Distribution d) {
        if (d instanceof Distribution.Fixed f) {
            return new FastSampler(FIXED, f.value(), 0, 0, d);
        }
        if (d instanceof Distribution.LogNormal l) {
            return new FastSampler(LOGNORMAL, l.mu(), l.sigma(), 0, d);
        }
        if (d instanceof Distribution.Gamma g) {
            return new FastSampler(GAMMA, g.shape(), g.mean() / g.shape(), 1.0 / g.shape(), d);
        }
        if (d instanceof Distribution.Pareto p) {
            return new FastSampler(PARETO, p.scale(), -1.0 / p.shape(), 0, d);
        }
        if (d instanceof Distribution.Uniform u) {
            return new FastSampler(UNIFORM, u.min(), u.max() - u.min(), 0, d);
        }
        return new FastSampler(OTHER, 0, 0, 0, d);
    }

    double sample(Rng rng) {
        switch (kind) {
            case FIXED:
                return a;
            case LOGNORMAL:
                return Math.exp(a + b * rng.normal());
            case GAMMA:
                if (a < 1.0) {
                    return Distribution.Gamma.standardGammaAtLeastOne(rng, gammaD, gammaC) * Math.pow(rng.uniformOpen(), c) * b;
                }
                return Distribution.Gamma.standardGammaAtLeastOne(rng, gammaD, gammaC) * b;
            case PARETO:
                return a * Math.pow(rng.uniformOpen(), b);
            case UNIFORM:
                return a + b * rng.uniform();
            default:
                return other.sample(rng);
        }
    }
}
