package org.vbcsettle.ingest.x12;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 835s written for payouts, read back by StAEDI (a separate X12 parser), balance and carry every payout. */
class Edi835RoundTripTest {
    static final LocalDate YEAR_END = LocalDate.parse("2024-12-31");
    static final LocalDateTime AT = LocalDateTime.parse("2025-05-02T10:15:00");

    static Remittance paid() {
        return Remittance.of("Evergreen Health Plan", "EHP001", "Cascade Care Network ACO", "1245319599", "913372058", "ACH",
                LocalDate.parse("2025-05-05"), "TRN-2025-0001", List.of(
                        new Remittance.Payment("cascade-aco-combined-2024|settlement.final|2024", 1_234_567, YEAR_END),
                        new Remittance.Payment("cascade-aco-combined-2024|quality.quality-bonus.pool.a-rather-long-trigger-name|2024", 50_000, YEAR_END),
                        new Remittance.Payment("cascade-aco-combined-2024|settlement.interim|2024-Q2", -20_005, LocalDate.parse("2024-06-30"))));
    }

    static Remittance recouped() {
        return Remittance.of("Evergreen Health Plan", "EHP001", "Harbor IPA", "1245319599", "954410283", "ACH",
                LocalDate.parse("2025-05-05"), "TRN-2025-0002", List.of(
                        new Remittance.Payment("harbor|settlement.final|2024", -75_000, YEAR_END)));
    }

    @Test
    void amountsAreCentsWithTwoDecimals() {
        assertThat(X12.amount(123_456)).isEqualTo("1234.56");
        assertThat(X12.amount(-5)).isEqualTo("-0.05");
        assertThat(X12.amount(0)).isEqualTo("0.00");
        assertThat(X12.amount(100)).isEqualTo("1.00");
        assertThat(X12.cents("1234.5")).isEqualTo(123_450);
        assertThatThrownBy(() -> X12.cents("1.005")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void theParsedAdviceBalancesAndCarriesEveryPayout() {
        String edi = Edi835Writer.write(List.of(paid(), recouped()), "EHP001", "VBCSETTLE", 42, AT);
        List<Remittance> back = Edi835Reader.read(edi);
        assertThat(back).hasSize(2);
        Remittance a = back.get(0);
        // $12,345.67 + $500.00 − $200.05, worked by hand
        assertThat(a.totalCents()).isEqualTo(1_264_562);
        assertThat(a.adjustmentSum()).isEqualTo(-1_264_562);
        assertThat(a.balanced()).isTrue();
        assertThat(a.method()).isEqualTo("ACH");
        assertThat(a.traceNumber()).isEqualTo("TRN-2025-0001");
        assertThat(a.payeeNpi()).isEqualTo("1245319599");
        assertThat(a.payeeTin()).isEqualTo("913372058");
        assertThat(a.paymentDate()).isEqualTo(LocalDate.parse("2025-05-05"));
        assertThat(a.adjustments()).extracting(Remittance.Adjustment::reason).containsExactly("CS", "CS", "WO");
        assertThat(a.adjustments().get(0).reference()).isEqualTo("cascade-aco-combined-2024|settlement.final|2024");
        assertThat(a.adjustments().get(1).reference()).startsWith("VBC").hasSize(23)
                .isEqualTo(X12.reference("cascade-aco-combined-2024|quality.quality-bonus.pool.a-rather-long-trigger-name|2024"));
        assertThat(a.adjustments().get(2).amountCents()).isEqualTo(20_005);
        assertThat(a.adjustments().get(2).fiscalPeriodEnd()).isEqualTo(LocalDate.parse("2024-06-30"));
        assertThat(back).isEqualTo(List.of(paid(), recouped()));

        Remittance r = back.get(1);
        assertThat(r.totalCents()).isZero();
        assertThat(r.method()).isEqualTo("NON");
        assertThat(r.balanced()).isTrue();
        assertThat(r.adjustments()).extracting(Remittance.Adjustment::reason).containsExactly("WO", "FB");
    }

    @Test
    void aBrokenEnvelopeIsRefusedByTheParser() {
        String edi = Edi835Writer.write(List.of(paid()), "EHP001", "VBCSETTLE", 42, AT);
        String wrongCount = edi.replaceFirst("SE\\*\\d+\\*0001", "SE*3*0001");
        assertThatThrownBy(() -> Edi835Reader.read(wrongCount)).isInstanceOf(X12Exception.class).hasMessageContaining("segment");
        String badAmount = edi.replace("*-1234567.00~", "*-12345.678~").replace("-12345.67~", "-12345.678~");
        assertThatThrownBy(() -> Edi835Reader.read(badAmount)).isInstanceOf(X12Exception.class).hasMessageContaining("whole cents");
    }
}
