package org.vbcsettle.simulation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Sample moments of each sampler against the distribution's known moments, with fixed seeds. A sample
 * mean of n draws has standard error sd/√n; each check allows 4 standard errors (a correct sampler fails
 * one such check with probability 6e-5, and the seeds are fixed, so the test is deterministic).
 */
class DistributionTest {
    private static final int N = 1_000_000;

    private record Moments(double mean, double variance) {
    }

    private static Moments moments(DoubleSupplier s) {
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < N; i++) {
            double x = s.getAsDouble();
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / N;
        return new Moments(mean, (sumSq - N * mean * mean) / (N - 1));
    }

    private static void assertMean(DoubleSupplier s, double mean, double sd) {
        Moments m = moments(s);
        assertThat(m.mean).isCloseTo(mean, within(4 * sd / Math.sqrt(N)));
    }

    @Test
    void zigguratNormalHasMeanZeroVarianceOneAndTheRightTails() {
        Rng rng = Rng.forTrial(7, 0, 0);
        double sum = 0;
        double sumSq = 0;
        long above2 = 0;
        long above35 = 0;
        for (int i = 0; i < N; i++) {
            double z = rng.normal();
            sum += z;
            sumSq += z * z;
            if (z > 2) {
                above2++;
            }
            if (Math.abs(z) > 3.5) {
                above35++;
            }
        }
        assertThat(sum / N).isCloseTo(0, within(4 / Math.sqrt(N)));
        // Var(Z²) = 2: the sample second moment has standard error √(2/n)
        assertThat(sumSq / N).isCloseTo(1, within(4 * Math.sqrt(2.0 / N)));
        // P(Z > 2) = 0.0227501 (normal table); binomial sd √(p(1−p)n) = 149.1
        assertThat((double) above2).isCloseTo(0.0227501 * N, within(4 * 149.1));
        // P(|Z| > 3.5) = 2 × 2.32629e-4, drawn by the ziggurat's tail code beyond R = 3.4426; sd √(465.3) = 21.6
        assertThat((double) above35).isCloseTo(2 * 2.32629e-4 * N, within(4 * 21.6));
    }

    @Test
    void uniformIsUniform() {
        Rng rng = Rng.forTrial(1, 2, 0);
        // U(0,1): mean 1/2, sd 1/√12
        assertMean(rng::uniform, 0.5, Math.sqrt(1.0 / 12));
        long[] counts = new long[11];
        for (int i = 0; i < 1_100_000; i++) {
            counts[rng.nextInt(11)]++;
        }
        for (long c : counts) {
            // 100,000 expected per value; binomial sd √(1.1e6 · 1/11 · 10/11) = 301.5
            assertThat((double) c).isCloseTo(100_000, within(4 * 301.5));
        }
    }

    @Test
    void lognormalHasTheMeanTheScenarioGives() {
        Rng rng = Rng.forTrial(3, 0, 0);
        Distribution d = Distribution.LogNormal.of(9000, 1.0);
        // sd = mean √(e^{σ²} − 1) = 9000 × 1.310832 = 11797.5
        assertMean(() -> d.sample(rng), 9000, 11797.5);
    }

    @Test
    void gammaMeansForShapeAboveAndBelowOne() {
        Rng rng = Rng.forTrial(4, 0, 0);
        Distribution g1 = new Distribution.Gamma(5000, 2.5);
        // sd = mean / √shape
        assertMean(() -> g1.sample(rng), 5000, 5000 / Math.sqrt(2.5));
        Distribution g2 = new Distribution.Gamma(5000, 0.5);
        assertMean(() -> g2.sample(rng), 5000, 5000 / Math.sqrt(0.5));
    }

    @Test
    void betaAndParetoMeans() {
        Rng rng = Rng.forTrial(5, 0, 0);
        Distribution b = new Distribution.Beta(2, 5);
        // mean 2/7; variance αβ/((α+β)²(α+β+1)) = 10/392
        assertMean(() -> b.sample(rng), 2.0 / 7, Math.sqrt(10.0 / 392));
        Distribution p = new Distribution.Pareto(1000, 3);
        // mean αs/(α−1) = 1500; variance s²α/((α−1)²(α−2)) = 750,000
        assertMean(() -> p.sample(rng), 1500, Math.sqrt(750_000));
    }

    @Test
    void poissonMeanAndVarianceBelowAndAboveTheAlgorithmSwitch() {
        Rng rng = Rng.forTrial(6, 0, 0);
        for (double lambda : new double[]{4.2, 250}) {
            Moments m = moments(() -> Draws.poisson(rng, lambda));
            assertThat(m.mean).isCloseTo(lambda, within(4 * Math.sqrt(lambda / N)));
            // Var(sample variance) ≈ (μ4 − σ⁴)/n with μ4 = λ(1 + 3λ) for Poisson
            assertThat(m.variance).isCloseTo(lambda, within(4 * Math.sqrt((lambda * (1 + 3 * lambda) - lambda * lambda) / N)));
        }
    }

    @Test
    void logFactorialMatchesTheTableAcrossTheSwitchToStirling() {
        // ln(300!) summed directly
        double direct = 0;
        for (int i = 2; i <= 300; i++) {
            direct += Math.log(i);
        }
        assertThat(Draws.logFactorial(300)).isCloseTo(direct, within(1e-9));
        assertThat(Draws.logFactorial(10)).isCloseTo(Math.log(3628800), within(1e-12));
    }

    @Test
    void aTrialsStreamDependsOnlyOnSeedTrialAndStream() {
        Rng a = Rng.forTrial(42, 17, 1);
        Rng b = Rng.forTrial(0, 0, 0);
        b.reseed(42, 17, 1);
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
        assertThat(Rng.forTrial(42, 17, 1).nextLong()).isNotEqualTo(Rng.forTrial(42, 18, 1).nextLong());
        assertThat(Rng.forTrial(42, 17, 1).nextLong()).isNotEqualTo(Rng.forTrial(42, 17, 2).nextLong());
        assertThat(Rng.forTrial(42, 17, 1).nextLong()).isNotEqualTo(Rng.forTrial(43, 17, 1).nextLong());
    }

    @Test
    void drawnDollarsBecomeCentsHalfUpAndBounded() {
        assertThat(Draws.toCents(12.34)).isEqualTo(1234);
        assertThat(Draws.toCents(1234.5678)).isEqualTo(123457); // 123456.78 cents, half up
        assertThat(Draws.toCents(0.005)).isEqualTo(1);
        assertThat(Draws.toCents(0.004)).isEqualTo(0);
        assertThat(Draws.toCents(1e12)).isEqualTo(10_000_000_000L); // bound: $100M
    }

    /**
     * Binomial draws against the exact probability mass function (computed here by the recurrence
     * f(k+1) = f(k)·(n−k)/(k+1)·p/q, independently of the sampler), by a chi-square test over the cells with
     * an expected count of at least 20, both sides of the switch from inversion to BTRS and above p = 1/2.
     * The 0.9999 quantile of chi-square with d degrees of freedom is below d + 4.8√(2d) + 15 for the d used.
     */
    @Test
    void binomialMatchesItsExactMassFunction() {
        Rng rng = Rng.forTrial(8, 0, 0);
        int draws = 400_000;
        long[][] cases = {{30, 10}, {200, 3}, {5_000, 300}, {1_000_000, 300_000}, {40, 25}, {12_000, 7_000}};
        for (long[] c : cases) {
            long n = c[0];
            double p = c[1] / 1000.0;
            if (c[1] >= 1000) {
                p = (double) c[1] / n;
            }
            double q = 1 - p;
            // log pmf at the mode, then the recurrence outwards, in logs to avoid underflow
            int lo = (int) Math.max(0, n * p - 12 * Math.sqrt(n * p * q) - 5);
            int hi = (int) Math.min(n, n * p + 12 * Math.sqrt(n * p * q) + 5);
            double[] logf = new double[hi - lo + 1];
            double lf = 0; // log f(lo) relative; normalised below
            for (int k = lo; k <= hi; k++) {
                logf[k - lo] = lf;
                lf += Math.log((double) (n - k) / (k + 1)) + Math.log(p / q);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double v : logf) {
                max = Math.max(max, v);
            }
            double total = 0;
            for (double v : logf) {
                total += Math.exp(v - max);
            }
            long[] counts = new long[logf.length];
            double sum = 0;
            for (int i = 0; i < draws; i++) {
                long k = Draws.binomial(rng, n, p);
                assertThat(k).isBetween(0L, n);
                sum += k;
                if (k >= lo && k <= hi) {
                    counts[(int) (k - lo)]++;
                }
            }
            assertThat(sum / draws).as("mean of Binomial(%d, %s)", n, p).isCloseTo(n * p, within(4 * Math.sqrt(n * p * q / draws)));
            double chi2 = 0;
            int cells = 0;
            double restExpected = draws;
            long restObserved = draws;
            for (int i = 0; i < counts.length; i++) {
                double expected = draws * Math.exp(logf[i] - max) / total;
                if (expected >= 20) {
                    chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
                    cells++;
                    restExpected -= expected;
                    restObserved -= counts[i];
                }
            }
            if (restExpected >= 20) { // the pooled tails
                chi2 += (restObserved - restExpected) * (restObserved - restExpected) / restExpected;
                cells++;
            }
            int dof = cells - 1;
            assertThat(chi2).as("chi-square of Binomial(%d, %s), %d degrees of freedom", n, p, dof)
                    .isLessThan(dof + 4.8 * Math.sqrt(2.0 * dof) + 15);
        }
        assertThat(Draws.binomial(rng, 0, 0.3)).isZero();
        assertThat(Draws.binomial(rng, 17, 0.0)).isZero();
        assertThat(Draws.binomial(rng, 17, 1.0)).isEqualTo(17);
    }

    @Test
    void theMemberLoopsSamplersDrawExactlyWhatTheirDistributionsDraw() {
        // FastSampler hoists per-draw constants (Marsaglia–Tsang's d and c): the draws must stay the same, bit for bit
        List<Distribution> all = List.of(new Distribution.Gamma(26000, 1.2), new Distribution.Gamma(5000, 0.5),
                Distribution.LogNormal.of(11000, 1.0), new Distribution.Pareto(60000, 2.3), new Distribution.Uniform(0.5, 2),
                new Distribution.Fixed(3), new Distribution.Beta(2, 5));
        for (Distribution d : all) {
            Rng a = Rng.forTrial(9, 1, 1);
            Rng b = Rng.forTrial(9, 1, 1);
            FastSampler f = FastSampler.of(d);
            for (int i = 0; i < 10_000; i++) {
                assertThat(Double.doubleToRawLongBits(f.sample(a))).as(d.toString()).isEqualTo(Double.doubleToRawLongBits(d.sample(b)));
            }
        }
    }
}
