package org.vbcsettle.settlement.sharedsavings;

import org.vbcsettle.money.Rates;
import org.vbcsettle.settlement.CannotSettle;

import java.math.BigDecimal;
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

    private static final List<Band> BANDS = List.of(
            band(0, 499, "12.2", "12.2"),
            band(500, 999, "12.2", "8.7"),
            band(1_000, 2_999, "8.7", "5.0"),
            band(3_000, 4_999, "5.0", "3.9"),
            band(5_000, 5_999, "3.9", "3.6"),
            band(6_000, 6_999, "3.6", "3.4"),
            band(7_000, 7_999, "3.4", "3.2"),
            band(8_000, 8_999, "3.2", "3.1"),
            band(9_000, 9_999, "3.1", "3.0"),
            band(10_000, 14_999, "3.0", "2.7"),
            band(15_000, 19_999, "2.7", "2.5"),
            band(20_000, 49_999, "2.5", "2.2"),
            band(50_000, 59_999, "2.2", "2.0"));

    /** 60,000 assigned beneficiaries or more. */
    private static final BigDecimal FLOOR = new BigDecimal("0.020");

    private CmsMinimumSavingsRate() {
    }

    private static Band band(long first, long last, String highPercent, String lowPercent) {
        return new Band(first, last, new BigDecimal(highPercent).movePointLeft(2), new BigDecimal(lowPercent).movePointLeft(2));
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
