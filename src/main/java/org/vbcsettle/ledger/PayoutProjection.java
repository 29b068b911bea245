package org.vbcsettle.ledger;

import akka.actor.typed.ActorSystem;
import akka.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import akka.persistence.jdbc.query.javadsl.JdbcReadJournal;
import akka.persistence.query.Offset;
import akka.projection.ProjectionBehavior;
import akka.projection.ProjectionId;
import akka.projection.eventsourced.EventEnvelope;
import akka.projection.eventsourced.javadsl.EventSourcedProvider;
import akka.projection.javadsl.ExactlyOnceProjection;
import akka.projection.javadsl.SourceProvider;
import akka.projection.jdbc.javadsl.JdbcHandler;
import akka.projection.jdbc.javadsl.JdbcProjection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * The payout read side: payout events (tagged {@value ContractEvent#PAYOUT_TAG}) of every contract,
 * projected exactly once into the {@code payouts} table that the payer's disbursement run reads by status.
 * One projection instance (payout events are few), run as a sharded daemon so that exactly one node of
 * the cluster runs it. The offset is stored by akka-projection-jdbc in the same transaction as the rows.
 */
public final class PayoutProjection {

    public static final ProjectionId ID = ProjectionId.of("payouts", "all");

    private PayoutProjection() {
    }

    public static CompletionStage<akka.Done> createOffsetTables(ActorSystem<?> system, DataSource dataSource) {
        return JdbcProjection.createTablesIfNotExists(() -> new LedgerJdbcSession(dataSource), system);
    }

    public static void start(ActorSystem<?> system, DataSource dataSource) {
        SourceProvider<Offset, EventEnvelope<ContractEvent>> source =
                EventSourcedProvider.eventsByTag(system, JdbcReadJournal.Identifier(), ContractEvent.PAYOUT_TAG);
        ExactlyOnceProjection<Offset, EventEnvelope<ContractEvent>> projection = JdbcProjection.exactlyOnce(ID, source,
                () -> new LedgerJdbcSession(dataSource), () -> new Handler(), system);
        ShardedDaemonProcess.get(system).init(ProjectionBehavior.Command.class, "payout-projection", 1,
                i -> ProjectionBehavior.create(projection), ProjectionBehavior.stopMessage());
    }

    static final class Handler extends JdbcHandler<EventEnvelope<ContractEvent>, LedgerJdbcSession> {
        @Override
        public void process(LedgerJdbcSession session, EventEnvelope<ContractEvent> envelope) throws Exception {
            ContractEvent event = envelope.event();
            session.withConnection(c -> {
                apply(c, event);
                return null;
            });
        }
    }

    static void apply(Connection c, ContractEvent event) throws java.sql.SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        if (event instanceof ContractEvent.PayoutTriggered e) {
            Payout p = e.payout();
            // the journal holds each payout key once; a row already there means this event was applied
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM payouts WHERE payout_key = ?")) {
                ps.setString(1, p.key());
                if (ps.executeQuery().next()) {
                    return;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO payouts (payout_key, contract_id, trigger_name, period_id, "
                    + "performance_year, amount_cents, reason, status, triggered_at_sequence, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, p.key());
                ps.setString(2, p.contractId());
                ps.setString(3, p.trigger());
                ps.setString(4, p.periodId());
                ps.setString(5, p.performanceYear());
                ps.setLong(6, p.amount().cents());
                ps.setString(7, p.reason().length() > 4000 ? p.reason().substring(0, 4000) : p.reason());
                ps.setString(8, p.status().name());
                ps.setLong(9, p.triggeredAtSequence());
                ps.setTimestamp(10, now);
                ps.executeUpdate();
            }
        } else if (event instanceof ContractEvent.PayoutStatusChanged e) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE payouts SET status = ?, updated_at = ? WHERE payout_key = ?")) {
                ps.setString(1, e.status().name());
                ps.setTimestamp(2, now);
                ps.setString(3, e.key());
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("payout read side: status change of payout " + e.key() + " that is not in the table");
                }
            }
        } else if (event instanceof ContractEvent.PayoutDisputed e) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE payouts SET dispute_remitted_cents = ?, dispute_short_cents = ?, "
                    + "dispute_reason = ?, dispute_trace = ?, updated_at = ? WHERE payout_key = ?")) {
                ps.setLong(1, e.remittedCents());
                ps.setLong(2, e.shortCents());
                ps.setString(3, e.reason());
                ps.setString(4, e.traceNumber());
                ps.setTimestamp(5, now);
                ps.setString(6, e.key());
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("payout read side: dispute of payout " + e.key() + " that is not in the table");
                }
            }
        }
    }
}
