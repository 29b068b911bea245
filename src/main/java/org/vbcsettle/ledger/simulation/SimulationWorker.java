package org.vbcsettle.ledger.simulation;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.vbcsettle.ledger.CborSerializable;
import org.vbcsettle.simulation.Simulation;
import org.vbcsettle.simulation.Sweep;
import org.vbcsettle.simulation.TrialOutcome;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One per node of the cluster: settles a range of a run's trials on this node's threads and replies with
 * their outcomes in trial order. The request carries the contract and scenario documents themselves (and
 * the sweep parameter a point changes), so that the node rebuilds exactly the model the asking node bound;
 * a trial's draws depend on (seed, trial index) alone, so where a range runs does not change its outcomes.
 * The trials run on a thread pool of the worker's own, never on the actor's dispatcher.
 */
public final class SimulationWorker {
    public static final ServiceKey<Request> KEY = ServiceKey.create(Request.class, "vbc-simulation-worker");

    private SimulationWorker() {
    }

    /** @param threads trials run on at most this many threads of the node (null: its processors) */
    public record RunRange(String contractYaml, String scenarioYaml, String scenarioSource, List<Sweep.Change> changes,
                           long seed, int from, int to, Integer threads, ActorRef<Reply> replyTo) implements Request {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
    @JsonSubTypes({@JsonSubTypes.Type(value = RunRange.class, name = "run-range")})
    public sealed interface Request extends CborSerializable permits RunRange {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
    @JsonSubTypes({@JsonSubTypes.Type(value = RangeDone.class, name = "range-done"),
            @JsonSubTypes.Type(value = RangeFailed.class, name = "range-failed")})
    public sealed interface Reply extends CborSerializable permits RangeDone, RangeFailed {
        int from();
    }

    /** The outcomes of trials from, from + 1, …, in order. */
    public record RangeDone(int from, String node, List<TrialOutcome> outcomes) implements Reply {
    }

    /** The range could not run: a bad document, or the model failed; the message says why. */
    public record RangeFailed(int from, String node, String message) implements Reply {
    }

    public static Behavior<Request> create() {
        return Behaviors.setup(ctx -> {
            ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
            String node = ctx.getSystem().address().toString();
            ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "simulation-range");
                t.setDaemon(true);
                return t;
            });
            return Behaviors.receive(Request.class)
                    .onMessage(RunRange.class, run -> {
                        pool.execute(() -> run.replyTo().tell(settle(run, node)));
                        return Behaviors.same();
                    })
                    .onSignal(akka.actor.typed.PostStop.class, s -> {
                        pool.shutdownNow();
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    static Reply settle(RunRange run, String node) {
        try {
            var model = ClusterSimulation.bind(run.contractYaml(), run.scenarioYaml(), run.scenarioSource(), run.changes());
            int threads = run.threads() == null ? Runtime.getRuntime().availableProcessors() : run.threads();
            return new RangeDone(run.from(), node, Simulation.runRange(model, run.from(), run.to(), run.seed(), threads, null));
        } catch (RuntimeException e) {
            return new RangeFailed(run.from(), node, String.valueOf(e.getMessage()));
        }
    }
}
