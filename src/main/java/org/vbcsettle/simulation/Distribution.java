package org.vbcsettle.simulation;

/**
 * A distribution a scenario draws from. Parameters are plain doubles (dollars for amounts, fractions for
 * rates): these are draws, not money; a drawn amount becomes cents through {@link Draws#toCents}.
 * Each record checks nothing itself: {@link ScenarioReader} validates parameters with the field path.
 */
public sealed interface Distribution {

    double sample(Rng rng);

    /** The distribution's mean. */
    double mean();

    /** Always the same value: for zero-variance scenarios and known inputs. */
    record Fixed(double value) implements Distribution {
        @Override
        public double sample(Rng rng) {
            return value;
        }

        @Override
        public double mean() {
            return value;
        }
    }

    /**
     * Lognormal given by its arithmetic mean and the standard deviation {@code sigma} of its logarithm:
     * mu = ln(mean) − sigma²/2, so that the mean is what the scenario says, whatever sigma.
     */
    record LogNormal(double mean, double sigma, double mu) implements Distribution {
        public static LogNormal of(double mean, double sigma) {
            return new LogNormal(mean, sigma, Math.log(mean) - 0.5 * sigma * sigma);
        }

        @Override
        public double sample(Rng rng) {
            return Math.exp(mu + sigma * rng.normal());
        }
    }

    /** Gamma given by its mean and shape k (coefficient of variation 1/√k); Marsaglia–Tsang (2000). */
    record Gamma(double mean, double shape) implements Distribution {
        @Override
        public double sample(Rng rng) {
            return standardGamma(rng, shape) * (mean / shape);
        }

        static double standardGamma(Rng rng, double k) {
            if (k < 1.0) {
                // Boost: G(k) = G(k + 1) · U^(1/k)
                return standardGammaAtLeastOne(rng, k + 1.0) * Math.pow(rng.uniformOpen(), 1.0 / k);
            }
            return standardGammaAtLeastOne(rng, k);
        }

        private static double standardGammaAtLeastOne(Rng rng, double k) {
            double d = k - 1.0 / 3.0;
            return standardGammaAtLeastOne(rng, d, 1.0 / Math.sqrt(9.0 * d));
        }

        /** Marsaglia–Tsang with its constants d = k − 1/3 and c = 1/√(9d) computed once by the caller. */
        static double standardGammaAtLeastOne(Rng rng, double d, double c) {
            for (;;) {
                double x;
                double v;
                do {
                    x = rng.normal();
                    v = 1.0 + c * x;
                } while (v <= 0.0);
                v = v * v * v;
                double u = rng.uniformOpen();
                double x2 = x * x;
                if (u < 1.0 - 0.0331 * x2 * x2) {
                    return d * v;
                }
                if (Math.log(u) < 0.5 * x2 + d * (1.0 - v + Math.log(v))) {
                    return d * v;
                }
            }
        }
    }

    /** Pareto type I: scale · U^(−1/shape), at least {@code scale}; shape &gt; 1 so that the mean is finite. */
    record Pareto(double scale, double shape) implements Distribution {
        @Override
        public double sample(Rng rng) {
            return scale * Math.pow(rng.uniformOpen(), -1.0 / shape);
        }

        @Override
        public double mean() {
            return scale * shape / (shape - 1.0);
        }
    }

    /** Beta(alpha, beta) on [0, 1] as X / (X + Y) of two gammas. */
    record Beta(double alpha, double beta) implements Distribution {
        @Override
        public double sample(Rng rng) {
            double x = Gamma.standardGamma(rng, alpha);
            double y = Gamma.standardGamma(rng, beta);
            return x / (x + y);
        }

        @Override
        public double mean() {
            return alpha / (alpha + beta);
        }
    }

    /** Normal(mean, sd). */
    record Normal(double mean, double sd) implements Distribution {
        @Override
        public double sample(Rng rng) {
            return mean + sd * rng.normal();
        }
    }

    /** Uniform on [min, max). */
    record Uniform(double min, double max) implements Distribution {
        @Override
        public double sample(Rng rng) {
            return min + (max - min) * rng.uniform();
        }

        @Override
        public double mean() {
            return 0.5 * (min + max);
        }
    }
}
