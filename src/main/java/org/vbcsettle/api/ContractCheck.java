package org.vbcsettle.api;

import org.vbcsettle.contract.Contract;

import java.util.List;

/** Validation of contract terms (the same checks as {@code vbc-settle validate}); empty list: valid. */
@FunctionalInterface
public interface ContractCheck {
    List<String> validate(Contract contract, String source);
}
