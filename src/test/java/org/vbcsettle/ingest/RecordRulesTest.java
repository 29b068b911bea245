package org.vbcsettle.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.vbcsettle.api.RecordError;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.ContractLoader;
import org.vbcsettle.contract.Mappers;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One set of record rules: a record sent to {@code settle} (a file line) and the same record sent over HTTP
 * get the same field and message. The expected texts are written out here, not taken from the code.
 */
class RecordRulesTest {
    static final Contract HEDIS = load("contracts/hedis-p4p.yaml");
    static final Contract BPCI = load("contracts/bpci-advanced-bundles.yaml");
    static final String PERIOD_2024 = " is outside the contract's performance period 2024-01-01 to 2024-12-31";

    static Contract load(String file) {
        ContractLoader.Result r = ContractLoader.read(Path.of(file));
        assertThat(r.errors()).isEmpty();
        return r.contract();
    }

    /** Field and message of the file path (NDJSON line checked against the contract) and of the HTTP reader. */
    static <T> void sameErrorBothWays(Contract c, RecordType<T> type, String json, String field, String message) throws Exception {
        assertThatThrownBy(() -> RecordReader.parseNdjsonLine(type, RecordRules.forContract(c), "f.ndjson", 3, json))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.error().field()).isEqualTo(field);
                    assertThat(e.error().message()).isEqualTo(message);
                });
        JsonNode node = Mappers.json().readTree(json);
        var parsed = new org.vbcsettle.api.wire.WireReader(c).read(type, node, "records[0]");
        assertThat(parsed.errors()).extracting(RecordError::field, RecordError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, message));
    }

    static String claim(String serviceFrom, String more) {
        return "{\"id\":\"C-1\",\"memberId\":\"M-1\",\"type\":\"professional\",\"serviceFrom\":\"" + serviceFrom + "\","
                + "\"paidDate\":\"2024-06-30\"" + more + "}";
    }

    @Test
    void claimAmountsAreZeroToTenMillionDollars() throws Exception {
        sameErrorBothWays(HEDIS, ClaimFormat.INSTANCE, claim("2024-03-01", ",\"paidAmount\":-500"), "paidAmount",
                "must not be negative (send a replacement or void claim to take money back), was -500 cents");
        // $10,000,000.00 is 1,000,000,000 cents: one cent more is refused
        sameErrorBothWays(HEDIS, ClaimFormat.INSTANCE, claim("2024-03-01", ",\"paidAmount\":1000000001"), "paidAmount",
                "exceeds the per-claim bound of 1000000000 cents, was 1000000001");
        sameErrorBothWays(HEDIS, ClaimFormat.INSTANCE, claim("2024-03-01", ",\"paidAmount\":100,\"allowedAmount\":-1"), "allowedAmount",
                "must not be negative (send a replacement or void claim to take money back), was -1 cents");
        assertThat(RecordReader.parseNdjsonLine(ClaimFormat.INSTANCE, RecordRules.forContract(HEDIS), "f", 1,
                claim("2024-03-01", ",\"paidAmount\":1000000000")).paidAmount().cents()).isEqualTo(1_000_000_000L);
    }

    @Test
    void claimDates() throws Exception {
        sameErrorBothWays(HEDIS, ClaimFormat.INSTANCE, claim("2023-12-31", ",\"paidAmount\":100"), "serviceFrom",
                "2023-12-31" + PERIOD_2024);
        sameErrorBothWays(HEDIS, ClaimFormat.INSTANCE, claim("2024-07-01", ",\"paidAmount\":100"), "paidDate",
                "2024-06-30 is before serviceFrom 2024-07-01");
        sameErrorBothWays(HEDIS, ClaimFormat.INSTANCE, claim("2024-03-01", ",\"serviceThrough\":\"2024-02-28\",\"paidAmount\":100"),
                "serviceThrough", "2024-02-28 is before serviceFrom 2024-03-01");
        // bundled payment: episodes of 90 days anchored up to 2024-12-31 run to 2025-03-31
        sameErrorBothWays(BPCI, ClaimFormat.INSTANCE, claim("2025-04-01", ",\"paidAmount\":100").replace("2024-06-30", "2025-05-01"),
                "serviceFrom", "2025-04-01 is outside the contract's performance period 2024-01-01 to 2025-03-31");
        assertThat(RecordReader.parseNdjsonLine(ClaimFormat.INSTANCE, RecordRules.forContract(BPCI), "f", 1,
                claim("2025-03-31", ",\"paidAmount\":100").replace("2024-06-30", "2025-05-01")).id()).isEqualTo("C-1");
    }

    @Test
    void attributionMonthAndRisk() throws Exception {
        sameErrorBothWays(HEDIS, AttributionFormat.INSTANCE, "{\"id\":\"A-1\",\"memberId\":\"M-1\",\"month\":\"2019-02\"}",
                "month", "2019-02" + PERIOD_2024);
        sameErrorBothWays(HEDIS, AttributionFormat.INSTANCE, "{\"id\":\"A-1\",\"memberId\":\"M-1\",\"month\":\"2024-02\",\"riskScore\":0}",
                "riskScore", "must be above 0 and at most 20, was 0");
        sameErrorBothWays(HEDIS, AttributionFormat.INSTANCE, "{\"id\":\"A-1\",\"memberId\":\"M-1\",\"month\":\"2024-02\",\"riskScore\":20.5}",
                "riskScore", "must be above 0 and at most 20, was 20.5");
        sameErrorBothWays(HEDIS, AttributionFormat.INSTANCE, "{\"id\":\"A-1\",\"memberId\":\"M-1\",\"month\":\"2024-02\",\"active\":false}",
                "active", "false only retracts a record named by replacesId");
    }

    @Test
    void qualityMeasureAndPeriod() throws Exception {
        sameErrorBothWays(HEDIS, QualityEventFormat.INSTANCE,
                "{\"id\":\"Q-1\",\"memberId\":\"M-1\",\"measureId\":\"NOPE\",\"period\":\"2024\",\"kind\":\"numerator\"}",
                "measureId", "'NOPE' is not a measure of contract harbor-ipa-hedis-p4p-2024 (BCS-E, CBP, COL-E, HBD-PC)");
        sameErrorBothWays(HEDIS, QualityEventFormat.INSTANCE,
                "{\"id\":\"Q-1\",\"memberId\":\"M-1\",\"measureId\":\"CBP\",\"period\":\"2023\",\"kind\":\"numerator\"}",
                "period", "2023" + PERIOD_2024);
        sameErrorBothWays(BPCI, QualityEventFormat.INSTANCE,
                "{\"id\":\"Q-1\",\"memberId\":\"M-1\",\"measureId\":\"CBP\",\"period\":\"2024\",\"kind\":\"numerator\"}",
                "measureId", "contract mercy-general-bpci-a-2024 scores no quality measures");
    }

    @Test
    void withoutAContractOnlyTheContractFreeRulesApply() {
        RecordRules free = RecordRules.contractFree();
        assertThat(free.month(java.time.YearMonth.of(2019, 2))).isNull();
        assertThat(free.measureId("NOPE")).isNull();
        assertThat(RecordRules.amount(org.vbcsettle.money.Money.ofCents(-1))).startsWith("must not be negative");
        assertThat(List.of(free.period("2024-Q5"))).containsExactly("period must be YYYY, YYYY-Qn or YYYY-MM, was '2024-Q5'");
    }
}
