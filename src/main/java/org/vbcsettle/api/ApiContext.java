package org.vbcsettle.api;

import akka.actor.typed.ActorSystem;
import org.vbcsettle.api.auth.Tokens;

/** The collaborators every route class gets. */
public record ApiContext(ActorSystem<?> system, LedgerGateway ledger, ContractDirectory directory, Tokens tokens,
                         ApiSettings settings, java.time.Clock clock, Readiness readiness, ApiMetrics metrics) {

    /** Ready as soon as the ledger is. */
    public static ApiContext of(ActorSystem<?> system, LedgerGateway ledger, Tokens tokens, ApiSettings settings) {
        return of(system, ledger, tokens, settings, Readiness.ready());
    }

    public static ApiContext of(ActorSystem<?> system, LedgerGateway ledger, Tokens tokens, ApiSettings settings, Readiness readiness) {
        return of(system, ledger, tokens, settings, readiness, ApiMetrics.create());
    }

    /** @param metrics the registry {@code /metrics} shows and the requests are counted in */
    public static ApiContext of(ActorSystem<?> system, LedgerGateway ledger, Tokens tokens, ApiSettings settings, Readiness readiness,
                                ApiMetrics metrics) {
        return new ApiContext(system, ledger, new ContractDirectory(ledger), tokens, settings, java.time.Clock.systemUTC(),
                readiness, metrics);
    }
}
