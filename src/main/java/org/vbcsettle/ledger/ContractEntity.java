package org.vbcsettle.ledger;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.PreRestart;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.Entity;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.RecoveryCompleted;
import akka.persistence.typed.SnapshotAdapter;
import akka.persistence.typed.javadsl.CommandHandler;
import akka.persistence.typed.javadsl.Effect;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehavior;
import akka.persistence.typed.javadsl.RetentionCriteria;
import akka.persistence.typed.javadsl.SignalHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One contract's ledger as an event-sourced actor, sharded by contract id. It only adapts
 * {@link ContractDecider} (decisions) and {@link ContractState#evolve} (state changes) to Akka.
 * Snapshots every 100 events, keeping 2. Reports to {@link LedgerMetrics} and stamps the command's request id
 * on its events and its log line.
 */
public final class ContractEntity extends EventSourcedBehavior<ContractCommand, ContractEvent, ContractState> {

    public static final EntityTypeKey<ContractCommand> TYPE_KEY = EntityTypeKey.create(ContractCommand.class, "Contract");

    private static final Logger log = LoggerFactory.getLogger(ContractEntity.class);

    private final String contractId;
    private final LedgerMetrics metrics;
    private final LocalLedgers local;

    public static void init(ActorSystem<?> system) {
        init(system, LedgerMetrics.NONE);
    }

    public static void init(ActorSystem<?> system, LedgerMetrics metrics) {
        init(system, metrics, new LocalLedgers());
    }

    /** @param local where the entities of this node publish the sequence number they persisted up to */
    public static void init(ActorSystem<?> system, LedgerMetrics metrics, LocalLedgers local) {
        ClusterSharding.get(system).init(Entity.of(TYPE_KEY, ctx -> create(ctx.getEntityId(), metrics, local)));
    }

    public static Behavior<ContractCommand> create(String contractId) {
        return create(contractId, LedgerMetrics.NONE);
    }

    public static Behavior<ContractCommand> create(String contractId, LedgerMetrics metrics) {
        return create(contractId, metrics, new LocalLedgers());
    }

    public static Behavior<ContractCommand> create(String contractId, LedgerMetrics metrics, LocalLedgers local) {
        return Behaviors.setup(ctx -> {
            metrics.entityStarted();
            return new ContractEntity(contractId, metrics, local);
        });
    }

    public static PersistenceId persistenceId(String contractId) {
        return PersistenceId.of(TYPE_KEY.name(), contractId);
    }

    private ContractEntity(String contractId, LedgerMetrics metrics, LocalLedgers local) {
        // a failed journal write (database down) restarts the entity with backoff: it recovers from the
        // journal once the database is back; the failed command's sender gets no reply and resends
        super(persistenceId(contractId), SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2));
        this.contractId = contractId;
        this.metrics = metrics;
        this.local = local;
    }

    @Override
    public ContractState emptyState() {
        // one instance for the entity's life, reused by every recovery: never mutated (see ContractState.template)
        return ContractState.template(contractId);
    }

    @Override
    public CommandHandler<ContractCommand, ContractEvent, ContractState> commandHandler() {
        return (state, command) -> {
            ContractDecider.Decision d = ContractDecider.decide(state, command);
            @SuppressWarnings("unchecked")
            ActorRef<Object> replyTo = (ActorRef<Object>) command.replyTo();
            if (d.events().isEmpty()) {
                metrics.replied(command, d.reply());
                return Effect().none().thenReply(replyTo, s -> d.reply());
            }
            List<ContractEvent> events = stamped(d.events(), command.requestId());
            long decidedAt = System.nanoTime();
            // the slot moves on before the reply leaves: a reader of this node who saw the reply sees the write
            return Effect().persist(events)
                    .thenRun(s -> persisted(command, events, decidedAt, d.reply()))
                    .thenRun(s -> local.at(contractId, s.sequence()))
                    .thenReply(replyTo, s -> d.reply());
        };
    }

    private static List<ContractEvent> stamped(List<ContractEvent> events, String requestId) {
        return requestId == null ? events : events.stream().map(e -> e.withRequestId(requestId)).toList();
    }

    private void persisted(ContractCommand command, List<ContractEvent> events, long decidedAt, Object reply) {
        metrics.persisted(events, decidedAt);
        metrics.replied(command, reply);
        if (log.isDebugEnabled()) {
            try (MDC.MDCCloseable ignored = command.requestId() == null ? null : MDC.putCloseable(RequestIds.MDC_KEY, command.requestId())) {
                log.debug("contract {}: {} persisted {} event(s)", contractId, command.getClass().getSimpleName(), events.size());
            }
        }
    }

    @Override
    public SignalHandler<ContractState> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), state -> local.at(contractId, state.sequence()))
                .onSignal(PreRestart.instance(), state -> local.gone(contractId))
                .onSignal(PostStop.instance(), state -> {
                    local.gone(contractId);
                    metrics.entityStopped();
                })
                .build();
    }

    @Override
    public EventHandler<ContractState, ContractEvent> eventHandler() {
        return (state, event) -> state.forEvolve().evolve(event);
    }

    @Override
    public Set<String> tagsFor(ContractEvent event) {
        if (event instanceof ContractEvent.PayoutTriggered || event instanceof ContractEvent.PayoutStatusChanged
                || event instanceof ContractEvent.PayoutDisputed) {
            return Set.of(ContractEvent.PAYOUT_TAG);
        }
        return Set.of();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(100, 2);
    }

    /** The state is mutable: a snapshot is an immutable copy taken here, on the actor's thread. */
    @Override
    public SnapshotAdapter<ContractState> snapshotAdapter() {
        return new SnapshotAdapter<>() {
            @Override
            public Object toJournal(ContractState state) {
                return state.toSnapshot();
            }

            @Override
            public ContractState fromJournal(Object from) {
                return ContractState.fromSnapshot((ContractSnapshot) from);
            }
        };
    }
}
