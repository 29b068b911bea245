package org.vbcsettle.settlement;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a calculator gives back: the settled value, or a refusal that says why it cannot be computed (a
 * missing benchmark, a completion factor out of range, a quality adjustment without a score...). Callers
 * decide what a refusal means to them; no calculator throws for a settlement it cannot compute.
 */
public sealed interface SettlementOutcome<T> {

    record Settled<T>(T value) implements SettlementOutcome<T> {
    }

    /** @param reason names the arrangement and the field or figure that is missing or out of bounds */
    record Refused<T>(String reason) implements SettlementOutcome<T> {
    }

    static <T> SettlementOutcome<T> settled(T value) {
        return new Settled<>(value);
    }

    static <T> SettlementOutcome<T> refused(String reason) {
        return new Refused<>(reason);
    }

    /**
     * Runs a computation whose steps signal with {@link CannotSettle}; only that exception becomes a
     * refusal, anything else is a defect and propagates.
     */
    static <T> SettlementOutcome<T> attempt(Supplier<T> computation) {
        try {
            return settled(computation.get());
        } catch (CannotSettle e) {
            return refused(e.getMessage());
        }
    }

    default <U> SettlementOutcome<U> map(Function<T, U> f) {
        if (this instanceof Settled<T> s) {
            return settled(f.apply(s.value()));
        }
        return refused(((Refused<T>) this).reason());
    }

    /** For callers to whom a refusal is bad input (the CLI, reconciliation tools, tests). */
    default T orElseThrow() {
        if (this instanceof Settled<T> s) {
            return s.value();
        }
        throw new CannotSettle(((Refused<T>) this).reason());
    }

    default boolean isSettled() {
        return this instanceof Settled;
    }
}
