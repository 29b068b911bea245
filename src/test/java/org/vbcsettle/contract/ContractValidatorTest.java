package org.vbcsettle.contract;

import org.junit.jupiter.api.Test;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContractValidatorTest {
    static final String SRC = "contracts/acme.yaml";

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Contract contract(Arrangement... arrangements) {
        return new Contract("acme", 1, "Acme", "Payer", "Provider", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                List.of(arrangements), null);
    }

    static SharedSavings savings(String id, BigDecimal sharingRate) {
        return new SharedSavings(id, new SharedSavings.Benchmark.Total(Money.ofDollars(10_000_000)),
                new MinimumRate.Fixed(d("0.02")), sharingRate, null, d("0.10"), d("0.02"), null, null, null);
    }

    static QualityIncentive quality(String id, QualityIncentive.Measure... measures) {
        return new QualityIncentive(id, List.of(measures), new QualityIncentive.Bonus.Pmpm(Money.ofCents(400)), d("0.5"), true);
    }

    static QualityIncentive.Measure measure(String id, BigDecimal weight, List<QualityIncentive.Tier> tiers, Boolean inverse) {
        return new QualityIncentive.Measure(id, id, weight, 30, tiers == null ? d("0.7") : null, tiers, inverse);
    }

    static BundledPayment bundle(BundledPayment.Winsorization w, BundledPayment.QualityAdjustment qa,
                                 BundledPayment.EpisodeDefinition... episodes) {
        return new BundledPayment("bp", List.of(episodes), w, qa, d("0.20"), d("0.20"));
    }

    static BundledPayment.EpisodeDefinition episode(String type, List<String> drgs, List<String> hcpcs, Money target) {
        return new BundledPayment.EpisodeDefinition(type, type, drgs, hcpcs, 90, target, d("0.03"));
    }

    @Test
    void aValidContractHasNoProblems() {
        Contract c = contract(quality("q", measure("CBP", BigDecimal.ONE, null, null)),
                savings("ss", d("0.5")),
                bundle(BundledPayment.Winsorization.contractPercentiles(d("0.01"), d("0.99")), new BundledPayment.QualityAdjustment(d("0.10"), "q"),
                        episode("MJRLE", List.of("469", "470"), null, Money.ofDollars(28_500))));
        assertThat(ContractValidator.validate(c, SRC)).isEmpty();
    }

    @Test
    void ratesOutsideZeroToOneAreNamedWithTheirPathAndValue() {
        assertThat(ContractValidator.validate(contract(savings("ss", d("1.5"))), SRC))
                .containsExactly("contracts/acme.yaml: arrangements[0].sharingRate: must be between 0 and 1, was 1.5");
    }

    @Test
    void requiredFieldsAndDates() {
        Contract c = new Contract(null, 0, null, " ", "P", LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 1), List.of(), null);
        assertThat(ContractValidator.validate(c, SRC)).containsExactly(
                "contracts/acme.yaml: id: is required",
                "contracts/acme.yaml: version: must be 1 or more, was 0",
                "contracts/acme.yaml: payer: is required",
                "contracts/acme.yaml: performanceEnd: must be after performanceStart (2024-06-01), was 2024-06-01",
                "contracts/acme.yaml: arrangements: needs at least one arrangement");
    }

    @Test
    void arrangementIdsAreUniqueAndSafe() {
        assertThat(ContractValidator.validate(contract(savings("ss", d("0.5")), savings("ss", d("0.5")), savings("a b", d("0.5"))), SRC))
                .containsExactly("contracts/acme.yaml: arrangements[1].id: duplicate id 'ss' (also arrangements[0].id)",
                        "contracts/acme.yaml: arrangements[2].id: must be 1 to 64 letters, digits, '.', '_' or '-' (starting with a letter or digit), was 'a b'");
    }

    @Test
    void qualityReferencesMustNameAQualityIncentiveArrangement() {
        SharedSavings gated = new SharedSavings("ss", new SharedSavings.Benchmark.Total(Money.ofDollars(1_000_000)),
                new MinimumRate.CmsTable(), d("0.5"), new SharedSavings.QualityRule("ss", d("0.7"), d("0.4")), null, null, null, null, null);
        assertThat(ContractValidator.validate(contract(gated), SRC)).containsExactly(
                "contracts/acme.yaml: arrangements[0].quality.sourceArrangement: refers to 'ss', which is not a quality-incentive arrangement of this contract (it has none)");
    }

    @Test
    void contractPercentilesMustBeChosenExplicitly() {
        BundledPayment.EpisodeDefinition e = episode("MJRLE", List.of("470"), null, Money.ofDollars(28_500));
        assertThat(ContractValidator.validate(contract(bundle(new BundledPayment.Winsorization(d("0.01"), d("0.99"), null, null), null, e)), SRC))
                .containsExactly("contracts/acme.yaml: arrangements[0].winsorization.bounds: percentiles over this contract's own"
                        + " episodes must be chosen explicitly with bounds: contract-percentiles (CMS winsorizes at national"
                        + " bounds: bounds: national and each episode's nationalBounds)");
        assertThat(ContractValidator.validate(contract(bundle(new BundledPayment.Winsorization(null, null, null, "regional"), null, e)), SRC))
                .containsExactly("contracts/acme.yaml: arrangements[0].winsorization.bounds: must be national or contract-percentiles, was 'regional'");
    }

    @Test
    void nationalBoundsAreNeededPerEpisodeAndOrdered() {
        BundledPayment.EpisodeDefinition none = episode("MJRLE", List.of("470"), null, Money.ofDollars(28_500));
        assertThat(ContractValidator.validate(contract(bundle(BundledPayment.Winsorization.national(), null, none)), SRC))
                .containsExactly("contracts/acme.yaml: arrangements[0].episodes[0].nationalBounds: is needed when"
                        + " winsorization.bounds is national (CMS's national 1st and 99th percentile spend of the clinical episode)");
        BundledPayment.EpisodeDefinition reversed = new BundledPayment.EpisodeDefinition("MJRLE", "Joint", List.of("470"), null, 90,
                Money.ofDollars(28_500), d("0.03"), d("1.05"),
                new BundledPayment.SpendBounds(Money.ofDollars(90_000), Money.ofDollars(4_000)), null, null);
        assertThat(ContractValidator.validate(contract(bundle(BundledPayment.Winsorization.national(), null, reversed)), SRC))
                .containsExactly("contracts/acme.yaml: arrangements[0].episodes[0].nationalBounds.upper: must be above"
                        + " lower ($90,000.00), was $4,000.00");
    }

    @Test
    void caseMixAdjustmentAndExcludedCodesAreChecked() {
        BundledPayment.EpisodeDefinition e = new BundledPayment.EpisodeDefinition("MJRLE", "Joint", List.of("470"), null, 90,
                Money.ofDollars(28_500), d("0.03"), d("0"), null, List.of("4701"), List.of("J12"));
        assertThat(ContractValidator.validate(contract(bundle(null, null, e)), SRC)).containsExactly(
                "contracts/acme.yaml: arrangements[0].episodes[0].caseMixAdjustment: must be between 0.1 and 10, was 0",
                "contracts/acme.yaml: arrangements[0].episodes[0].excludedDrgs[0]: must be an MS-DRG of three digits, e.g. 470, was '4701'",
                "contracts/acme.yaml: arrangements[0].episodes[0].excludedHcpcs[0]: must be a HCPCS/CPT code of five characters, e.g. 27447, was 'J12'");
    }

    @Test
    void winsorizationHasExactlyOneForm() {
        BundledPayment.EpisodeDefinition e = episode("MJRLE", List.of("470"), null, Money.ofDollars(28_500));
        assertThat(ContractValidator.validate(contract(bundle(new BundledPayment.Winsorization(null, null, null, null), null, e)), SRC))
                .containsExactly("contracts/acme.yaml: arrangements[0].winsorization: give bounds: national, or bounds:"
                        + " contract-percentiles with lowerPercentile and upperPercentile, or fixedCap");
        assertThat(ContractValidator.validate(contract(bundle(BundledPayment.Winsorization.contractPercentiles(d("0.01"), null), null, e)), SRC))
                .containsExactly("contracts/acme.yaml: arrangements[0].winsorization.upperPercentile: is required");
        assertThat(ContractValidator.validate(contract(bundle(BundledPayment.Winsorization.contractPercentiles(d("0.99"), d("0.01")), null, e)), SRC))
                .containsExactly("contracts/acme.yaml: arrangements[0].winsorization.upperPercentile: must be above lowerPercentile (0.99), was 0.01");
        assertThat(ContractValidator.validate(contract(bundle(BundledPayment.Winsorization.fixedCap(Money.ofDollars(80_000)), null, e)), SRC))
                .isEmpty();
    }

    @Test
    void episodesNeedAnAnchorAPositiveTargetAndADistinctType() {
        List<String> problems = ContractValidator.validate(contract(bundle(null, new BundledPayment.QualityAdjustment(d("0.11"), null),
                episode("MJRLE", List.of(), List.of(), Money.ZERO),
                episode("MJRLE", null, List.of("27447", "2744"), Money.ofDollars(1)))), SRC);
        assertThat(problems).containsExactly(
                "contracts/acme.yaml: arrangements[0].episodes[0]: needs at least one anchor code (anchorDrgs or anchorHcpcs)",
                "contracts/acme.yaml: arrangements[0].episodes[0].targetPrice: must be greater than $0.00",
                "contracts/acme.yaml: arrangements[0].episodes[1].episodeType: duplicate episode type 'MJRLE' (also arrangements[0].episodes[0].episodeType)",
                "contracts/acme.yaml: arrangements[0].episodes[1].anchorHcpcs[1]: must be a HCPCS/CPT code of five characters, e.g. 27447, was '2744'",
                "contracts/acme.yaml: arrangements[0].qualityAdjustment.maxAdjustment: must be between 0 and 0.1, was 0.11");
    }

    @Test
    void tiersAscendForOrdinaryMeasuresAndDescendForInverseOnes() {
        List<QualityIncentive.Tier> up = List.of(new QualityIncentive.Tier(d("0.6"), d("0.5")), new QualityIncentive.Tier(d("0.7"), d("1")));
        List<QualityIncentive.Tier> down = List.of(new QualityIncentive.Tier(d("0.35"), d("0.5")), new QualityIncentive.Tier(d("0.25"), d("1")));
        assertThat(ContractValidator.validate(contract(quality("q", measure("A", BigDecimal.ONE, up, null),
                measure("B", BigDecimal.ONE, down, true))), SRC)).isEmpty();
        assertThat(ContractValidator.validate(contract(quality("q", measure("A", BigDecimal.ONE, down, null),
                measure("B", BigDecimal.ONE, up, true))), SRC)).containsExactly(
                "contracts/acme.yaml: arrangements[0].measures[0].tiers[1].threshold: tiers must be in ascending order of threshold: must be above 0.35, was 0.25",
                "contracts/acme.yaml: arrangements[0].measures[1].tiers[1].threshold: tiers of a lower-is-better measure must be in descending order of threshold: must be below 0.6, was 0.7");
        List<QualityIncentive.Tier> fallingPoints = List.of(new QualityIncentive.Tier(d("0.6"), d("1")), new QualityIncentive.Tier(d("0.7"), d("0.5")));
        assertThat(ContractValidator.validate(contract(quality("q", measure("A", d("-1"), fallingPoints, null))), SRC)).containsExactly(
                "contracts/acme.yaml: arrangements[0].measures[0].weight: must be greater than 0, was -1",
                "contracts/acme.yaml: arrangements[0].measures[0].tiers[1].points: must not be below the previous tier's points (1), was 0.5");
    }

    @Test
    void downsideAndSettlementTerms() {
        SharedSavings twoSided = new SharedSavings("ss", new SharedSavings.Benchmark.Pmpm(Money.ofDollars(1000), d("0.05"), null, null),
                new MinimumRate.Fixed(d("-0.01")), d("0.5"), null, null, null, Money.ofCents(-1),
                new SharedSavings.Downside(null, new SharedSavings.LossRate.QualityScaled(d("0.75"), d("0.75"), d("0.40")),
                        new SharedSavings.LossLimit(d("0.08"), null), null), null);
        Contract c = new Contract("acme", 1, "n", "P", "Q", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), List.of(twoSided),
                new SettlementTerms(30, List.of(new SettlementTerms.CompletionFactor(3, d("0.9")), new SettlementTerms.CompletionFactor(1, d("1.2"))),
                        d("1.5"), true));
        List<String> problems = new ArrayList<>(ContractValidator.validate(c, SRC));
        assertThat(problems).containsExactly(
                "contracts/acme.yaml: arrangements[0].benchmark.trendYears: is required when a trend is given",
                "contracts/acme.yaml: arrangements[0].minimumSavingsRate.rate: must be between 0 and 1, was -0.01",
                "contracts/acme.yaml: arrangements[0].truncation: must not be negative, was -$0.01",
                "contracts/acme.yaml: arrangements[0].downside.minimumLossRate: is required",
                "contracts/acme.yaml: arrangements[0].downside.lossRate.ceiling: must not be below floor (0.75), was 0.4",
                "contracts/acme.yaml: arrangements[0].downside.lossLimit.percentOfBenchmark: is required",
                "contracts/acme.yaml: settlement.runOutMonths: must be between 0 and 24, was 30",
                "contracts/acme.yaml: settlement.withholdRate: must be between 0 and 1, was 1.5",
                "contracts/acme.yaml: settlement.completionFactors[1].monthsOfRunOut: must be in ascending order: must be above 3, was 1",
                "contracts/acme.yaml: settlement.completionFactors[1].factor: must be above 0 and at most 1, was 1.2");
    }

    // ---- strings the journal cannot hold (lone surrogates, control characters, over-long values)

    static Contract named(String name, String payer, String provider) {
        return new Contract("acme", 1, name, payer, provider, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                List.of(savings("ss", d("0.5"))), null);
    }

    @Test
    void namesAndPartiesThatCannotBeStoredAreNamed() {
        assertThat(ContractValidator.validate(named("Acme \ud800 ACO", "Payer", "Provider"), SRC))
                .containsExactly(SRC + ": name: contains a lone UTF-16 surrogate (U+D800) at position 6");
        assertThat(ContractValidator.validate(named("Acme\u0000", "Payer", "Provider"), SRC))
                .containsExactly(SRC + ": name: contains a control character (U+0000) at position 5");
        assertThat(ContractValidator.validate(named("N".repeat(501), "Payer", "Provider"), SRC))
                .containsExactly(SRC + ": name: is longer than 500 characters");
        assertThat(ContractValidator.validate(named("Acme", "Pay\udc00er", "Provider\u001b"), SRC)).containsExactly(
                SRC + ": payer: contains a lone UTF-16 surrogate (U+DC00) at position 4",
                SRC + ": provider: contains a control character (U+001B) at position 9");
        assertThat(ContractValidator.validate(named("Acme", "P".repeat(201), "Provider"), SRC))
                .containsExactly(SRC + ": payer: is longer than 200 characters");
    }

    @Test
    void aNameIsFreeTextButAnIdIsNot() {
        assertThat(ContractValidator.validate(named("Acme ACO\n(2024 agreement)\tgroup 1", "Payer", "Provider"), SRC)).isEmpty();
        assertThat(ContractValidator.validate(named("Acme \ud83d\ude00", "Payer", "Provider"), SRC)).as("a surrogate pair is fine").isEmpty();
        assertThat(ContractValidator.validate(named("Acme", "Payer\tone", "Provider"), SRC))
                .containsExactly(SRC + ": payer: contains a control character (U+0009) at position 6");
        Contract badId = new Contract("ac\ud800me", 1, "Acme", "Payer", "Provider", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                List.of(savings("s\u0000s", d("0.5"))), null);
        assertThat(ContractValidator.validate(badId, SRC)).containsExactly(
                SRC + ": id: contains a lone UTF-16 surrogate (U+D800) at position 3",
                SRC + ": arrangements[0].id: contains a control character (U+0000) at position 2");
        Contract oddId = new Contract("ac me", 1, "Acme", "Payer", "Provider", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                List.of(savings("ss", d("0.5"))), null);
        assertThat(ContractValidator.validate(oddId, SRC)).containsExactly(
                SRC + ": id: must be 1 to 64 letters, digits, '.', '_' or '-' (starting with a letter or digit), was 'ac me'");
    }

    @Test
    void measureAndEpisodeNamesThatCannotBeStoredAreNamed() {
        QualityIncentive.Measure m = new QualityIncentive.Measure("CBP", "Blood \udfff pressure", BigDecimal.ONE, 30, d("0.7"), null, null);
        BundledPayment.EpisodeDefinition e = new BundledPayment.EpisodeDefinition("MJRLE", "Joint\u0085", List.of("470"), null, 90,
                Money.ofDollars(28_500), d("0.03"));
        assertThat(ContractValidator.validate(contract(quality("q", m), bundle(null, null, e)), SRC)).containsExactly(
                SRC + ": arrangements[0].measures[0].name: contains a lone UTF-16 surrogate (U+DFFF) at position 7",
                SRC + ": arrangements[1].episodes[0].name: contains a control character (U+0085) at position 6");
    }

    @Test
    void periodIdsAreReadWithoutThrowing() {
        assertThat(Period.read("2024-07").period()).isEqualTo(new Period("2024-07", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 31)));
        assertThat(Period.read("2024-Q2").period().end()).isEqualTo(LocalDate.of(2024, 6, 30));
        for (String bad : List.of("2024-13", "2024-00", "2024-99", "2024-Q0", "2024-Q5", "2024-", "", " 2024", "２０２４", "2024-1")) {
            Period.Read r = Period.read(bad);
            assertThat(r.ok()).as(bad).isFalse();
            assertThat(r.problem()).as(bad).isEqualTo("period must be YYYY, YYYY-Qn or YYYY-MM, was '" + bad + "'");
        }
        assertThat(Period.read(null).problem()).contains("is required");
        assertThat(Period.read("\ud800").problem()).endsWith("was 'U+D800'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Period.parse("2024-13"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024-13");
    }
}
