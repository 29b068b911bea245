package org.vbcsettle.ledger;

/**
 * A value the ledger could work out, or why it could not. The decider reads a refusal as a reason to show
 * (in a reply or a refusal), never as a zero.
 */
sealed interface Outcome<T> permits Outcome.Ok, Outcome.Refused {

    record Ok<T>(T value) implements Outcome<T> {
    }

    record Refused<T>(String reason) implements Outcome<T> {
    }

    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Outcome<T> refused(String reason) {
        return new Refused<>(reason);
    }
}
