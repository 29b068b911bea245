package org.vbcsettle.ingest;

import org.junit.jupiter.api.Test;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordReaderTest {

    @Test
    void badClaimsAreNamedByFileLineIdAndField() {
        RecordReader.Loaded<Claim> r = RecordReader.readAll(Path.of("src/test/resources/ingest/claims-bad.csv"), ClaimFormat.INSTANCE, 100);
        String f = "src/test/resources/ingest/claims-bad.csv";
        assertThat(r.errors().stream().map(IngestError::toString).collect(Collectors.toList())).containsExactly(
                f + ":4: claim C-1003: paidAmount: not a whole number of cents: 12.5",
                f + ":5: claim C-1004: type: must be one of inpatient, outpatient, professional, snf, home-health, hospice, dme, pharmacy, was surgery",
                f + ":6: claim C-1005: serviceFrom: not a date (YYYY-MM-DD): 2024-02-30",
                f + ":7: claim C-1006: replacesClaimId: is required for a replacement (7) or void (8)",
                f + ":8: id: is required",
                f + ":9: claim C-1008: has 13 fields, the header has 14",
                f + ":10: claim C-1009: serviceThrough: 2024-02-01 is before serviceFrom 2024-03-01");
        assertThat(r.errorCount()).isEqualTo(7);
        assertThat(r.records()).hasSize(2);
        Claim ip = r.records().get(1);
        assertThat(ip.id()).isEqualTo("C-1002");
        assertThat(ip.paidAmount()).isEqualTo(Money.ofCents(1_441_400));
        assertThat(ip.allowedAmount()).isEqualTo(ip.paidAmount());
        assertThat(ip.hcpcs()).containsExactly("27447", "27130");
        assertThat(ip.diagnoses()).containsExactly("M1711", "Z96651");
        assertThat(ip.drg()).isEqualTo("470");
        assertThat(ip.serviceThrough()).isEqualTo(LocalDate.of(2024, 2, 4));
        assertThat(ip.frequency()).isEqualTo(Claim.Frequency.ORIGINAL);
    }

    @Test
    void theAgreedErrorFormForOneClaimLine() {
        assertThatThrownBy(() -> RecordReader.parseNdjsonLine(ClaimFormat.INSTANCE, "claims.csv", 17,
                "{\"id\":\"C-1009\",\"memberId\":\"M-1\",\"type\":\"professional\",\"serviceFrom\":\"2024-01-02\",\"paidDate\":\"2024-02-01\",\"paidAmount\":12.5}"))
                .isInstanceOf(IngestException.class)
                .hasMessage("claims.csv:17: claim C-1009: paidAmount: not a whole number of cents: 12.5");
    }

    @Test
    void ndjsonLinesParseOneByOne() {
        Claim c = RecordReader.parseNdjsonLine(ClaimFormat.INSTANCE, "body", 1,
                "{\"id\":\"C-2\",\"memberId\":\"M-1\",\"type\":\"snf\",\"serviceFrom\":\"2024-05-01\",\"serviceThrough\":\"2024-05-20\","
                        + "\"paidDate\":\"2024-06-01\",\"paidAmount\":980000,\"hcpcs\":[],\"diagnoses\":\"Z471;M1711\",\"frequency\":8,\"replacesClaimId\":\"C-1\"}");
        assertThat(c.type()).isEqualTo(Claim.ClaimType.SNF);
        assertThat(c.frequency()).isEqualTo(Claim.Frequency.VOID);
        assertThat(c.replacesClaimId()).isEqualTo("C-1");
        assertThat(c.diagnoses()).containsExactly("Z471", "M1711");
        QualityEvent q = RecordReader.parseNdjsonLine(QualityEventFormat.INSTANCE, "body", 2,
                "{\"id\":\"Q-1\",\"memberId\":\"M-1\",\"measureId\":\"CBP\",\"period\":\"2024\",\"kind\":\"numerator\"}");
        assertThat(q.kind()).isEqualTo(QualityEvent.Kind.NUMERATOR);
        assertThatThrownBy(() -> RecordReader.parseNdjsonLine(QualityEventFormat.INSTANCE, "body", 3,
                "{\"id\":\"Q-2\",\"memberId\":\"M-1\",\"measureId\":\"CBP\",\"period\":\"2024\",\"kind\":\"met\"}"))
                .hasMessage("body:3: quality event Q-2: kind: must be numerator, denominator or exclusion, was met");
        assertThatThrownBy(() -> RecordReader.parseNdjsonLine(QualityEventFormat.INSTANCE, "body", 4,
                "{\"id\":\"Q-3\",\"memberId\":\"M-1\",\"measureId\":\"CBP\",\"period\":\"2024-Q5\",\"kind\":\"numerator\"}"))
                .hasMessage("body:4: quality event Q-3: period: period must be YYYY, YYYY-Qn or YYYY-MM, was '2024-Q5'");
        assertThatThrownBy(() -> RecordReader.parseNdjsonLine(ClaimFormat.INSTANCE, "body", 5,
                "{\"id\":\"C-3\",\"memberId\":[\"M-1\"],\"type\":\"snf\",\"serviceFrom\":\"2024-05-01\",\"paidDate\":\"2024-06-01\",\"paidAmount\":1}"))
                .hasMessage("body:5: claim C-3: memberId: must be a single value, not a list");
    }

    @Test
    void badAttributionLinesAreReportedAndTheRestRead() {
        RecordReader.Loaded<Attribution> r = RecordReader.readAll(Path.of("src/test/resources/ingest/members-bad.ndjson"),
                AttributionFormat.INSTANCE, 100);
        String f = "src/test/resources/ingest/members-bad.ndjson";
        assertThat(r.errors().stream().map(IngestError::toString).collect(Collectors.toList())).containsExactly(
                f + ":3: attribution A-2: month: not a month (YYYY-MM): 2024-13",
                f + ":4: attribution A-3: riskScore: not a number: high",
                f + ":5: attribution A-4: risk: unknown field (expected one of: id, memberId, month, riskScore, segment, replacesId, active)",
                f + ":6: not valid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                f + ":7: attribution A-6: segment: must be one of aged/non-dual, aged/dual, disabled, esrd, was child");
        assertThat(r.records()).hasSize(2);
        assertThat(r.records().get(0)).isEqualTo(new Attribution("A-1", "M-1", YearMonth.of(2024, 1), new BigDecimal("1.2"), "aged/non-dual", null, true));
        assertThat(r.records().get(1).active()).isFalse();
        assertThat(r.records().get(1).replacesId()).isEqualTo("A-1");
    }

    @Test
    void csvHeaderMustNameKnownColumnsAndTheRequiredOnes() throws IOException {
        List<IngestError> errors = new ArrayList<>();
        RecordReader.Sink<QualityEvent> sink = new RecordReader.Sink<>() {
            @Override
            public void record(QualityEvent record, long line) {
            }

            @Override
            public void error(IngestError error) {
                errors.add(error);
            }
        };
        RecordReader.stream(new StringReader("id,memberId,measure,period,kind\n"), "q.csv", FileFormat.CSV, QualityEventFormat.INSTANCE, sink);
        RecordReader.stream(new StringReader("id,memberId,period,kind\n"), "q.csv", FileFormat.CSV, QualityEventFormat.INSTANCE, sink);
        RecordReader.stream(new StringReader("id,memberId,measureId,period,kind\nQ-1,M-1,\"CBP,2024,numerator\n"), "q.csv", FileFormat.CSV, QualityEventFormat.INSTANCE, sink);
        assertThat(errors.stream().map(IngestError::toString).collect(Collectors.toList())).containsExactly(
                "q.csv:1: unknown column 'measure' in the header (expected: id,memberId,measureId,period,kind)",
                "q.csv:1: the header has no column 'measureId' (expected: id,memberId,measureId,period,kind)",
                "q.csv:2: malformed CSV: a quoted field is not closed");
    }

    /** Figures printed by examples/generate.py, which computes them on its own. */
    @Test
    void theExampleDatasetReadsCleanlyInBothFormats() {
        RecordReader.Loaded<Claim> csv = RecordReader.readAll(Path.of("examples/claims.csv"), ClaimFormat.INSTANCE, 10);
        RecordReader.Loaded<Claim> ndjson = RecordReader.readAll(Path.of("examples/claims.ndjson"), ClaimFormat.INSTANCE, 10);
        RecordReader.Loaded<Attribution> members = RecordReader.readAll(Path.of("examples/members.csv"), AttributionFormat.INSTANCE, 10);
        RecordReader.Loaded<QualityEvent> quality = RecordReader.readAll(Path.of("examples/quality.ndjson"), QualityEventFormat.INSTANCE, 10);
        assertThat(csv.errors()).isEmpty();
        assertThat(ndjson.errors()).isEmpty();
        assertThat(members.errors()).isEmpty();
        assertThat(quality.errors()).isEmpty();
        assertThat(csv.records()).hasSize(751).isEqualTo(ndjson.records());
        assertThat(members.records()).hasSize(1423);
        assertThat(quality.records()).hasSize(444);
        assertThat(csv.records().stream().filter(c -> c.frequency() == Claim.Frequency.REPLACEMENT).count()).isEqualTo(15);
        assertThat(csv.records().stream().filter(c -> c.frequency() == Claim.Frequency.VOID).count()).isEqualTo(8);
    }
}
