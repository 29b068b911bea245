package org.vbcsettle.cli;

import org.vbcsettle.cli.crash.CrashStore;
import org.vbcsettle.cli.crash.PostgresRestartRun;
import org.vbcsettle.cli.crash.PostgresServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code vbc-settle bench postgres-restart}: the PostgreSQL restart test of the suite (PostgresRestartPgIT)
 * for long runs, under scripts/with-postgres.sh (which exports the server's control). Prints outages, 503s
 * per outage, recovery times and problems (0 expected).
 */
@Command(name = "postgres-restart", mixinStandardHelpOptions = true,
        description = "Stop and start PostgreSQL during ingest: 503s while it is down, the node recovers by itself, nothing acknowledged is lost")
public final class BenchPostgresRestartCommand implements Callable<Integer> {

    @Option(names = "--cycles", defaultValue = "10", description = "outages (default: ${DEFAULT-VALUE})") int cycles;

    @Option(names = "--clients", defaultValue = "2", description = "payers ingesting at once (default: ${DEFAULT-VALUE})") int clients;

    @Option(names = "--seed", description = "seed of the data and stop delays (default: the clock)") Long seed;

    @Option(names = "--batch", defaultValue = "50", description = "claims per NDJSON batch (default: ${DEFAULT-VALUE})") int batch;

    @Option(names = "--down", defaultValue = "10s", description = "how long the server stays down (default: ${DEFAULT-VALUE})") String down;

    @Option(names = "--ask-timeout", defaultValue = "5s", description = "the node's vbc.ledger.ask-timeout (default: ${DEFAULT-VALUE})") String askTimeout;

    @Override
    public Integer call() throws Exception {
        String url = System.getenv("VBC_DB_URL");
        PostgresServer server = PostgresServer.fromEnvironment();
        if (url == null || !url.startsWith("jdbc:postgresql:") || server == null) {
            System.err.println("bench postgres-restart: run it under scripts/with-postgres.sh (it needs VBC_DB_URL and the "
                    + "server's control: VBC_TEST_PG_BIN, _DATA, _LOG, _SERVER_OPTIONS, _RUN_AS)");
            return 2;
        }
        CrashStore store = CrashStore.postgres(url, System.getenv("VBC_DB_USER"), System.getenv("VBC_DB_PASSWORD"));
        long s = seed == null ? System.nanoTime() : seed;
        PostgresRestartRun.Report r = PostgresRestartRun.run(new PostgresRestartRun.Settings(store, server, clients, cycles, s, batch,
                300, 3_000, BenchClusterKillCommand.duration(down), BenchClusterKillCommand.duration(askTimeout), 120_000), System.out);
        System.out.printf("bench postgres-restart: %d outages, %d batches (%d claims), %d statements and %d payouts acknowledged "
                        + "over %d contracts; 503s per outage %s (%d in all), %d connection failures (all resent); clients "
                        + "acknowledged again after %s from the server's start; slowest request %.1f s; problems %d; %.1f s; seed %d%n",
                r.cycles(), r.batches(), r.claims(), r.statements(), r.payouts(), r.contracts(), r.unavailableWhileDown(),
                r.unavailable(), r.connectionFailures(), Durations.summary(r.recoveries()), r.slowestRequest().toMillis() / 1e3,
                r.problems().size(), r.elapsed().toMillis() / 1e3, r.seed());
        return r.problems().isEmpty() ? 0 : 1;
    }
}
