package org.vbcsettle.ledger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the contract entities report to the node's meter registry. Every tag value comes from a closed set
 * (record kinds, event types, statuses): never a contract id, record id or request id, so the number of
 * series stays bounded however many contracts the node serves.
 *
 * <ul>
 *   <li>{@code vbc_records_total{kind,outcome}}: records of batches by kind (attribution, claim, quality_event)
 *       and outcome (accepted, duplicate, rejected)</li>
 *   <li>{@code vbc_events_persisted_total{type}}: events written to the journal, by event type</li>
 *   <li>{@code vbc_journal_write_seconds}: from a command's decision to its events persisted (histogram)</li>
 *   <li>{@code vbc_entities_active}: contract entities running on this node</li>
 *   <li>{@code vbc_settlements_total{kind,outcome}}: settlements asked for (interim, final) and how they ended
 *       (issued, repeated, refused)</li>
 *   <li>{@code vbc_payouts_total{status}}: payouts triggered (or nothing_due) and moved to each later status</li>
 * </ul>
 */
public final class LedgerMetrics {

    /** Reports to nowhere: entities created without a node (tests, tools). */
    public static final LedgerMetrics NONE = new LedgerMetrics(new CompositeMeterRegistry());

    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();
    private final Timer journalWrite;

    public LedgerMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("vbc.entities.active", active, AtomicInteger::get)
                .description("contract entities running on this node").register(registry);
        this.journalWrite = Timer.builder("vbc.journal.write")
                .description("from a command's decision to its events persisted in the journal")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    void entityStarted() {
        active.incrementAndGet();
    }

    void entityStopped() {
        active.decrementAndGet();
    }

    /** The command's events are in the journal: counts them and the time since {@code decidedAtNanos}. */
    void persisted(List<ContractEvent> events, long decidedAtNanos) {
        journalWrite.record(System.nanoTime() - decidedAtNanos, TimeUnit.NANOSECONDS);
        for (ContractEvent e : events) {
            counter("vbc.events.persisted", "type", e.getClass().getSimpleName()).increment();
            if (e instanceof ContractEvent.PayoutTriggered t) {
                payout(t.payout().status()); // triggered, or nothing_due for a $0 payout
            } else if (e instanceof ContractEvent.PayoutStatusChanged c) {
                payout(c.status());
            }
        }
    }

    /** The reply a command got, once its events (if any) are persisted. */
    void replied(ContractCommand command, Object reply) {
        if (reply instanceof LedgerReplies.BatchResult b) {
            String kind = batchKind(command);
            records(kind, "accepted", b.accepted());
            records(kind, "duplicate", b.duplicate());
            records(kind, "rejected", b.rejected());
        } else if (reply instanceof LedgerReplies.SettlementReply s && command instanceof ContractCommand.Settle settle) {
            String outcome = s.refusal() != null ? "refused" : s.repeated() ? "repeated" : "issued";
            String kind = settle.kind() == null ? "unknown" : settle.kind().name().toLowerCase(Locale.ROOT);
            registry.counter("vbc.settlements", "kind", kind, "outcome", outcome).increment();
        }
    }

    private static String batchKind(ContractCommand command) {
        if (command instanceof ContractCommand.RecordClaims) {
            return "claim";
        }
        if (command instanceof ContractCommand.AttributeMembers) {
            return "attribution";
        }
        return command instanceof ContractCommand.RecordQualityEvents ? "quality_event" : "other";
    }

    private void records(String kind, String outcome, int n) {
        // registered even at 0, so that a scrape shows every series from the first batch on
        counter("vbc.records", "kind", kind, "outcome", outcome).increment(n);
    }

    private void payout(Payout.Status status) {
        counter("vbc.payouts", "status", status.name().toLowerCase(Locale.ROOT)).increment();
    }

    private Counter counter(String name, String... tags) {
        return registry.counter(name, tags);
    }
}
