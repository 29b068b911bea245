package org.vbcsettle.settlement.sharedsavings;

import org.vbcsettle.money.Rates;
import org.vbcsettle.settlement.CannotSettle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The MSSP minimum savings rate by number of assigned beneficiaries (42 CFR 425.604(b), reused by 425.605,
 * 425.606 and 425.610 for two-sided ACOs that chose the table as their MSR/MLR). Within each band the rate
 * falls linearly from its value at the band's first count to its value at the band's last count:
 * {@code rate = high − (n − first) / (last − first) × (high − low)}. CMS publishes the rates this gives in the
 * PUFs' {@code MinSavPerc} column (e.g. 11,219 beneficiaries → 2.926845369%), which the tests check.
 */
public final class CmsMinimumSavingsRate {

    /** One band: counts {@code first..last} inclusive, rate from {@code high} (at first) to {@code low} (at last). */
    record Band(long first, long last, BigDecimal high, BigDecimal low) {
    }

    /**
     * The table's points: the first count of each band and the rate (percent) there. A band runs from its
     * point to the count before the next, its rate falling to the next point's rate; the last point is the floor.
     */
    private static final long[] POINT_COUNTS = {0, 500, 1_000, 3_000, 5_000, 6_000, 7_000, 8_000, 9_000, 10_000, 15_000, 20_000,
        50_000, 60_000};
    private static final String[] POINT_PERCENTS = {"12.2", "12.2", "8.7", "5.0", "3.9", "3.6", "3.4", "3.2", "3.1", "3.0", "2.7",
        "2.5", "2.2", "2.0"};

    private static final List<Band> BANDS = bands();

    /** 60,000 assigned beneficiaries or more. */
    private static final BigDecimal FLOOR = new BigDecimal("0.020");

    private CmsMinimumSavingsRate() {
    }

    private static List<Band> bands() {
        List<Band> out = new ArrayList<>();
        for (int i = 0; i + 1 < POINT_COUNTS.length; i++) {
            out.add(new Band(POINT_COUNTS[i], POINT_COUNTS[i + 1] - 1, new BigDecimal(POINT_PERCENTS[i]).movePointLeft(2),
                    new BigDecimal(POINT_PERCENTS[i + 1]).movePointLeft(2)));
        }
        return List.copyOf(out);
    }

    /** The MSR (a fraction, e.g. 0.02926845369) for {@code assigned} beneficiaries, 12 decimals. */
    public static BigDecimal forAssigned(long assigned) {
        if (assigned < 0) {
            throw new CannotSettle("assigned beneficiaries cannot be negative: " + assigned);
        }
        for (Band b : BANDS) {
            if (assigned >= b.first() && assigned <= b.last()) {
                if (b.high().compareTo(b.low()) == 0) {
                    return b.high().setScale(12);
                }
                BigDecimal position = BigDecimal.valueOf(assigned - b.first())
                        .divide(BigDecimal.valueOf(b.last() - b.first()), Rates.MC);
                return b.high().subtract(position.multiply(b.high().subtract(b.low()), Rates.MC))
                        .setScale(12, java.math.RoundingMode.HALF_EVEN);
            }
        }
        return FLOOR.setScale(12);
    }
}
