package org.vbcsettle.api.demo;

import org.vbcsettle.contract.Arrangement;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic, realistic performance year of one contract, drawn from a seed (the same seed gives the
 * same year): member-months with risk scores and some churn and retroactive corrections; claims whose
 * spend runs about 7% under the contract's benchmark PMPM (so shared savings clear a 2% MSR), paid 2 to
 * 10 weeks after service (so the year's last claims arrive in run-out), with about 3% replaced
 * (frequency 7) and 1% voided (frequency 8); bundled-payment episodes whose spend ends under target;
 * quality events that put each measure above its target.
 *
 * @param benchmarkPmpm the benchmark PMPM the spend was drawn against (cents)
 */
public record DemoYear(Contract contract, List<Attribution> attribution, List<Claim> claims,
                       List<QualityEvent> qualityEvents, long benchmarkPmpm) {

    /** PMPM when a contract has no PMPM benchmark: about the 2024 Medicare FFS average. */
    static final long DEFAULT_PMPM_CENTS = 1_000_00;
    /** Spend as a share of benchmark: 7% savings. */
    static final double SPEND_RATIO = 0.93;

    public static DemoYear generate(Contract c, int members, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ c.id().hashCode());
        String p = c.id();
        List<YearMonth> months = c.performancePeriod().months();
        long pmpm = benchmarkPmpm(c, members, months.size());
        List<Attribution> attribution = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        int claimNo = 0;
        double[] risk = new double[members];
        for (int m = 0; m < members; m++) {
            String member = memberId(p, m);
            risk[m] = 0.75 + rnd.nextDouble() * 0.6;
            // about one member in 25 leaves part way through the year
            int lastMonth = rnd.nextInt(25) == 0 ? 3 + rnd.nextInt(months.size() - 3) : months.size();
            for (int i = 0; i < lastMonth; i++) {
                YearMonth ym = months.get(i);
                String aid = p + "-A" + m + "-" + ym;
                attribution.add(new Attribution(aid, member, ym, BigDecimal.valueOf(risk[m]).setScale(3, RoundingMode.HALF_EVEN),
                        risk[m] > 1.2 ? "disabled" : "aged/non-dual", null, true));
                // about one member-month in 200 is retracted later (the member was not eligible that month)
                if (rnd.nextInt(200) == 0) {
                    attribution.add(new Attribution(aid + "-retro", member, ym, BigDecimal.ONE, null, aid, false));
                    continue;
                }
                claimNo = memberMonthClaims(c, rnd, claims, member, ym, pmpm * risk[m] / 1.05, claimNo);
            }
        }
        claimNo = episodes(c, rnd, claims, members, claimNo);
        adjustments(rnd, claims);
        claims.sort(Comparator.comparing(Claim::paidDate).thenComparing(Claim::id));
        attribution.sort(Comparator.comparing(Attribution::month).thenComparing(Attribution::id));
        return new DemoYear(c, attribution, claims, quality(c, rnd, members), pmpm);
    }

    static String memberId(String contractId, int m) {
        return contractId + "-M" + String.format("%05d", m);
    }

    /** Benchmark PMPM in cents: a PMPM benchmark trended; a total one spread over the member-months. */
    static long benchmarkPmpm(Contract c, int members, int months) {
        for (Arrangement a : c.arrangements()) {
            if (a instanceof SharedSavings ss) {
                if (ss.benchmark() instanceof SharedSavings.Benchmark.Pmpm pm) {
                    BigDecimal trend = pm.trend() == null ? BigDecimal.ZERO : pm.trend();
                    int years = pm.trendYears() == null ? 1 : pm.trendYears();
                    return new BigDecimal(pm.baselinePmpm().cents()).multiply(BigDecimal.ONE.add(trend).pow(years), MathContext.DECIMAL64)
                            .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
                }
                if (ss.benchmark() instanceof SharedSavings.Benchmark.Total t) {
                    return t.amount().cents() / Math.max(1, (long) members * months);
                }
            }
        }
        return DEFAULT_PMPM_CENTS;
    }

    private static int memberMonthClaims(Contract c, SplittableRandom rnd, List<Claim> out, String member, YearMonth ym,
                                         double meanCents, int claimNo) {
        // spend of a member-month: lognormal (sigma 1.0) around the mean, in 0..4 claims
        double sigma = 1.0;
        double spend = meanCents * SPEND_RATIO * Math.exp(sigma * gaussian(rnd) - sigma * sigma / 2);
        int n = rnd.nextInt(10) < 2 ? 0 : 1 + rnd.nextInt(3);
        if (n == 0) {
            return claimNo;
        }
        spend = spend * 10 / 8; // months without claims are made up by the others
        for (int k = 0; k < n; k++) {
            long cents = Math.max(500, Math.round(spend / n));
            LocalDate from = ym.atDay(1 + rnd.nextInt(ym.lengthOfMonth()));
            Claim.ClaimType type = cents > 20_000_00 ? Claim.ClaimType.INPATIENT
                    : cents > 3_000_00 ? Claim.ClaimType.OUTPATIENT
                    : rnd.nextInt(5) == 0 ? Claim.ClaimType.PHARMACY : Claim.ClaimType.PROFESSIONAL;
            LocalDate through = type == Claim.ClaimType.INPATIENT ? from.plusDays(2 + rnd.nextInt(5)) : from;
            LocalDate paid = through.plusDays(14 + rnd.nextInt(56));
            String drg = type == Claim.ClaimType.INPATIENT ? "291" : null; // heart failure: not an episode anchor
            out.add(new Claim(c.id() + "-C" + String.format("%07d", ++claimNo), member, type, from, through, paid,
                    Money.ofCents(cents), Money.ofCents(Math.round(cents * 1.08)), drg, List.of(), List.of("I10"),
                    "1234567893", Claim.Frequency.ORIGINAL, null));
        }
        return claimNo;
    }

    /** Per episode definition: anchors spread over the first three quarters, spend ending 10–20% under target. */
    private static int episodes(Contract c, SplittableRandom rnd, List<Claim> out, int members, int claimNo) {
        for (Arrangement a : c.arrangements()) {
            if (!(a instanceof BundledPayment bp) || bp.episodes() == null) {
                continue;
            }
            for (BundledPayment.EpisodeDefinition e : bp.episodes()) {
                if ((e.anchorDrgs() == null || e.anchorDrgs().isEmpty()) && (e.anchorHcpcs() == null || e.anchorHcpcs().isEmpty())) {
                    continue;
                }
                int count = Math.max(4, members / 40);
                for (int i = 0; i < count; i++) {
                    String member = memberId(c.id(), rnd.nextInt(members));
                    LocalDate start = c.performanceStart().plusDays(rnd.nextInt(270));
                    long target = e.targetPrice().cents();
                    long spend = Math.round(target * (0.80 + rnd.nextDouble() * 0.10));
                    long anchorCents = Math.round(spend * 0.6);
                    boolean drgAnchor = e.anchorDrgs() != null && !e.anchorDrgs().isEmpty();
                    LocalDate through = start.plusDays(drgAnchor ? 3 : 0);
                    out.add(new Claim(c.id() + "-C" + String.format("%07d", ++claimNo), member,
                            drgAnchor ? Claim.ClaimType.INPATIENT : Claim.ClaimType.OUTPATIENT, start, through,
                            through.plusDays(20), Money.ofCents(anchorCents), null,
                            drgAnchor ? e.anchorDrgs().get(0) : null,
                            drgAnchor ? List.of() : List.of(e.anchorHcpcs().get(0)), List.of("M17.11"), "1234567893",
                            Claim.Frequency.ORIGINAL, null));
                    // post-acute care inside the window: SNF, then home health
                    LocalDate snf = through.plusDays(1);
                    long snfCents = Math.round((spend - anchorCents) * 0.7);
                    out.add(new Claim(c.id() + "-C" + String.format("%07d", ++claimNo), member, Claim.ClaimType.SNF,
                            snf, snf.plusDays(12), snf.plusDays(40), Money.ofCents(snfCents), null, null, List.of(), List.of("Z47.1"),
                            "1234567893", Claim.Frequency.ORIGINAL, null));
                    LocalDate hh = snf.plusDays(13);
                    out.add(new Claim(c.id() + "-C" + String.format("%07d", ++claimNo), member, Claim.ClaimType.HOME_HEALTH,
                            hh, hh.plusDays(20), hh.plusDays(45), Money.ofCents(spend - anchorCents - snfCents), null, null,
                            List.of(), List.of("Z47.1"), "1234567893", Claim.Frequency.ORIGINAL, null));
                }
            }
        }
        return claimNo;
    }

    /** About 3% of claims are replaced by a corrected claim (frequency 7), 1% voided (frequency 8). */
    private static void adjustments(SplittableRandom rnd, List<Claim> claims) {
        int n = claims.size();
        for (int i = 0; i < n; i++) {
            Claim c = claims.get(i);
            if (c.type() == Claim.ClaimType.INPATIENT || c.type() == Claim.ClaimType.SNF || c.type() == Claim.ClaimType.HOME_HEALTH) {
                continue; // keep episodes whole
            }
            int draw = rnd.nextInt(100);
            if (draw < 3) {
                long corrected = Math.max(100, Math.round(c.paidAmount().cents() * (0.85 + rnd.nextDouble() * 0.2)));
                claims.add(new Claim(c.id() + "-R", c.memberId(), c.type(), c.serviceFrom(), c.serviceThrough(),
                        c.paidDate().plusDays(21), Money.ofCents(corrected), null, c.drg(), c.hcpcs(), c.diagnoses(),
                        c.billingProvider(), Claim.Frequency.REPLACEMENT, c.id()));
            } else if (draw == 3) {
                claims.add(new Claim(c.id() + "-V", c.memberId(), c.type(), c.serviceFrom(), c.serviceThrough(),
                        c.paidDate().plusDays(30), Money.ZERO, Money.ZERO, c.drg(), c.hcpcs(), c.diagnoses(),
                        c.billingProvider(), Claim.Frequency.VOID, c.id()));
            }
        }
    }

    /** Each measure: 60% of members eligible, 2% of those excluded, the rate 5 points on the good side of its target. */
    private static List<QualityEvent> quality(Contract c, SplittableRandom rnd, int members) {
        List<QualityEvent> out = new ArrayList<>();
        String period = c.performancePeriod().id();
        for (Arrangement a : c.arrangements()) {
            if (!(a instanceof QualityIncentive qi) || qi.measures() == null) {
                continue;
            }
            for (QualityIncentive.Measure m : qi.measures()) {
                double goal = goal(m);
                for (int i = 0; i < members; i++) {
                    if (rnd.nextInt(10) >= 6) {
                        continue;
                    }
                    String member = memberId(c.id(), i);
                    String base = c.id() + "-Q-" + m.id() + "-" + i;
                    out.add(new QualityEvent(base + "-d", member, m.id(), period, QualityEvent.Kind.DENOMINATOR));
                    if (rnd.nextInt(50) == 0) {
                        out.add(new QualityEvent(base + "-x", member, m.id(), period, QualityEvent.Kind.EXCLUSION));
                    } else if (rnd.nextDouble() < goal) {
                        out.add(new QualityEvent(base + "-n", member, m.id(), period, QualityEvent.Kind.NUMERATOR));
                    }
                }
            }
        }
        return out;
    }

    /** The numerator rate aimed at: 5 points better than the target or the top tier. */
    static double goal(QualityIncentive.Measure m) {
        BigDecimal t = m.target();
        if (t == null && m.tiers() != null && !m.tiers().isEmpty()) {
            t = m.inverse() ? m.tiers().stream().map(QualityIncentive.Tier::threshold).min(BigDecimal::compareTo).orElseThrow()
                    : m.tiers().stream().map(QualityIncentive.Tier::threshold).max(BigDecimal::compareTo).orElseThrow();
        }
        double target = t == null ? 0.7 : t.doubleValue();
        return Math.min(0.98, Math.max(0.02, m.inverse() ? target - 0.05 : target + 0.05));
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box–Muller: SplittableRandom has no nextGaussian in Java 17
        double u = 1.0 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
