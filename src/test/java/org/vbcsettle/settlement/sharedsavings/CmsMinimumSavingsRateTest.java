package org.vbcsettle.settlement.sharedsavings;


import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the MSRs CMS published (PY2014 PUF, MinSavPerc in percent to 9 decimals) and the band ends. */
class CmsMinimumSavingsRateTest {

    static String percent9(long assigned) {
        return CmsMinimumSavingsRate.forAssigned(assigned).movePointRight(2).setScale(9, RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void matchesPublishedRates() {
        assertThat(percent9(34_601)).isEqualTo("2.353985133"); // A67373
        assertThat(percent9(11_219)).isEqualTo("2.926845369"); // A38665
        assertThat(percent9(6_850)).isEqualTo("3.429829830");  // A84830: 3.42982983
        assertThat(percent9(7_078)).isEqualTo("3.384384384");  // A39692
    }

    @Test
    void bandEnds() {
        assertThat(CmsMinimumSavingsRate.forAssigned(0)).isEqualByComparingTo("0.122");
        assertThat(CmsMinimumSavingsRate.forAssigned(499)).isEqualByComparingTo("0.122");
        assertThat(CmsMinimumSavingsRate.forAssigned(999)).isEqualByComparingTo("0.087");
        assertThat(CmsMinimumSavingsRate.forAssigned(4_999)).isEqualByComparingTo("0.039");
        assertThat(CmsMinimumSavingsRate.forAssigned(5_000)).isEqualByComparingTo("0.039");
        // midway in 10,000–14,999: 3.0% − 2,499.5/4,999 × 0.3% … at 12,499: 3.0 − 2,499/4,999 × 0.3 = 2.850030006%
        assertThat(percent9(12_499)).isEqualTo("2.850030006");
        assertThat(CmsMinimumSavingsRate.forAssigned(59_999)).isEqualByComparingTo("0.020");
        assertThat(CmsMinimumSavingsRate.forAssigned(60_000)).isEqualByComparingTo("0.020");
        assertThat(CmsMinimumSavingsRate.forAssigned(1_000_000)).isEqualByComparingTo(new BigDecimal("0.02"));
    }
}
