package org.vbcsettle.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void parsesDollarStringsExactly() {
        assertThat(Money.parseDollars("$1,234.56").cents()).isEqualTo(123456);
        assertThat(Money.parseDollars("-12").cents()).isEqualTo(-1200);
        assertThatThrownBy(() -> Money.parseDollars("1.005")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void cmsWholeDollarRoundsHalfAwayFromZero() {
        // $10.50 -> $11; -$10.50 -> -$11; $10.49 -> $10
        assertThat(Rounding.CMS_WHOLE_DOLLAR.apply(new BigDecimal("1050")).cents()).isEqualTo(1100);
        assertThat(Rounding.CMS_WHOLE_DOLLAR.apply(new BigDecimal("-1050")).cents()).isEqualTo(-1100);
        assertThat(Rounding.CMS_WHOLE_DOLLAR.apply(new BigDecimal("1049.99")).cents()).isEqualTo(1000);
    }

    @Test
    void towardZeroNeverExceedsTheWhole() {
        // one third of $1.00 is 33.33.. cents -> 33 cents
        assertThat(Money.ofCents(100).times(new BigDecimal("0.3333333333"), Rounding.TOWARD_ZERO_CENT).cents()).isEqualTo(33);
        assertThat(Money.ofCents(-100).times(new BigDecimal("0.5"), Rounding.TOWARD_ZERO_CENT).cents()).isEqualTo(-50);
    }

    @Test
    void formatsAsDollars() {
        assertThat(Money.ofCents(-123456789).toString()).isEqualTo("-$1,234,567.89");
        assertThat(Money.ofCents(5).toString()).isEqualTo("$0.05");
    }

    @Test
    void overflowIsAnErrorNotAWrap() {
        assertThatThrownBy(() -> Money.ofCents(Long.MAX_VALUE).plus(Money.ofCents(1))).isInstanceOf(ArithmeticException.class);
    }
}
