package org.vbcsettle.settlement;

import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.Period;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An id is an idempotency key: resent identically it counts once; resent with other content it is refused. */
class ResentIdTest {

    static Claim claim(String id, long dollars) {
        LocalDate d = LocalDate.of(2024, 3, 1);
        return new Claim(id, "m1", Claim.ClaimType.PROFESSIONAL, d, d, d.plusDays(20), Money.ofDollars(dollars), null, null,
                null, null, null, Claim.Frequency.ORIGINAL, null);
    }

    @Test
    void identicalRepeatsOfAClaimCountOnce() {
        ClaimResolution.Result r = ClaimResolution.resolve(List.of(claim("C-1001", 125), claim("C-1002", 40), claim("C-1001", 125)));
        assertThat(r.effective()).extracting(Claim::id).containsExactly("C-1001", "C-1002");
    }

    @Test
    void aClaimIdWithOtherContentIsRefusedWhicheverComesFirst() {
        assertThatThrownBy(() -> ClaimResolution.resolve(List.of(claim("C-1001", 125), claim("C-1001", 500))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("claim C-1001 appears twice with different content: paidAmount is $125.00 in one and $500.00 in the other");
        assertThatThrownBy(() -> ClaimResolution.resolve(List.of(claim("C-1001", 500), claim("C-1001", 125))))
                .hasMessage("claim C-1001 appears twice with different content: paidAmount is $500.00 in one and $125.00 in the other");
    }

    @Test
    void attributionAndQualityIdsToo() {
        Attribution a = Attribution.of("A-1", "m1", YearMonth.of(2024, 1), new BigDecimal("1.2"));
        Attribution other = Attribution.of("A-1", "m2", YearMonth.of(2024, 1), new BigDecimal("1.2"));
        assertThat(AttributionResolution.resolve(List.of(a, a), Period.parse("2024")).memberMonthCount()).isEqualTo(1);
        assertThatThrownBy(() -> AttributionResolution.resolve(List.of(a, other), Period.parse("2024")))
                .hasMessage("attribution A-1 appears twice with different content: memberId is m1 in one and m2 in the other");
        QualityEvent q = new QualityEvent("Q-1", "m1", "CBP", "2024", QualityEvent.Kind.NUMERATOR);
        QualityEvent q2 = new QualityEvent("Q-1", "m1", "CBP", "2024", QualityEvent.Kind.DENOMINATOR);
        SettlementInputs in = new SettlementInputs(Period.parse("2024"), List.of(a), List.of(), List.of(q, q2), ReportedFacts.NONE, null);
        assertThatThrownBy(() -> SettlementContext.of(null, in))
                .hasMessage("quality event Q-1 appears twice with different content: kind is NUMERATOR in one and DENOMINATOR in the other");
    }
}
