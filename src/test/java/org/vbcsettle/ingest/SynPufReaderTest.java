package org.vbcsettle.ingest;

import org.junit.jupiter.api.Test;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the readers against the counts that /work/shared/data/synpuf/README.md states for the files. */
class SynPufReaderTest {

    static Path synpuf(String file) {
        String base = System.getProperty("vbc.shared.data");
        assertThat(base).as("system property vbc.shared.data (set by the pom)").isNotNull();
        Path p = Path.of(base, "synpuf", file);
        assertThat(Files.isRegularFile(p)).as(p + " exists").isTrue();
        return p;
    }

    @Test
    void inpatientFileMatchesItsReadme() throws IOException {
        List<Claim> claims = new ArrayList<>();
        SynPufInpatientReader.Stats stats = SynPufInpatientReader.read(
                synpuf("DE1_0_2008_to_2010_Inpatient_Claims_Sample_1.csv"), claims::add);
        // README: 5,775 rows; 5,768 claims, 7 of them with a second SEGMENT row
        assertThat(stats.rows()).isEqualTo(5_775);
        assertThat(stats.claims()).isEqualTo(5_768);
        assertThat(stats.mergedSegments()).isEqualTo(7);
        assertThat(claims).hasSize(5_768);
        assertThat(claims.stream().map(Claim::id).collect(Collectors.toSet())).hasSize(5_768);
        // README: 18 claims with MS-DRG 469/470
        assertThat(claims.stream().filter(c -> "469".equals(c.drg()) || "470".equals(c.drg()))).hasSize(18);
        // README: 8 negative and 180 zero payments (rows). One zero-paid segment-1 row belongs to claim
        // 196481177004964, whose segment 2 paid $5,000.00, so after merging 179 claims are zero-paid.
        assertThat(stats.negativePaymentRows()).isEqualTo(8);
        assertThat(stats.zeroPaymentRows()).isEqualTo(180);
        assertThat(claims.stream().filter(c -> c.paidAmount().isNegative())).hasSize(8);
        assertThat(claims.stream().filter(c -> c.paidAmount().isZero())).hasSize(179);
        // README: 23 claims dated 2007
        assertThat(claims.stream().filter(c -> c.serviceFrom().getYear() == 2007)).hasSize(23);
        // merged claim: dates and DRG of segment 1 (12000.00) plus segment 2 (19000.00)
        Claim merged = claims.stream().filter(c -> c.id().equals("196851176990818")).findFirst().orElseThrow();
        assertThat(merged.paidAmount()).isEqualTo(Money.ofDollars(31_000));
        assertThat(merged.drg()).isEqualTo("087");
        assertThat(merged.serviceFrom()).isEqualTo(LocalDate.of(2008, 9, 12));
        assertThat(merged.serviceThrough()).isEqualTo(LocalDate.of(2008, 10, 1));
        assertThat(merged.memberId()).isEqualTo("230D81C8F2AC25F1");
        assertThat(claims).allSatisfy(c -> assertThat(c.type()).isEqualTo(Claim.ClaimType.INPATIENT));
    }

    @Test
    void beneficiarySummaryYieldsFeeForServiceMemberMonths() throws IOException {
        Path file = synpuf("DE1_0_2008_Beneficiary_Summary_File_Sample_1.csv");
        List<Attribution> months = new ArrayList<>();
        SynPufBeneficiaryReader.Stats stats = SynPufBeneficiaryReader.read(file, months::add);
        assertThat(SynPufBeneficiaryReader.yearOf(file)).isEqualTo(2008);
        assertThat(stats.beneficiaries()).isEqualTo(10_000); // README: 10,000 rows for 2008
        // min(Part A, Part B months) - HMO months, cut at the month of death, summed over the file: 80,590
        // member-months of 7,198 beneficiaries (counted with a separate script over the same columns)
        assertThat(stats.memberMonths()).isEqualTo(80_590).isEqualTo(months.size());
        assertThat(months.stream().map(Attribution::memberId).distinct()).hasSize(7_198);
        assertThat(months).allSatisfy(a -> assertThat(a.month().getYear()).isEqualTo(2008));
        assertThat(months.stream().map(Attribution::id).collect(Collectors.toSet())).hasSize(months.size());
        // The first row of the file: 00016F745862898F, 12 months of Part A and B, no HMO, born 1943, no ESRD.
        List<Attribution> first = months.stream().filter(a -> a.memberId().equals("00016F745862898F")).collect(Collectors.toList());
        assertThat(first).hasSize(12);
        assertThat(first.get(0).segment()).isEqualTo("aged/non-dual");
        // The second row: 000B4662348C35B4, ESRD indicator Y.
        assertThat(months.stream().filter(a -> a.memberId().equals("000B4662348C35B4")).map(Attribution::segment)
                .collect(Collectors.toSet())).containsExactly("ESRD");
        // Member-months never exceed 12 per member, nor the Part A or Part B months.
        Map<String, Long> perMember = months.stream().collect(Collectors.groupingBy(Attribution::memberId, Collectors.counting()));
        assertThat(perMember.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 12L));
        assertThat(new HashSet<>(perMember.keySet()).size()).isLessThanOrEqualTo(10_000);
    }
}
