package org.vbcsettle.api;

import akka.actor.typed.ActorSystem;
import org.vbcsettle.api.auth.Tokens;

/** The collaborators every route class gets. */
public record ApiContext(ActorSystem<?> system, LedgerGateway ledger, ContractDirectory directory, Tokens tokens,
                         ApiSettings settings, java.time.Clock clock) {

    public static ApiContext of(ActorSystem<?> system, LedgerGateway ledger, Tokens tokens, ApiSettings settings) {
        return new ApiContext(system, ledger, new ContractDirectory(ledger), tokens, settings, java.time.Clock.systemUTC());
    }
}
