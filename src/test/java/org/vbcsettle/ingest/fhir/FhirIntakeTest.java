package org.vbcsettle.ingest.fhir;

import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.ContractLoader;
import org.vbcsettle.contract.Mappers;
import org.vbcsettle.ingest.ClaimFormat;
import org.vbcsettle.ingest.RecordReader;
import org.vbcsettle.ingest.RecordRules;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each resource type the FHIR intake reads, against records written out by hand from the fixture
 * ({@code src/test/resources/fhir/bundle.json}, see its README): CARIN BB claims including a replacement
 * by {@code related} and a void by {@code entered-in-error}, ATR member-months, DEQM quality events.
 */
class FhirIntakeTest {
    static final Contract HEDIS = ContractLoader.load(Path.of("contracts/hedis-p4p.yaml"));
    static final Contract COMBINED = ContractLoader.load(Path.of("contracts/combined-aco.yaml"));

    static FhirBatch fixture() throws Exception {
        return FhirIntake.read(Files.readString(Path.of("src/test/resources/fhir/bundle.json")), FhirIntake.Form.BUNDLE, HEDIS);
    }

    @Test
    void carinExplanationsOfBenefitBecomeClaims() throws Exception {
        FhirBatch b = fixture();
        assertThat(b.problems()).isEmpty();
        LocalDate d = LocalDate.parse("2024-02-05");
        assertThat(b.claims()).containsExactly(
                new Claim("C-100", "M-1", Claim.ClaimType.INPATIENT, d, LocalDate.parse("2024-02-07"), LocalDate.parse("2024-03-20"),
                        Money.ofCents(1_272_075), Money.ofCents(1_501_738), "470", List.of(), List.of("M1711"), "1234567893",
                        Claim.Frequency.ORIGINAL, null),
                new Claim("C-101", "M-2", Claim.ClaimType.PROFESSIONAL, LocalDate.parse("2024-04-02"), LocalDate.parse("2024-04-02"),
                        LocalDate.parse("2024-04-20"), Money.ofCents(14_500), null, null, List.of("99214", "93000"), List.of(),
                        "1730284615", Claim.Frequency.ORIGINAL, null),
                new Claim("C-102", "M-2", Claim.ClaimType.PHARMACY, LocalDate.parse("2024-05-01"), LocalDate.parse("2024-05-01"),
                        LocalDate.parse("2024-05-03"), Money.ofCents(8_710), null, null, List.of(), List.of(), null,
                        Claim.Frequency.ORIGINAL, null),
                new Claim("C-101-R1", "M-2", Claim.ClaimType.PROFESSIONAL, LocalDate.parse("2024-04-02"), LocalDate.parse("2024-04-02"),
                        LocalDate.parse("2024-06-01"), Money.ofCents(12_050), null, null, List.of(), List.of(), "1730284615",
                        Claim.Frequency.REPLACEMENT, "C-101"),
                new Claim("C-102-void", "M-2", Claim.ClaimType.PHARMACY, LocalDate.parse("2024-05-01"), LocalDate.parse("2024-05-01"),
                        LocalDate.parse("2024-07-01"), Money.ZERO, null, null, List.of(), List.of(), null,
                        Claim.Frequency.VOID, "C-102"));
        assertThat(b.resources()).containsEntry("ExplanationOfBenefit", 5).containsEntry("Group", 1).containsEntry("MeasureReport", 2);
        assertThat(b.skipped()).isEqualTo(Map.of("Patient", 1, "Organization", 1));
    }

    @Test
    void atrGroupBecomesMemberMonthsInsideThePerformancePeriod() throws Exception {
        assertThat(fixture().attribution()).containsExactly(
                new Attribution("atr|M-1|2024-11", "M-1", YearMonth.parse("2024-11"), BigDecimal.ONE, null, null, true),
                new Attribution("atr|M-1|2024-12", "M-1", YearMonth.parse("2024-12"), BigDecimal.ONE, null, null, true),
                new Attribution("atr|M-2|2024-01", "M-2", YearMonth.parse("2024-01"), BigDecimal.ONE, null, null, true),
                new Attribution("atr|M-3|2024-03|inactive", "M-3", YearMonth.parse("2024-03"), BigDecimal.ONE, null, "atr|M-3|2024-03", false));
    }

    @Test
    void deqmIndividualMeasureReportsBecomeQualityEvents() throws Exception {
        assertThat(fixture().qualityEvents()).containsExactly(
                new QualityEvent("mr-1|denominator", "M-1", "CBP", "2024", QualityEvent.Kind.DENOMINATOR),
                new QualityEvent("mr-1|numerator", "M-1", "CBP", "2024", QualityEvent.Kind.NUMERATOR),
                new QualityEvent("deqm-2|denominator", "M-2", "BCS-E", "2024-Q2", QualityEvent.Kind.DENOMINATOR),
                new QualityEvent("deqm-2|denominator-exclusion", "M-2", "BCS-E", "2024-Q2", QualityEvent.Kind.EXCLUSION));
    }

    @Test
    void theSameBundleAsNdjsonReadsTheSame() throws Exception {
        var tree = org.vbcsettle.contract.Mappers.json().readTree(Files.readString(Path.of("src/test/resources/fhir/bundle.json")));
        StringBuilder nd = new StringBuilder();
        tree.path("entry").forEach(e -> nd.append(e.get("resource").toString()).append('\n'));
        FhirBatch b = FhirIntake.read(nd.toString(), FhirIntake.Form.NDJSON, HEDIS);
        FhirBatch f = fixture();
        assertThat(b.claims()).isEqualTo(f.claims());
        assertThat(b.attribution()).isEqualTo(f.attribution());
        assertThat(b.qualityEvents()).isEqualTo(f.qualityEvents());
    }

    /** The example dataset: its CARIN claims are the CSV claims they were written from, record for record. */
    @Test
    void exampleClaimsFromFhirAreTheExampleClaimsFromCsv() throws Exception {
        FhirBatch b = FhirIntake.read(Files.readString(Path.of("examples/fhir/ExplanationOfBenefit.ndjson")), FhirIntake.Form.NDJSON, COMBINED);
        assertThat(b.problems()).isEmpty();
        var csv = RecordReader.readAll(Path.of("examples/fhir/claims-carin.csv"), ClaimFormat.INSTANCE, RecordRules.forContract(COMBINED), 10);
        assertThat(csv.errors()).isEmpty();
        assertThat(b.claims()).hasSize(csv.records().size()).isEqualTo(csv.records());
    }

    @Test
    void exampleAttributionAndQualityRead() throws Exception {
        String body = Files.readString(Path.of("examples/fhir/Patient.ndjson")) + Files.readString(Path.of("examples/fhir/Group.ndjson"))
                + Files.readString(Path.of("examples/fhir/MeasureReport.ndjson"));
        FhirBatch b = FhirIntake.read(body, FhirIntake.Form.NDJSON, COMBINED);
        assertThat(b.problems()).isEmpty();
        var members = RecordReader.readAll(Path.of("examples/members.csv"), org.vbcsettle.ingest.AttributionFormat.INSTANCE, 10);
        long activeMonths = members.records().stream().filter(Attribution::active).map(a -> a.memberId() + a.month()).distinct().count();
        assertThat(b.attribution().stream().map(a -> a.memberId() + a.month()).distinct().count()).isEqualTo(activeMonths);
        var quality = RecordReader.readAll(Path.of("examples/quality.ndjson"), org.vbcsettle.ingest.QualityEventFormat.INSTANCE, 10);
        assertThat(b.qualityEvents()).hasSize(quality.records().size());
    }

    /**
     * Cases the API fuzz found (seed 20241216): an element named {@code ""} made the FHIR parser throw an index
     * out of range, and a population count too large for an integer (the parser keeps the element without a
     * value) made the count's getter throw; both were 500s. Each is now a problem naming its resource.
     */
    @Test
    void aMeasureReportWithATypeOrStatusThatIsNoCodeIsAProblemOfItsResource() throws Exception {
        // found by the API fuzz (seed 20241216, #3862): the parser keeps such an element without a value
        String report = Files.readAllLines(Path.of("examples/fhir/MeasureReport.ndjson")).get(0);
        String reportId = Mappers.json().readTree(report).path("id").asText();
        for (String[] change : List.of(new String[] {"\"type\":\"individual\"", "\"type\":\"'; DROP TABLE event_journal; --\""},
                new String[] {"\"status\":\"complete\"", "\"status\":\"NaN\""})) {
            assertThat(report).contains(change[0]);
            FhirBatch b = FhirIntake.read(report.replace(change[0], change[1]), FhirIntake.Form.NDJSON, COMBINED);
            assertThat(b.ok()).as(change[1]).isFalse();
            assertThat(b.problems()).as(change[1]).anySatisfy(p -> {
                assertThat(p.resource()).isEqualTo("MeasureReport/" + reportId);
                assertThat(p.path()).isIn(".type", ".status", ".");
            });
        }
    }

    @Test
    void anElementWithAnEmptyNameAndACountWithoutValueAreProblemsOfTheirResource() throws Exception {
        String eob = Files.readAllLines(Path.of("examples/fhir/ExplanationOfBenefit.ndjson")).get(0);
        String report = Files.readAllLines(Path.of("examples/fhir/MeasureReport.ndjson")).get(0);
        String eobId = Mappers.json().readTree(eob).path("id").asText();
        String reportId = Mappers.json().readTree(report).path("id").asText();
        assertThat(report).contains("\"count\":1");
        String body = eob.replaceFirst("^\\{", "{\"\":\"12.345\",") + "\n" + report.replace("\"count\":1", "\"count\":9223372036854775808") + "\n";
        FhirBatch b = FhirIntake.read(body, FhirIntake.Form.NDJSON, COMBINED);
        assertThat(b.ok()).isFalse();
        assertThat(b.problems()).anySatisfy(p -> {
            assertThat(p.resource()).isEqualTo("ExplanationOfBenefit/" + eobId);
            assertThat(p.message()).contains("not a valid FHIR R4 resource").contains("empty name");
        });
        assertThat(b.problems()).anySatisfy(p -> {
            assertThat(p.resource()).isEqualTo("MeasureReport/" + reportId);
            assertThat(p.path()).endsWith(".count");
        });
        assertThat(b.qualityEvents()).isEmpty();
        assertThat(b.claims()).isEmpty();
    }
}
