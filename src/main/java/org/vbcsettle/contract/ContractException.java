package org.vbcsettle.contract;

import java.util.List;

/** A contract document that could not be loaded: every problem found, each a complete line. */
public final class ContractException extends RuntimeException {
    private final List<String> errors;

    public ContractException(List<String> errors) {
        super(String.join(System.lineSeparator(), errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
