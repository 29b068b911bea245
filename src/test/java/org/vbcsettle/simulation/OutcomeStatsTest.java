package org.vbcsettle.simulation;

import org.junit.jupiter.api.Test;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeStatsTest {

    @Test
    void meanStandardDeviationAndNearestRankPercentilesByHand() {
        // 20 outcomes: -$10.00, -$9.00, ..., $9.00 (cents -1000 .. 900 step 100), shuffled
        long[] v = new long[20];
        for (int i = 0; i < 20; i++) {
            v[(i * 7) % 20] = (i - 10) * 100L;
        }
        OutcomeStats s = OutcomeStats.of(v);
        // mean = (-1000 + 900) / 2 = -50 cents
        assertThat(s.mean()).isEqualTo(Money.ofCents(-50));
        // sample variance of an arithmetic sequence with step d: d² n(n+1)/12 = 10^4 × 20 × 21 / 12 = 350,000;
        // sd = 591.6079... cents → 592
        assertThat(s.standardDeviation()).isEqualTo(Money.ofCents(592));
        // nearest rank: P5 → rank ⌈1⌉ = 1st = -1000; P25 → rank 5 = -600; P50 → rank 10 = -100;
        // P75 → rank 15 = 400; P95 → rank 19 = 800
        assertThat(s.p5()).isEqualTo(Money.ofCents(-1000));
        assertThat(s.p25()).isEqualTo(Money.ofCents(-600));
        assertThat(s.p50()).isEqualTo(Money.ofCents(-100));
        assertThat(s.p75()).isEqualTo(Money.ofCents(400));
        assertThat(s.p95()).isEqualTo(Money.ofCents(800));
        assertThat(s.min()).isEqualTo(Money.ofCents(-1000));
        assertThat(s.max()).isEqualTo(Money.ofCents(900));
    }

    @Test
    void expectedShortfallIsTheMeanOfTheWorstFivePercentOfLosses() {
        // 40 trials: 36 pay +$5, losses of $10, $20, $30, $40 → worst ⌈0.05 × 40⌉ = 2 losses: ($40 + $30) / 2 = $35
        long[] v = new long[40];
        java.util.Arrays.fill(v, 500);
        v[3] = -1000;
        v[11] = -2000;
        v[20] = -3000;
        v[39] = -4000;
        assertThat(OutcomeStats.expectedShortfallOfLosses(v, new BigDecimal("0.95"))).isEqualTo(Money.ofCents(3500));
        // no losses at all → 0
        assertThat(OutcomeStats.expectedShortfallOfLosses(new long[]{1, 2, 3}, new BigDecimal("0.95"))).isEqualTo(Money.ZERO);
    }

    @Test
    void sharesAreFractionsOfTrials() {
        long[] v = {-1, 0, 0, 5, 7, 9, -3, 2};
        assertThat(OutcomeStats.shareAbove(v, 0)).isEqualByComparingTo("0.5");
        assertThat(OutcomeStats.shareBelow(v, 0)).isEqualByComparingTo("0.25");
    }

    @Test
    void aSingleTrialHasNoSpread() {
        OutcomeStats s = OutcomeStats.of(new long[]{12345});
        assertThat(s.standardDeviation()).isEqualTo(Money.ZERO);
        assertThat(s.p5()).isEqualTo(Money.ofCents(12345));
        assertThat(s.p95()).isEqualTo(Money.ofCents(12345));
    }
}
