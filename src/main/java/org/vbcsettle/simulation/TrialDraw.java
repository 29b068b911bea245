package org.vbcsettle.simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Draws one trial's performance year member by member and returns its aggregates. One instance per
 * worker thread; it reuses its generators and counters across trials, so the member loop allocates
 * nothing. A trial's draws depend only on (seed, trial index): four streams, one for the trial's
 * systemic draws (trend, quality score, measure rates), one for members, one for episodes, one for the
 * measures' counts.
 */
final class TrialDraw {
    static final int STREAM_SYSTEMIC = 0;
    static final int STREAM_MEMBERS = 1;
    static final int STREAM_EPISODES = 2;
    static final int STREAM_QUALITY = 3;

    private final SimulationModel m;
    private final Rng systemic = Rng.forTrial(0, 0, STREAM_SYSTEMIC);
    private final Rng rng = Rng.forTrial(0, 0, STREAM_MEMBERS);
    private final Rng episodes = Rng.forTrial(0, 0, STREAM_EPISODES);
    private final Rng quality = Rng.forTrial(0, 0, STREAM_QUALITY);

    // per-trial counters and rates, reused across trials
    private final double[] rate;
    private final long[] num;
    private final long[] den;
    private final long[] excl;
    private final long[] truncated;

    TrialDraw(SimulationModel model) {
        this.m = model;
        int nm = model.measureIds.length;
        rate = new double[nm];
        num = new long[nm];
        den = new long[nm];
        excl = new long[nm];
        truncated = new long[model.truncationCaps.length];
    }

    TrialFigures draw(long seed, int trial) {
        systemic.reseed(seed, trial, STREAM_SYSTEMIC);
        rng.reseed(seed, trial, STREAM_MEMBERS);
        episodes.reseed(seed, trial, STREAM_EPISODES);
        quality.reseed(seed, trial, STREAM_QUALITY);

        Scenario s = m.scenario;
        // Systemic draws, always in the same order and always drawn, so that the member stream never shifts.
        double trendRate = s.trend() + s.trendSd() * systemic.normal();
        double trendFactor = Math.pow(Math.max(0.0, 1.0 + trendRate), s.trendYears());
        BigDecimal score = null;
        if (m.qualityScore != null) {
            score = toScore(m.qualityScore.sample(systemic));
        }
        for (int j = 0; j < rate.length; j++) {
            rate[j] = m.rates[j].sample(systemic);
        }

        java.util.Arrays.fill(truncated, 0);
        // annual dollars → dollars per enrolled month, trend included
        MemberTotals t = drawMembers(trendFactor / 12.0);
        drawMeasures(t.members());
        long[][] spend = drawEpisodes(trendFactor, t.months());
        return new TrialFigures(t.members(), t.months(), t.riskMonths(), t.claimsCents(), truncated.clone(), trendRate, score,
                num.clone(), den.clone(), excl.clone(), spend);
    }

    /** What the member loop adds up besides the per-measure and per-cap counters. */
    private record MemberTotals(long members, long months, long riskMonths, long claimsCents) {
    }

    private MemberTotals drawMembers(final double perMonth) {
        // The hot loop: counters in locals, parameters in final locals, samplers of one final class, so that
        // the JIT keeps it in registers and inlines the draws. Nothing is allocated, and nothing is drawn per
        // member that a count per trial can give (the quality measures: see drawMeasures). Branches that do
        // not depend on a draw are loop invariants; the tier is counted, not searched, so that it costs no
        // mispredicted branch.
        final Rng r = rng;
        final int n = m.members;
        final double fullYearShare = m.fullYearShare;
        final boolean partYear = fullYearShare < 1.0;
        final double churn = m.churn;
        final boolean churns = churn > 0.0;
        final FastSampler risk = m.riskSampler;
        final boolean hasCost = m.hasCost;
        final double noClaims = m.noClaims;
        final boolean someNoClaims = noClaims > 0.0;
        final long[] tierBound = m.tierMaxRiskMilli;
        final FastSampler[] severity = m.tierSamplers;
        final double tailP = m.tailProbability;
        final boolean hasTail = tailP > 0.0;
        final FastSampler tail = m.tailSampler;
        final long[] caps = m.truncationCaps;
        final long[] truncatedSums = truncated;
        final int nCaps = caps.length;
        final long cap0 = nCaps > 0 ? caps[0] : Long.MAX_VALUE;
        long nMembers = 0;
        long nMonths = 0;
        long riskMonths = 0;
        long claimsCents = 0;
        long truncated0 = 0;
        for (int i = 0; i < n; i++) {
            int months = 12;
            if (partYear && r.uniform() >= fullYearShare) {
                months = 1 + r.nextInt(11);
            }
            // With churn the slot's year is split between two members: the first for `first` months, the
            // one attributed in their place for the rest.
            int first = months;
            if (churns && months > 1 && r.uniform() < churn) {
                first = 1 + r.nextInt(months - 1);
            }
            int mm = first;
            int rest = months - first;
            for (;;) {
                double riskScore = risk.sample(r);
                // risk scores carry three decimals, as attribution files do
                long riskMilli = (long) (riskScore * 1000.0 + 0.5);
                nMembers++;
                nMonths += mm;
                riskMonths += riskMilli * mm;
                if (hasCost) {
                    double annual = 0.0;
                    if (!someNoClaims || r.uniform() >= noClaims) {
                        int t = 0;
                        for (long bound : tierBound) {
                            t += riskMilli > bound ? 1 : 0;
                        }
                        annual = severity[t].sample(r);
                    }
                    if (hasTail && r.uniform() < tailP) {
                        annual += tail.sample(r);
                    }
                    long cents = Draws.toCents(annual * perMonth * mm);
                    claimsCents += cents;
                    truncated0 += Math.min(cents, cap0);
                    for (int k = 1; k < nCaps; k++) {
                        truncatedSums[k] += Math.min(cents, caps[k]);
                    }
                }
                if (rest == 0) {
                    break;
                }
                mm = rest;
                rest = 0;
            }
        }
        if (nCaps > 0) {
            truncatedSums[0] = truncated0;
        }
        return new MemberTotals(nMembers, nMonths, riskMonths, claimsCents);
    }

    /**
     * Each measure's counts for the trial's members. A member is eligible with the measure's eligible share,
     * an eligible member excluded with its exclusion share, an eligible member not excluded in the numerator
     * with the trial's rate, each member independently of the others and of their cost: so the denominator
     * is Binomial(members, eligible), the exclusions Binomial(denominator, exclusion share) and the numerator
     * Binomial(denominator − exclusions, rate), exactly the distribution of counting member by member,
     * drawn in three draws per measure instead of one or two per member.
     */
    private void drawMeasures(long nMembers) {
        final Rng q = quality;
        for (int j = 0; j < rate.length; j++) {
            long d = Draws.binomial(q, nMembers, m.eligible[j]);
            long x = Draws.binomial(q, d, m.exclusionShare[j]);
            long nu = Draws.binomial(q, d - x, rate[j]);
            den[j] = d;
            excl[j] = x;
            num[j] = nu;
        }
    }

    /** Each episode type's episodes of the trial, their count drawn from the member-months when not fixed. */
    private long[][] drawEpisodes(double trendFactor, long nMonths) {
        long[][] spend = new long[m.episodeTypes.length][];
        for (int k = 0; k < spend.length; k++) {
            Scenario.EpisodeSpec e = m.episodeSpecs[k];
            long n = e.count() != null ? e.count()
                    : Draws.poisson(episodes, e.perThousandMemberYears() * nMonths / 12.0 / 1000.0);
            if (n > ScenarioReader.MAX_EPISODES) {
                throw new ScenarioException(m.scenario.source() + ": episodes." + m.episodeTypes[k]
                        + ": drew " + n + " episodes in one trial, more than the bound of " + ScenarioReader.MAX_EPISODES);
            }
            long[] out = new long[(int) n];
            for (int x = 0; x < out.length; x++) {
                out[x] = Draws.toCents(e.cost().sample(episodes) * trendFactor);
            }
            spend[k] = out;
        }
        return spend;
    }

    /** A drawn score as the 4-decimal figure a payer would report (half-even), within [0, 1]. */
    static BigDecimal toScore(double d) {
        double c = Math.max(0.0, Math.min(1.0, d));
        return BigDecimal.valueOf(c).setScale(4, RoundingMode.HALF_EVEN);
    }
}
