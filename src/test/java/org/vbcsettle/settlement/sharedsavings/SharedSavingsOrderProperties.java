package org.vbcsettle.settlement.sharedsavings;

import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.SettlementContext;
import org.vbcsettle.settlement.SettlementInputs;
import org.vbcsettle.settlement.Benchmark;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.Period;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared-savings settlement does not depend on the order claims and attribution arrive in, including
 * replacements, voids, competing replacements of one claim, retroactive attribution changes and retractions,
 * nor on identical repeats of a record.
 */
class SharedSavingsOrderProperties {

    /** A year of inputs generated from one seed: every id is unique. */
    record Year(List<Attribution> attribution, List<Claim> claims) {
    }

    static Year year(long seed, int members) {
        Random r = new Random(seed);
        List<Attribution> attribution = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            for (int month = 1; month <= 12; month++) {
                if (r.nextInt(4) > 0) {
                    attribution.add(Attribution.of("a" + m + "-" + month, "m" + m, YearMonth.of(2024, month),
                            BigDecimal.valueOf(50 + r.nextInt(200), 2)));
                }
            }
        }
        int originals = attribution.size();
        for (int k = 0; k < originals / 5; k++) { // retroactive changes and retractions
            Attribution old = attribution.get(r.nextInt(originals));
            attribution.add(new Attribution("r" + k, old.memberId(), old.month(), BigDecimal.valueOf(50 + r.nextInt(200), 2),
                    null, old.id(), r.nextBoolean()));
        }
        List<Claim> claims = new ArrayList<>();
        int n = members * 6;
        for (int k = 0; k < n; k++) {
            LocalDate from = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(366));
            String member = "m" + r.nextInt(members + 1); // one member is never attributed
            // up to $2,500 a claim, about 6 a member-year against an $800 PMPM benchmark: savings and losses both occur
            claims.add(claim("c" + k, member, from, r.nextInt(250_000), Claim.Frequency.ORIGINAL, null, r));
            int successors = r.nextInt(4); // 0..3 replacements/voids, some competing for the same claim
            String target = "c" + k;
            for (int j = 0; j < successors; j++) {
                Claim.Frequency f = r.nextInt(4) == 0 ? Claim.Frequency.VOID : Claim.Frequency.REPLACEMENT;
                String id = "c" + k + "-" + j;
                claims.add(claim(id, member, from, f == Claim.Frequency.VOID ? 0 : r.nextInt(250_000), f, target, r));
                if (r.nextBoolean()) {
                    target = id; // a chain; otherwise the next one competes for the same target
                }
            }
        }
        return new Year(attribution, claims);
    }

    static Claim claim(String id, String member, LocalDate from, long cents, Claim.Frequency f, String replaces, Random r) {
        return new Claim(id, member, Claim.ClaimType.PROFESSIONAL, from, from, from.plusDays(10 + r.nextInt(60)),
                Money.ofCents(cents), null, null, null, null, null, f, replaces);
    }

    static SharedSavings terms(int sharingPercent) {
        return new SharedSavings("ss", new SharedSavings.Benchmark.Pmpm(Money.ofDollars(800), BigDecimal.ZERO, 0, null),
                new MinimumRate.Fixed(new BigDecimal("0.02")), BigDecimal.valueOf(sharingPercent, 2),
                new SharedSavings.QualityRule("q1", new BigDecimal("0.80"), new BigDecimal("0.60")),
                new BigDecimal("0.20"), new BigDecimal("0.02"), null, null, null);
    }

    /** The result, or the refusal's message (e.g. no member-months left in the period: benchmark $0). */
    static Object settle(SharedSavings t, List<Attribution> attribution, List<Claim> claims, String period) {
        ReportedFacts reported = new ReportedFacts(null, new BigDecimal("0.85"), null, null, null, null, null, null, null);
        SettlementInputs in = new SettlementInputs(Period.parse(period), attribution, claims, List.of(), reported, BigDecimal.ONE);
        try {
            return SharedSavingsCalculator.settle(t, SettlementContext.of(null, in), Map.of());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Property(tries = 300)
    void shuffledClaimsAndAttributionSettleTheSame(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int members,
                                                   @ForAll @IntRange(min = 10, max = 90) int sharingPercent,
                                                   @ForAll long shuffleSeed) {
        Year y = year(seed, members);
        List<Attribution> a = new ArrayList<>(y.attribution());
        List<Claim> c = new ArrayList<>(y.claims());
        Random r = new Random(shuffleSeed);
        Collections.shuffle(a, r);
        Collections.shuffle(c, r);
        SharedSavings t = terms(sharingPercent);
        for (String period : List.of("2024", "2024-Q2")) {
            assertThat(settle(t, a, c, period)).isEqualTo(settle(t, y.attribution(), y.claims(), period));
        }
    }

    @Property(tries = 200)
    void identicalRepeatsChangeNothing(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int members, @ForAll long shuffleSeed) {
        Year y = year(seed, members);
        Random r = new Random(shuffleSeed);
        List<Attribution> a = new ArrayList<>(y.attribution());
        List<Claim> c = new ArrayList<>(y.claims());
        for (int i = 0; i < 5; i++) {
            a.add(y.attribution().get(r.nextInt(y.attribution().size())));
            c.add(y.claims().get(r.nextInt(y.claims().size())));
        }
        Collections.shuffle(a, r);
        Collections.shuffle(c, r);
        assertThat(settle(terms(50), a, c, "2024")).isEqualTo(settle(terms(50), y.attribution(), y.claims(), "2024"));
    }
}
