package org.vbcsettle.ledger;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.money.Money;
import org.vbcsettle.money.Rounding;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.QualityEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vbcsettle.ledger.Fixtures.quality;

/**
 * A benchmark met while the projection of the performance period cannot be computed pays no advance: no
 * payout is recorded (its trigger has not fired), the reply says why, and the advance is paid once the
 * projection can be computed.
 */
class LedgerProjectionRefusedTest {

    static ActorTestKit testKit;

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create("LedgerProjectionRefusedTest", ContractEntityTest.CONFIG);
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    /** The quality pool (CBP) and shared savings against an $800 PMPM benchmark: no member-months, no benchmark. */
    private static Contract poolAndPmpmSavings(String id) {
        Contract pool = Fixtures.qualityPool(id);
        QualityIncentive qi = (QualityIncentive) pool.arrangements().get(0);
        SharedSavings ss = new SharedSavings("ss", new SharedSavings.Benchmark.Pmpm(Money.ofDollars(800), BigDecimal.ZERO, 0, null),
                new MinimumRate.Fixed(new BigDecimal("0.02")), new BigDecimal("0.50"), null, new BigDecimal("0.10"),
                BigDecimal.ZERO, null, null, null);
        return new Contract(id, 1, pool.name(), pool.payer(), pool.provider(), pool.performanceStart(), pool.performanceEnd(),
                List.of(qi, ss), pool.settlement());
    }

    @Test
    void aMeasureMetWithoutAComputableProjectionPaysNoAdvanceAndSaysWhy() {
        var kit = EventSourcedBehaviorTestKit.<ContractCommand, ContractEvent, ContractState>create(testKit.system(),
                ContractEntity.create("U"), EventSourcedBehaviorTestKit.enabledSerializationSettings());
        assertThat(kit.<LedgerReplies.ContractReply>runCommand(r -> new ContractCommand.RegisterContract(poolAndPmpmSavings("U"), r))
                .reply().refusal()).isNull();
        String key = "U|quality.qi.CBP.met|2024";

        // three months of claims (the advance policy's default minimum experience), so that the data meets it
        var claimed = kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordClaims(List.of(
                Fixtures.claim("c1", "m1", LocalDate.of(2024, 1, 5), 100_00), Fixtures.claim("c2", "m1", LocalDate.of(2024, 2, 5), 100_00),
                Fixtures.claim("c3", "m2", LocalDate.of(2024, 3, 5), 100_00)), r));
        assertThat(claimed.reply().accepted()).isEqualTo(3);
        // CBP met (2 of 2 eligible), but no attribution yet: the PMPM benchmark has no member-months
        var met = kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordQualityEvents(List.of(
                quality("d1", "m1", QualityEvent.Kind.DENOMINATOR), quality("d2", "m2", QualityEvent.Kind.DENOMINATOR),
                quality("n1", "m1", QualityEvent.Kind.NUMERATOR), quality("n2", "m2", QualityEvent.Kind.NUMERATOR)), r));
        assertThat(met.reply().accepted()).isEqualTo(4);
        assertThat(met.reply().payouts()).isEmpty();
        assertThat(met.events()).noneMatch(e -> e instanceof ContractEvent.PayoutTriggered);
        assertThat(kit.getState().payout(key)).isNull();
        assertThat(kit.getState().payouts()).isEmpty();
        assertThat(met.reply().notes()).singleElement().asString()
                .contains("quality measure CBP of qi")
                .contains("not advanced now: projected settlement not available")
                .contains("benchmark");

        // member-months arrive: the projection can be computed, and the measure met is advanced now
        List<Attribution> members = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            members.add(Fixtures.attribution("a1-" + m, "m1", m));
            members.add(Fixtures.attribution("a2-" + m, "m2", m));
        }
        var attributed = kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.AttributeMembers(members, r));
        assertThat(attributed.reply().notes()).isEmpty();
        assertThat(attributed.reply().payouts()).singleElement().satisfies(p -> assertThat(p.key()).isEqualTo(key));
        Money projected = kit.<LedgerReplies.TotalsReply>runCommand(r -> new ContractCommand.GetTotals(null, r)).reply()
                .totals().projectedSettlement();
        assertThat(projected.isPositive()).isTrue();
        // advance = projected × (1 − withhold 0.20), toward zero, less nothing paid so far
        Money expected = projected.times(new BigDecimal("0.80"), Rounding.TOWARD_ZERO_CENT);
        assertThat(kit.getState().payout(key).amount()).isEqualTo(expected);
        assertThat(kit.getState().payout(key).status()).isEqualTo(Payout.Status.TRIGGERED);
        LedgerInvariants.check(kit.getState());
    }
}
