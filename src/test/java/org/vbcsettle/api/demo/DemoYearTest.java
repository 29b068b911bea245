package org.vbcsettle.api.demo;

import org.junit.jupiter.api.Test;
import org.vbcsettle.api.wire.WireReader;
import org.vbcsettle.ingest.ClaimFormat;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Mappers;
import org.vbcsettle.settlement.Claim;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DemoYearTest {

    static final String CONTRACT = """
            id: demo-ss
            payer: p
            provider: q
            performanceStart: 2024-01-01
            performanceEnd: 2024-12-31
            arrangements:
              - type: shared-savings
                id: ss
                benchmark: {method: pmpm, baselinePmpm: "$1,010.00", trend: 0.045, trendYears: 2}
                minimumSavingsRate: {method: fixed, rate: 0.02}
                sharingRate: 0.50
              - type: quality-incentive
                id: hedis
                measures:
                  - {id: CBP, name: BP, weight: 1, minimumDenominator: 30, target: 0.60}
                bonus: {method: pool, amount: "$10,000.00"}
                minimumComposite: 0.5
            """;

    static Contract contract() throws Exception {
        return Mappers.yaml().readValue(CONTRACT, Contract.class);
    }

    @Test
    void benchmark_pmpm_is_the_trended_baseline() throws Exception {
        // $1,010.00 × 1.045² = $1,102.95 (1,102.952500 → 110295 cents, half-even)
        assertThat(DemoYear.benchmarkPmpm(contract(), 100, 12)).isEqualTo(110_295);
    }

    @Test
    void the_same_seed_gives_the_same_year_and_every_record_passes_the_api_checks() throws Exception {
        Contract c = contract();
        DemoYear a = DemoYear.generate(c, 300, 7);
        DemoYear b = DemoYear.generate(c, 300, 7);
        assertThat(a).isEqualTo(b);
        WireReader reader = new WireReader(c);
        var json = Mappers.json();
        Set<String> ids = new HashSet<>();
        for (Claim cl : a.claims()) {
            var node = json.createObjectNode();
            node.put("id", cl.id()).put("memberId", cl.memberId()).put("type", cl.type().code())
                    .put("serviceFrom", cl.serviceFrom().toString()).put("serviceThrough", cl.serviceThrough().toString())
                    .put("paidDate", cl.paidDate().toString()).put("paidAmount", cl.paidAmount().cents())
                    .put("frequency", cl.frequency().code());
            if (cl.replacesClaimId() != null) {
                node.put("replacesClaimId", cl.replacesClaimId());
            }
            assertThat(reader.read(ClaimFormat.INSTANCE, node, cl.id()).errors()).isEmpty();
            assertThat(ids.add(cl.id())).isTrue();
        }
        // at most 12 member-months per member, a few lost to churn
        long originals = a.attribution().stream().filter(x -> x.replacesId() == null).count();
        assertThat(originals).isBetween(300L * 12 - 300, 300L * 12);
        long replacements = a.claims().stream().filter(x -> x.frequency() == Claim.Frequency.REPLACEMENT).count();
        long voids = a.claims().stream().filter(x -> x.frequency() == Claim.Frequency.VOID).count();
        assertThat(replacements).isGreaterThan(0);
        assertThat(voids).isGreaterThan(0);
        assertThat(replacements).isGreaterThan(voids);
        // claims are paid in run-out too: the year's last ones in the next year
        assertThat(a.claims()).anyMatch(x -> x.paidDate().getYear() == 2025);
    }

    @Test
    void spend_runs_under_the_benchmark_and_quality_over_the_target() throws Exception {
        DemoYear y = DemoYear.generate(contract(), 1000, 11);
        long originals = y.claims().stream().filter(x -> x.frequency() == Claim.Frequency.ORIGINAL)
                .mapToLong(x -> x.paidAmount().cents()).sum();
        double pmpm = originals / (1000.0 * 12);
        // drawn at 93% of $1,102.95 for an average member (risk ~1.05 / 1.05): within ±6% of $1,025.74
        assertThat(pmpm).isBetween(1025_74 * 0.94, 1025_74 * 1.06);
        long den = y.qualityEvents().stream().filter(q -> q.kind().name().equals("DENOMINATOR")).count();
        long num = y.qualityEvents().stream().filter(q -> q.kind().name().equals("NUMERATOR")).count();
        long exc = y.qualityEvents().stream().filter(q -> q.kind().name().equals("EXCLUSION")).count();
        assertThat((double) num / (den - exc)).isGreaterThan(0.60);
    }
}
