package org.vbcsettle.settlement.quality;

import org.vbcsettle.settlement.ArrangementResult;
import org.vbcsettle.settlement.QualityEvent;
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
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Period;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.contract.QualityIncentive.Bonus;
import org.vbcsettle.contract.QualityIncentive.Measure;
import org.vbcsettle.contract.QualityIncentive.Tier;
import org.vbcsettle.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the quality-incentive calculation over generated measures, counts and events. */
class QualityIncentiveProperties {

    private static final List<String> IDS = List.of("M0", "M1", "M2", "M3", "M4");

    private static Arbitrary<BigDecimal> unit() {
        return Arbitraries.integers().between(0, 10_000).map(i -> BigDecimal.valueOf(i, 4));
    }

    private static Arbitrary<Measure> measure(String id) {
        Arbitrary<List<Tier>> tiers = Combinators.combine(unit(), unit()).as(Tier::new).list().ofMaxSize(4);
        return Combinators.combine(
                        Arbitraries.integers().between(0, 50).map(w -> BigDecimal.valueOf(w, 1)),
                        Arbitraries.integers().between(0, 20),
                        unit(),
                        tiers,
                        Arbitraries.of(true, false))
                .as((w, min, target, ts, inverse) -> new Measure(id, null, w, min, target, ts, inverse));
    }

    @Provide
    Arbitrary<QualityIncentive> terms() {
        Arbitrary<Bonus> bonus = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 10_000).map(c -> new Bonus.Pmpm(Money.ofCents(c))),
                Arbitraries.longs().between(0, 100_000_000).map(c -> new Bonus.Pool(Money.ofCents(c))),
                unit().map(p -> new Bonus.PercentOfPaid(p.movePointLeft(1))));
        Arbitrary<List<Measure>> measures = Combinators.combine(measure("M0"), measure("M1"), measure("M2"), measure("M3"),
                measure("M4"), Arbitraries.integers().between(1, 5)).as((a, b, c, d, e, n) -> List.of(a, b, c, d, e).subList(0, n));
        return Combinators.combine(measures, bonus, Arbitraries.oneOf(Arbitraries.just(null), unit()), Arbitraries.of(true, false))
                .as((ms, b, gate, scale) -> new QualityIncentive("q", ms, b, gate, scale));
    }

    @Provide
    Arbitrary<Map<String, MeasureCounts>> counts() {
        Arbitrary<MeasureCounts> one = Combinators.combine(
                        Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(0, 1000))
                .as((den, x, n) -> {
                    long excl = den == 0 ? 0 : x % (den + 1);
                    long eligible = den - excl;
                    return new MeasureCounts("?", n % (eligible + 1), den, excl);
                });
        return one.list().ofSize(IDS.size()).map(l -> {
            Map<String, MeasureCounts> m = new LinkedHashMap<>();
            for (int i = 0; i < IDS.size(); i++) {
                MeasureCounts c = l.get(i);
                m.put(IDS.get(i), new MeasureCounts(IDS.get(i), c.numerator(), c.denominator(), c.exclusions()));
            }
            return m;
        });
    }

    @Property
    void compositeStaysWithinZeroAndOne(@ForAll("terms") QualityIncentive t, @ForAll("counts") Map<String, MeasureCounts> c,
                                        @ForAll @LongRange(min = 0, max = 100_000) long memberMonths,
                                        @ForAll @LongRange(min = 0, max = 1_000_000_000L) long paid) {
        QualityIncentiveResult r = QualityIncentiveCalculator.compute(t, c, memberMonths, Money.ofCents(paid)).orElseThrow();
        BigDecimal composite = r.composite();
        assertThat(composite).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(r.amount().isNegative()).isFalse();
        if (t.bonus() instanceof Bonus.Pool p) {
            assertThat(r.amount()).isLessThanOrEqualTo(p.amount());
        }
        if (!r.gateMet()) {
            assertThat(r.amount()).isEqualTo(Money.ZERO);
        }
    }

    @Property
    void aHigherNumeratorNeverLowersTheComposite(@ForAll("terms") QualityIncentive t, @ForAll("counts") Map<String, MeasureCounts> c,
                                                 @ForAll @IntRange(min = 0, max = 4) int which) {
        String id = IDS.get(which);
        MeasureCounts mc = c.get(id);
        if (mc.numerator() >= mc.eligible()) {
            return;
        }
        Map<String, MeasureCounts> more = new LinkedHashMap<>(c);
        more.put(id, new MeasureCounts(id, mc.numerator() + 1, mc.denominator(), mc.exclusions()));
        BigDecimal before = QualityIncentiveCalculator.compute(t, c, 0, Money.ZERO).orElseThrow().composite();
        BigDecimal after = QualityIncentiveCalculator.compute(t, more, 0, Money.ZERO).orElseThrow().composite();
        boolean inverse = t.measures().stream().anyMatch(m -> m.id().equals(id) && m.inverse());
        if (inverse) {
            assertThat(after).isLessThanOrEqualTo(before);
        } else {
            assertThat(after).isGreaterThanOrEqualTo(before);
        }
    }

    @Provide
    Arbitrary<List<QualityEvent>> events() {
        Arbitrary<QualityEvent> one = Combinators.combine(
                        Arbitraries.integers().between(0, 1_000_000),
                        Arbitraries.integers().between(0, 15).map(i -> "mb" + i),
                        Arbitraries.of("M0", "M1", "M2", "M3", "M4", "OTHER"),
                        Arbitraries.of("2024", "2024-Q1", "2024-Q2", "2023"),
                        Arbitraries.of(QualityEvent.Kind.class))
                .as((n, member, measure, period, kind) -> new QualityEvent("e" + n, member, measure, period, kind));
        return one.list().ofMaxSize(80).uniqueElements(QualityEvent::id);
    }

    @Property
    void resultDoesNotDependOnEventOrder(@ForAll("terms") QualityIncentive t, @ForAll("events") List<QualityEvent> events,
                                         @ForAll long seed, @ForAll boolean quarter) {
        List<QualityEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));
        Period p = Period.parse(quarter ? "2024-Q1" : "2024");
        Contract c = new Contract("c", 1, null, "p", "aco", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), List.of(t), null);
        SettlementContext a = SettlementContext.of(c, SettlementInputs.of(p, List.of(), List.of(), events));
        SettlementContext b = SettlementContext.of(c, SettlementInputs.of(p, List.of(), List.of(), shuffled));
        Map<String, MeasureCounts> counts = QualityIncentiveCalculator.counts(t, a);
        assertThat(QualityIncentiveCalculator.counts(t, b)).isEqualTo(counts);
        assertThat(QualityIncentiveCalculator.settle(t, b)).isEqualTo(QualityIncentiveCalculator.settle(t, a));
        for (MeasureCounts mc : counts.values()) {
            assertThat(mc.numerator()).isBetween(0L, mc.eligible());
            assertThat(mc.exclusions()).isBetween(0L, mc.denominator());
        }
    }
}
