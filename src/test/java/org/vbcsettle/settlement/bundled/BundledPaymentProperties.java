package org.vbcsettle.settlement.bundled;

import org.vbcsettle.settlement.ArrangementResult;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.ReportedFacts;
import org.vbcsettle.settlement.SettlementContext;
import org.vbcsettle.settlement.SettlementInputs;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.vbcsettle.contract.BundledPayment;
import org.vbcsettle.contract.BundledPayment.EpisodeDefinition;
import org.vbcsettle.contract.BundledPayment.QualityAdjustment;
import org.vbcsettle.contract.BundledPayment.Winsorization;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the bundled-payment reconciliation over generated episodes and claims. */
class BundledPaymentProperties {

    // A: case-mix adjusted, national bounds, an excluded MS-DRG and HCPCS; B: national bounds only.
    private static final EpisodeDefinition A = new EpisodeDefinition("A", null, List.of("470"), List.of("27447"), 90,
            Money.ofDollars(27_000), new BigDecimal("0.03"), new BigDecimal("1.0412"),
            new BundledPayment.SpendBounds(Money.ofDollars(5_000), Money.ofDollars(60_000)), List.of("291"), List.of("J9035"));
    private static final EpisodeDefinition B = new EpisodeDefinition("B", null, List.of("871"), null, 30,
            Money.ofDollars(18_000), null, null,
            new BundledPayment.SpendBounds(Money.ofDollars(2_000), Money.ofDollars(40_000)), null, null);

    /** Terms plus the CQS the reconciliation runs with. */
    record Scenario(BundledPayment terms, BigDecimal cqs) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Winsorization> w = Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.just(Winsorization.national()),
                Arbitraries.longs().between(0, 10_000_000).map(c -> Winsorization.fixedCap(Money.ofCents(c))),
                Combinators.combine(rate(0, 50), rate(50, 100))
                        .as((lo, hi) -> Winsorization.contractPercentiles(lo, hi)));
        Arbitrary<QualityAdjustment> qa = Arbitraries.oneOf(Arbitraries.just(null),
                rate(0, 10).map(m -> new QualityAdjustment(m, null)));
        Arbitrary<BigDecimal> limit = Arbitraries.oneOf(Arbitraries.just(null), rate(0, 50));
        Arbitrary<BigDecimal> cqs = Arbitraries.oneOf(Arbitraries.just(null), rate(0, 100));
        Arbitrary<Boolean> flag = Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.3);
        return Combinators.combine(w, qa, limit, limit, cqs, flag, flag)
                .as((win, q, gain, loss, score, qualityFirst, prorateStays) -> new Scenario(
                        new BundledPayment("b", List.of(A, B), win, q, gain, loss, qualityFirst, prorateStays), score));
    }

    /** A rate lo%..hi% with up to 3 decimals of a percent. */
    private static Arbitrary<BigDecimal> rate(int lo, int hi) {
        return Arbitraries.integers().between(lo * 1000, hi * 1000).map(i -> BigDecimal.valueOf(i, 5));
    }

    @Provide
    Arbitrary<List<EpisodeOutcome>> episodes() {
        Arbitrary<EpisodeOutcome> one = Combinators.combine(
                Arbitraries.integers().between(0, 1_000_000),
                Arbitraries.of("A", "B"),
                Arbitraries.longs().between(0, 12_000_000),
                Arbitraries.longs().between(100_000, 5_000_000),
                Arbitraries.of(true, false))
                .as((n, type, spend, target, closed) -> new EpisodeOutcome("b:" + n, "m" + n, type, "c" + n,
                        LocalDate.of(2024, 3, 1), LocalDate.of(2024, 5, 29), Money.ofCents(spend), Money.ofCents(target), closed));
        return one.list().ofMinSize(0).ofMaxSize(25).uniqueElements(EpisodeOutcome::id);
    }

    private static Money totalTarget(List<EpisodeOutcome> eps) {
        return Money.sum(eps.stream().map(EpisodeOutcome::target).toList());
    }

    @Property
    void stopGainAndStopLossBoundsHold(@ForAll("scenarios") Scenario s, @ForAll("episodes") List<EpisodeOutcome> eps) {
        ArrangementResult r = BundledPaymentCalculator.computeWithLineItems(s.terms(), eps, s.cqs()).orElseThrow();
        BigDecimal t = totalTarget(eps).toDecimalCents();
        BigDecimal amount = r.amount().toDecimalCents();
        if (s.terms().stopGain() != null) {
            assertThat(amount).isLessThanOrEqualTo(t.multiply(s.terms().stopGain()));
        }
        if (s.terms().stopLoss() != null) {
            assertThat(amount).isGreaterThanOrEqualTo(t.multiply(s.terms().stopLoss()).negate());
        }
        // the statement's last line carries the amount
        assertThat(r.lineItems().get(r.lineItems().size() - 1).amountCents()).isEqualTo(r.amount().cents());
    }

    @Property
    void moreSpendingNeverPaysTheProviderMore(@ForAll("scenarios") Scenario s, @ForAll("episodes") List<EpisodeOutcome> eps,
                                              @ForAll @IntRange(min = 0, max = 1000) int which,
                                              @ForAll @LongRange(min = 0, max = 5_000_000) long extra) {
        if (eps.isEmpty()) {
            return;
        }
        int i = which % eps.size();
        List<EpisodeOutcome> more = new ArrayList<>(eps);
        EpisodeOutcome e = eps.get(i);
        more.set(i, new EpisodeOutcome(e.id(), e.memberId(), e.episodeType(), e.anchorClaimId(), e.start(), e.end(),
                e.spend().plus(Money.ofCents(extra)), e.target(), e.closed()));
        Money before = BundledPaymentCalculator.compute(s.terms(), eps, s.cqs()).orElseThrow().amount();
        Money after = BundledPaymentCalculator.compute(s.terms(), more, s.cqs()).orElseThrow().amount();
        assertThat(after).isLessThanOrEqualTo(before);
    }

    @Property
    void qualityAdjustmentNeverExceedsItsMaximum(@ForAll("scenarios") Scenario s, @ForAll("episodes") List<EpisodeOutcome> eps) {
        ArrangementResult r = BundledPaymentCalculator.computeWithLineItems(s.terms(), eps, s.cqs()).orElseThrow();
        long recon = r.figuresAs(BundledPaymentResult.class).reconciliation().cents();
        long adj = r.figuresAs(BundledPaymentResult.class).qualityAdjustmentAmount().cents();
        BigDecimal max = s.terms().qualityAdjustment() == null || s.cqs() == null ? BigDecimal.ZERO
                : s.terms().qualityAdjustment().maxAdjustment();
        assertThat(BigDecimal.valueOf(Math.abs(adj))).isLessThanOrEqualTo(max.multiply(BigDecimal.valueOf(Math.abs(recon))));
        // it always works against the reconciliation: it shrinks a payment and shrinks a repayment
        assertThat(Long.signum(adj) * Long.signum(recon)).isLessThanOrEqualTo(0);
    }

    @Property
    void reconciliationDoesNotDependOnEpisodeOrder(@ForAll("scenarios") Scenario s, @ForAll("episodes") List<EpisodeOutcome> eps,
                                                   @ForAll long seed) {
        List<EpisodeOutcome> shuffled = new ArrayList<>(eps);
        Collections.shuffle(shuffled, new Random(seed));
        ArrangementResult full = BundledPaymentCalculator.computeWithLineItems(s.terms(), eps, s.cqs()).orElseThrow();
        assertThat(BundledPaymentCalculator.computeWithLineItems(s.terms(), shuffled, s.cqs()).orElseThrow()).isEqualTo(full);
        // the figures alone (what a simulation trial takes) are the statement's figures
        BundledPaymentResult lean = BundledPaymentCalculator.compute(s.terms(), shuffled, s.cqs()).orElseThrow();
        assertThat(lean).isEqualTo(full.figures());
        assertThat(full.lineItems().stream().filter(li -> li.label().startsWith("Episode "))).hasSize(eps.size());
    }

    // ---- over claims: episode construction ----

    @Provide
    Arbitrary<List<Claim>> claims() {
        LocalDate base = LocalDate.of(2023, 10, 1);
        Arbitrary<Claim> one = Combinators.combine(
                Arbitraries.integers().between(0, 4),      // member
                Arbitraries.integers().between(0, 6),      // kind
                Arbitraries.integers().between(0, 540),    // day offset from 2023-10-01
                Arbitraries.integers().between(0, 12),     // length of stay
                Arbitraries.longs().between(0, 4_000_000), // paid cents
                Arbitraries.integers().between(0, 1_000_000))
                .as((m, kind, day, los, paid, n) -> claim("c" + n, "m" + m, kind, base.plusDays(day), los, paid));
        return one.list().ofMaxSize(40).uniqueElements(Claim::id);
    }

    private static Claim claim(String id, String member, int kind, LocalDate from, int los, long paid) {
        Claim.ClaimType type;
        String drg = null;
        List<String> hcpcs = List.of();
        switch (kind) {
            case 0 -> { type = Claim.ClaimType.INPATIENT; drg = "470"; }
            case 1 -> { type = Claim.ClaimType.OUTPATIENT; hcpcs = List.of("27447"); los = 0; }
            case 2 -> { type = Claim.ClaimType.INPATIENT; drg = "871"; }
            case 3 -> { type = Claim.ClaimType.INPATIENT; drg = "291"; }
            case 4 -> { type = Claim.ClaimType.SNF; los = los * 5; } // up to 60 days: straddles episode ends
            case 6 -> { type = Claim.ClaimType.OUTPATIENT; hcpcs = List.of("J9035"); los = 0; } // excluded from A
            default -> { type = Claim.ClaimType.PROFESSIONAL; los = 0; }
        }
        return new Claim(id, member, type, from, from.plusDays(los), from.plusDays(los + 14), Money.ofCents(paid), null,
                drg, hcpcs, List.of(), null, null, null);
    }

    /** settle takes the CQS from reported facts (1 when the scenario has none): the terms name no source. */
    private static SettlementContext ctx(Scenario s, List<Claim> claims) {
        Contract c = new Contract("c", 1, null, "p", "h", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                List.of(s.terms()), null);
        ReportedFacts f = new ReportedFacts(null, null, null, null, null, null, null,
                s.cqs() == null ? BigDecimal.ONE : s.cqs(), null);
        return SettlementContext.of(c, new SettlementInputs(Period.parse("2024"), List.of(), claims, List.of(), f, null));
    }

    @Property
    void settlementDoesNotDependOnClaimOrder(@ForAll("scenarios") Scenario s, @ForAll("claims") List<Claim> claims,
                                             @ForAll long seed) {
        List<Claim> shuffled = new ArrayList<>(claims);
        Collections.shuffle(shuffled, new Random(seed));
        BundledPayment t = s.terms();
        assertThat(BundledPaymentCalculator.episodes(t, ctx(s, shuffled))).isEqualTo(BundledPaymentCalculator.episodes(t, ctx(s, claims)));
        assertThat(BundledPaymentCalculator.settle(t, ctx(s, shuffled), Map.of()))
                .isEqualTo(BundledPaymentCalculator.settle(t, ctx(s, claims), Map.of()));
    }

    @Property
    void everyClaimCountsInAtMostOneEpisode(@ForAll("claims") List<Claim> claims) {
        BundledPayment t = new BundledPayment("b", List.of(A, B), null, null, null, null);
        // Over a period wide enough to hold every generated episode, total episode spend never exceeds total paid.
        Contract c = new Contract("c", 1, null, "p", "h", LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31), List.of(t), null);
        SettlementContext ctx = SettlementContext.of(c, SettlementInputs.of(
                new Period("all", LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31)), List.of(), claims, List.of()));
        Money spend = Money.sum(BundledPaymentCalculator.episodes(t, ctx).orElseThrow().stream().map(EpisodeOutcome::spend).toList());
        Money paid = Money.sum(claims.stream().map(Claim::paidAmount).toList());
        assertThat(spend).isLessThanOrEqualTo(paid);
    }

    @Property
    void anExtraNonAnchorClaimNeverPaysTheProviderMore(@ForAll("scenarios") Scenario s, @ForAll("claims") List<Claim> claims,
                                                       @ForAll @IntRange(min = 0, max = 4) int member,
                                                       @ForAll @IntRange(min = 4, max = 5) int kind,
                                                       @ForAll @IntRange(min = 0, max = 540) int day,
                                                       @ForAll @LongRange(min = 0, max = 4_000_000) long paid) {
        List<Claim> more = new ArrayList<>(claims);
        more.add(claim("extra", "m" + member, kind, LocalDate.of(2023, 10, 1).plusDays(day), 3, paid));
        Money before = BundledPaymentCalculator.settle(s.terms(), ctx(s, claims), Map.of()).orElseThrow().amount();
        Money after = BundledPaymentCalculator.settle(s.terms(), ctx(s, more), Map.of()).orElseThrow().amount();
        assertThat(after).isLessThanOrEqualTo(before);
    }
}
