package org.vbcsettle.api;

import java.util.concurrent.atomic.AtomicReference;

/**
 * What this node still does before it may take traffic (e.g. registering its contracts folder), beyond its
 * cluster member being Up and the database answering. {@code /ready} answers 503 naming it until
 * {@link #open()}: a load balancer that routes on {@code /ready} never sends a request that would 404
 * because a contract is not registered yet.
 */
public final class Readiness {

    private final AtomicReference<String> pending;

    private Readiness(String pending) {
        this.pending = new AtomicReference<>(pending);
    }

    /** Nothing to wait for. */
    public static Readiness ready() {
        return new Readiness(null);
    }

    /** Not ready until {@link #open()}; {@code what} says what start-up is still doing. */
    public static Readiness waitingFor(String what) {
        return new Readiness(what);
    }

    public void open() {
        pending.set(null);
    }

    /** What start-up is still doing; null once open. */
    public String pending() {
        return pending.get();
    }
}
