package org.vbcsettle.settlement;

/**
 * A settlement step found an input it cannot compute from. Raised inside the calculators only and turned
 * into a {@link SettlementOutcome.Refused} at their entry points; an {@link IllegalArgumentException}
 * because to everyone else it is bad input, named by arrangement and field.
 */
public final class CannotSettle extends IllegalArgumentException {
    public CannotSettle(String message) {
        super(message);
    }
}
