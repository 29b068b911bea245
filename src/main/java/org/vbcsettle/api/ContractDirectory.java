package org.vbcsettle.api;

import org.vbcsettle.api.auth.Access;
import org.vbcsettle.contract.Contract;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who the parties of each contract are, for access checks. Parties never change for a contract id (an
 * amendment may not change them), so they are cached after the first look-up and a read such as
 * {@code GET totals} costs one ledger request, not two.
 */
public final class ContractDirectory {

    private final LedgerGateway ledger;
    private final ConcurrentHashMap<String, Access.Parties> parties = new ConcurrentHashMap<>();

    public ContractDirectory(LedgerGateway ledger) {
        this.ledger = ledger;
    }

    public void remember(Contract c) {
        parties.put(c.id(), new Access.Parties(c.payer(), c.provider()));
    }

    /** The parties, or a failed stage with a 404 problem. */
    public CompletionStage<Access.Parties> parties(String contractId) {
        Access.Parties known = parties.get(contractId);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return contract(contractId).thenApply(c -> new Access.Parties(c.payer(), c.provider()));
    }

    /** The current terms, or a failed stage with a 404 problem. */
    public CompletionStage<Contract> contract(String contractId) {
        return ledger.contract(contractId).thenApply((Optional<Contract> c) -> {
            Contract found = c.orElseThrow(() -> unknown(contractId).failure());
            remember(found);
            return found;
        });
    }

    public static Problem unknown(String contractId) {
        return Problem.notFound("no contract with id '" + contractId + "'");
    }
}
