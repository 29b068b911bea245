package org.vbcsettle.contract;

import org.junit.jupiter.api.Test;
import org.vbcsettle.money.Money;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractLoaderTest {

    static String resource(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/contracts-broken", name));
    }

    @Test
    void everyShippedContractLoadsWithoutProblems() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("contracts"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
        }
        assertThat(files).hasSize(6);
        for (Path f : files) {
            ContractLoader.Result r = ContractLoader.read(f);
            assertThat(r.errors()).as(f.toString()).isEmpty();
            assertThat(r.contract().performanceStart()).isEqualTo(java.time.LocalDate.of(2024, 1, 1));
        }
    }

    @Test
    void dollarStringsBecomeExactCents() {
        Contract c = ContractLoader.load(Path.of("contracts/bpci-advanced-bundles.yaml"));
        BundledPayment bp = (BundledPayment) c.arrangements().get(0);
        assertThat(bp.episodes().get(0).targetPrice()).isEqualTo(Money.ofCents(2_850_000));
        assertThat(bp.episodes().get(0).anchorDrgs()).containsExactly("469", "470");
        assertThat(bp.episodes().get(1).targetPrice()).isEqualTo(Money.ofCents(2_240_000));
        assertThat(bp.stopLoss()).isEqualByComparingTo("0.20");

        Contract e = ContractLoader.load(Path.of("contracts/mssp-enhanced.yaml"));
        SharedSavings ss = (SharedSavings) e.arrangements().get(0);
        assertThat(ss.minimumSavingsRate()).isInstanceOf(MinimumRate.CmsTable.class);
        SharedSavings.LossRate.QualityScaled lr = (SharedSavings.LossRate.QualityScaled) ss.downside().lossRate();
        assertThat(lr.k()).isEqualByComparingTo("0.75");
        assertThat(lr.floor()).isEqualByComparingTo("0.40");
        assertThat(lr.ceiling()).isEqualByComparingTo("0.75");
        assertThat(ss.truncation()).isEqualTo(Money.ofDollars(165_000));
    }

    @Test
    void brokenDocumentReportsEveryProblemInTheAgreedForm() throws IOException {
        ContractLoader.Result r = ContractLoader.parse(resource("acme.yaml"), "contracts/acme.yaml", ContractLoader.Format.YAML);
        assertThat(r.ok()).isFalse();
        assertThat(r.contract()).isNull();
        assertThat(r.errors()).contains(
                "contracts/acme.yaml: arrangements[0].sharingRate: must be between 0 and 1, was 1.5",
                "contracts/acme.yaml: arrangements[0].savingsCap: must be a number, was 'ten percent'",
                "contracts/acme.yaml: arrangements[1].type: unknown value 'capitation' (one of: shared-savings, bundled-payment, quality-incentive)",
                "contracts/acme.yaml: arrangements[2].episodes[1].targetPrice: an amount is an integer number of cents (2850000) or a dollar string (\"$28,500.00\"), was 22400.5",
                "contracts/acme.yaml: performanceEnd: must be after performanceStart (2024-12-31), was 2024-01-01",
                "contracts/acme.yaml: arrangements[0].quality.sourceArrangement: refers to 'hedis', which is not a quality-incentive arrangement of this contract (it has: quality)",
                "contracts/acme.yaml: arrangements[0].quality.alternative: must not be above standard (0.7), was 0.8",
                "contracts/acme.yaml: arrangements[2].id: duplicate id 'savings' (also arrangements[0].id)",
                "contracts/acme.yaml: arrangements[2].episodes[0]: needs at least one anchor code (anchorDrgs or anchorHcpcs)",
                "contracts/acme.yaml: arrangements[2].episodes[0].targetPrice: must not be negative, was -$100.00",
                "contracts/acme.yaml: arrangements[2].episodes[1].anchorDrgs[1]: must be an MS-DRG of three digits, e.g. 470, was '29X'",
                "contracts/acme.yaml: arrangements[2].winsorization: give either lowerPercentile and upperPercentile, or fixedCap, not both",
                "contracts/acme.yaml: arrangements[2].qualityAdjustment.maxAdjustment: must be between 0 and 0.1, was 0.15",
                "contracts/acme.yaml: arrangements[3].measures[0].weight: must be greater than 0, was 0",
                "contracts/acme.yaml: arrangements[3].measures[0].tiers[1].threshold: tiers must be in ascending order of threshold: must be above 0.7, was 0.6");
        assertThat(r.errors()).anySatisfy(e -> assertThat(e).startsWith("contracts/acme.yaml: arrangements[0].sequestraton: unknown field (expected one of: "));
        // 16 problems written into the fixture, each reported once
        assertThat(r.errors()).hasSize(16);
        assertThat(r.errors()).doesNotHaveDuplicates();
        assertThatThrownBy(r::orThrow).isInstanceOf(ContractException.class)
                .satisfies(e -> assertThat(((ContractException) e).errors()).hasSize(16));
    }

    @Test
    void theAdvancePolicyIsReadAndEachBadFieldNamed() {
        String head = "id: x\npayer: P\nprovider: Q\nperformanceStart: 2024-01-01\nperformanceEnd: 2024-12-31\n"
                + "arrangements:\n  - type: quality-incentive\n    id: q\n    measures:\n      - id: M\n        weight: 1\n        target: 0.5\n"
                + "    bonus: {method: pool, amount: \"$1,000.00\"}\n";
        ContractLoader.Result ok = ContractLoader.parse(head + "settlement:\n  withholdRate: 0.1\n  advances:\n"
                + "    minimumExperienceMonths: 4\n    minimumRunOutMonths: 1\n    releasedShare: 0.8\n    withholdAmount: \"$2,500.00\"\n",
                "c.yaml", ContractLoader.Format.YAML);
        assertThat(ok.errors()).isEmpty();
        SettlementTerms.AdvancePolicy p = ok.contract().settlementOrDefault().advancesOrDefault();
        assertThat(p).isEqualTo(new SettlementTerms.AdvancePolicy(4, 1, new java.math.BigDecimal("0.8"), Money.ofDollars(2_500)));
        // left out: the documented defaults (3 months of experience, no run-out, the whole basis, no fixed withhold)
        SettlementTerms.AdvancePolicy d = ContractLoader.parse(head, "c.yaml", ContractLoader.Format.YAML).contract()
                .settlementOrDefault().advancesOrDefault();
        assertThat(List.of(d.minimumExperienceMonthsOrDefault(), d.minimumRunOutMonthsOrDefault())).containsExactly(3, 0);
        assertThat(d.releasedShareOrDefault()).isEqualByComparingTo("1");
        assertThat(d.withholdAmountOrDefault()).isEqualTo(Money.ZERO);

        ContractLoader.Result bad = ContractLoader.parse(head + "settlement:\n  advances:\n"
                + "    minimumExperienceMonths: 0\n    minimumRunOutMonths: 25\n    releasedShare: 1.2\n    withholdAmount: \"-$1.00\"\n",
                "c.yaml", ContractLoader.Format.YAML);
        assertThat(bad.errors()).containsExactly(
                "c.yaml: settlement.advances.minimumExperienceMonths: must be between 1 and 12 (no advance may be paid on a period without claims), was 0",
                "c.yaml: settlement.advances.minimumRunOutMonths: must be between 0 and 24, was 25",
                "c.yaml: settlement.advances.releasedShare: must be between 0 and 1, was 1.2",
                "c.yaml: settlement.advances.withholdAmount: must not be negative, was -$1.00");
        assertThat(ContractLoader.parse(head + "settlement:\n  advances:\n    minimumExperience: 3\n", "c.yaml", ContractLoader.Format.YAML)
                .errors()).singleElement().asString().startsWith("c.yaml: settlement.advances.minimumExperience: unknown field");
    }

    @Test
    void aFieldThatFailedToMapIsNotReportedAgainAsMissing() {
        String doc = "id: x\npayer: P\nprovider: Q\nperformanceStart: 2024-01-01\nperformanceEnd: 2024-12-31\n"
                + "arrangements:\n  - type: quality-incentive\n    id: q\n    measures:\n      - id: M\n        weight: heavy\n        target: 0.5\n"
                + "    bonus: {method: pool, amount: \"$1,000.00\"}\n";
        ContractLoader.Result r = ContractLoader.parse(doc, "c.yaml", ContractLoader.Format.YAML);
        assertThat(r.errors()).containsExactly("c.yaml: arrangements[0].measures[0].weight: must be a number, was 'heavy'");
    }

    @Test
    void jsonDocumentsAreAcceptedAndCheckedTheSameWay() throws IOException {
        ContractLoader.Result r = ContractLoader.parse(resource("bad-date.json"), "api/contract.json", ContractLoader.Format.JSON);
        assertThat(r.errors()).containsExactly(
                "api/contract.json: performanceStart: must be a date (YYYY-MM-DD), was '2024-02-30'",
                "api/contract.json: arrangements[0].minimumComposite: must be a number, was 'high'");
        String ok = Files.readString(Path.of("src/test/resources/contracts-broken/bad-date.json"))
                .replace("2024-02-30", "2024-01-01").replace("\"high\"", "0.5");
        assertThat(ContractLoader.parse(ok, "x.json", ContractLoader.Format.JSON).errors()).isEmpty();
    }

    @Test
    void syntaxErrorsAndEmptyDocumentsNameTheSource() throws IOException {
        ContractLoader.Result r = ContractLoader.parse(resource("bad-syntax.yaml"), "contracts/bad.yaml", ContractLoader.Format.YAML);
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors()).containsExactly(
                "contracts/bad.yaml: line 3: not a valid document: while parsing a flow sequence; expected ',' or ']', but got :");
        assertThat(ContractLoader.parse("", "e.yaml", ContractLoader.Format.YAML).errors())
                .containsExactly("e.yaml: the document is empty");
        assertThat(ContractLoader.parse("- a\n- b\n", "l.yaml", ContractLoader.Format.YAML).errors().get(0))
                .startsWith("l.yaml: a contract document must be a mapping");
        assertThat(ContractLoader.read(Path.of("contracts/nope.yaml")).errors().get(0)).startsWith("contracts/nope.yaml: cannot read");
    }

    @Test
    void duplicateKeysAreRefused() {
        String doc = "id: a\nid: b\n";
        assertThat(ContractLoader.parse(doc, "d.yaml", ContractLoader.Format.YAML).errors().get(0))
                .startsWith("d.yaml: line ").contains("Duplicate field 'id'");
    }
}
