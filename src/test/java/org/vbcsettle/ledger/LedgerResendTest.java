package org.vbcsettle.ledger;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vbcsettle.ledger.Fixtures.claim;
import static org.vbcsettle.ledger.Fixtures.quality;
import static org.vbcsettle.ledger.Fixtures.replacement;

/**
 * A record id already recorded is a duplicate only with identical content; with other content it is
 * rejected per record, naming what differs, and changes nothing.
 */
class LedgerResendTest {

    static ActorTestKit testKit;

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create("LedgerResendTest", ContractEntityTest.CONFIG);
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    private static EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> ledger(String id,
                                                                                                   org.vbcsettle.contract.Contract c) {
        var kit = EventSourcedBehaviorTestKit.<ContractCommand, ContractEvent, ContractState>create(testKit.system(),
                ContractEntity.create(id), EventSourcedBehaviorTestKit.enabledSerializationSettings());
        assertThat(kit.<LedgerReplies.ContractReply>runCommand(r -> new ContractCommand.RegisterContract(c, r)).reply().refusal()).isNull();
        return kit;
    }

    private static LedgerReplies.BatchResult claims(EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> kit,
                                                    Claim... claims) {
        return kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordClaims(List.of(claims), r)).reply();
    }

    private static long paidCents(EventSourcedBehaviorTestKit<ContractCommand, ContractEvent, ContractState> kit) {
        return kit.<LedgerReplies.TotalsReply>runCommand(r -> new ContractCommand.GetTotals("2024", r)).reply().totals()
                .paidClaims().cents();
    }

    @Test
    void claimResentWithOtherAmountIsRejectedAndChangesNothing() {
        var kit = ledger("RS1", Fixtures.sharedSavings("RS1", 1));
        // amounts in cents, as on the wire: paidAmount 100 is $1.00
        Claim x5 = claim("X5", "m1", LocalDate.of(2024, 3, 4), 100);
        LedgerReplies.BatchResult first = claims(kit, x5);
        assertThat(first.accepted()).isEqualTo(1);

        // identical resend: a duplicate
        LedgerReplies.BatchResult same = claims(kit, claim("X5", "m1", LocalDate.of(2024, 3, 4), 100));
        assertThat(same.accepted()).isZero();
        assertThat(same.duplicate()).isEqualTo(1);
        assertThat(same.rejected()).isZero();

        // same id, paidAmount 100 → 999999 (and allowedAmount with it: it defaults to the paid amount)
        LedgerReplies.BatchResult changed = claims(kit, claim("X5", "m1", LocalDate.of(2024, 3, 4), 999_999));
        assertThat(changed.accepted()).isZero();
        assertThat(changed.duplicate()).isZero();
        assertThat(changed.rejected()).isEqualTo(1);
        assertThat(changed.errors()).containsExactly(new RecordError(0, "X5", "paidAmount",
                "claim 'X5' was already recorded with different content (paidAmount 100 → 999999, allowedAmount 100 → 999999); "
                        + "send a replacement (frequency 7) naming it"));
        assertThat(changed.payouts()).isEmpty();
        // paid stays $1.00
        assertThat(paidCents(kit)).isEqualTo(100);

        // a difference in a list field and in cents, and the pointer to the head once the claim was replaced
        assertThat(claims(kit, replacement("X5a", "X5", "m1", LocalDate.of(2024, 3, 4), 120_00)).accepted()).isEqualTo(1);
        Claim withCode = new Claim("X5", "m1", Claim.ClaimType.PROFESSIONAL, LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 4),
                LocalDate.of(2024, 3, 24), Money.ofCents(150), Money.ofCents(100), null, List.of("99213"), null,
                "1234567890", Claim.Frequency.ORIGINAL, null);
        LedgerReplies.BatchResult r2 = claims(kit, withCode);
        assertThat(r2.errors()).containsExactly(new RecordError(0, "X5", "paidAmount",
                "claim 'X5' was already recorded with different content (paidAmount 100 → 150, hcpcs (none) → [99213]); "
                        + "send a replacement (frequency 7) naming the latest claim of its chain, 'X5a'"));
        // $120.00 in effect (X5a replaced X5)
        assertThat(paidCents(kit)).isEqualTo(120_00);
    }

    @Test
    void sameIdTwiceInOneBatch() {
        var kit = ledger("RS2", Fixtures.sharedSavings("RS2", 1));
        LocalDate d = LocalDate.of(2024, 5, 1);
        // identical twice: one accepted, one duplicate
        LedgerReplies.BatchResult r = claims(kit, claim("A", "m1", d, 50_00), claim("A", "m1", d, 50_00));
        assertThat(List.of(r.accepted(), r.duplicate(), r.rejected())).containsExactly(1, 1, 0);
        // different twice: the first accepted, the second rejected (index 1)
        LedgerReplies.BatchResult r2 = claims(kit, claim("B", "m2", d, 70_00), claim("B", "m3", d, 70_00));
        assertThat(List.of(r2.accepted(), r2.duplicate(), r2.rejected())).containsExactly(1, 0, 1);
        assertThat(r2.errors()).containsExactly(new RecordError(1, "B", "memberId",
                "claim 'B' was already recorded with different content (memberId m2 → m3); send a replacement (frequency 7) naming it"));
        // 50 + 70
        assertThat(paidCents(kit)).isEqualTo(120_00);
        // a resend with a field error is reported as that error, not as a difference
        Claim noMember = new Claim("A", null, Claim.ClaimType.PROFESSIONAL, d, d, null, Money.ofCents(50_00), null, null, null,
                null, null, Claim.Frequency.ORIGINAL, null);
        assertThat(claims(kit, noMember).errors()).containsExactly(new RecordError(0, "A", "memberId", "is required"));
    }

    @Test
    void attributionResentWithOtherContentIsRejected() {
        var kit = ledger("RS3", Fixtures.sharedSavings("RS3", 1));
        Attribution a = Attribution.of("AT1", "m1", YearMonth.of(2024, 2), new BigDecimal("1.0"));
        assertThat(kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.AttributeMembers(List.of(a), r)).reply().accepted())
                .isEqualTo(1);
        // 1.00 is the same risk score as 1.0: a duplicate
        Attribution sameScore = Attribution.of("AT1", "m1", YearMonth.of(2024, 2), new BigDecimal("1.00"));
        Attribution otherScore = Attribution.of("AT1", "m1", YearMonth.of(2024, 2), new BigDecimal("1.2"));
        Attribution otherMonth = Attribution.of("AT1", "m1", YearMonth.of(2024, 3), new BigDecimal("1.0"));
        LedgerReplies.BatchResult r = kit.<LedgerReplies.BatchResult>runCommand(rr -> new ContractCommand.AttributeMembers(
                List.of(sameScore, otherScore, otherMonth), rr)).reply();
        assertThat(List.of(r.accepted(), r.duplicate(), r.rejected())).containsExactly(0, 1, 2);
        assertThat(r.errors()).containsExactly(
                new RecordError(1, "AT1", "riskScore", "attribution record 'AT1' was already recorded with different content "
                        + "(riskScore 1 → 1.2); send a new record with replacesId naming it"),
                new RecordError(2, "AT1", "month", "attribution record 'AT1' was already recorded with different content "
                        + "(month 2024-02 → 2024-03); send a new record with replacesId naming it"));
        // still one member-month (February)
        assertThat(kit.<LedgerReplies.TotalsReply>runCommand(rr -> new ContractCommand.GetTotals("2024", rr)).reply().totals()
                .memberMonths()).isEqualTo(1);
    }

    @Test
    void qualityEventResentWithOtherContentIsRejected() {
        var kit = ledger("RS4", Fixtures.qualityPool("RS4"));
        QualityEvent q = quality("Q1", "m1", QualityEvent.Kind.DENOMINATOR);
        assertThat(kit.<LedgerReplies.BatchResult>runCommand(r -> new ContractCommand.RecordQualityEvents(List.of(q), r)).reply()
                .accepted()).isEqualTo(1);
        LedgerReplies.BatchResult r = kit.<LedgerReplies.BatchResult>runCommand(rr -> new ContractCommand.RecordQualityEvents(List.of(
                quality("Q1", "m1", QualityEvent.Kind.DENOMINATOR), quality("Q1", "m1", QualityEvent.Kind.NUMERATOR)), rr)).reply();
        assertThat(List.of(r.accepted(), r.duplicate(), r.rejected())).containsExactly(0, 1, 1);
        assertThat(r.errors()).containsExactly(new RecordError(1, "Q1", "kind", "quality event 'Q1' was already recorded with "
                + "different content (kind DENOMINATOR → NUMERATOR); a recorded event is never changed: send the corrected status "
                + "as an event with a new id"));
    }
}
