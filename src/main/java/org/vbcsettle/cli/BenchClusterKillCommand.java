package org.vbcsettle.cli;

import org.vbcsettle.cli.crash.ClusterKillRun;
import org.vbcsettle.cli.crash.CrashStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code vbc-settle bench cluster-kill}: the cluster test of the suite (ClusterKillPgIT) for long runs. A
 * loopback cluster of {@code serve} nodes on one PostgreSQL (VBC_DB_URL...), clients ingesting through all of
 * them, one node killed with SIGKILL per cycle and started again; prints cycles, acknowledged writes, 503s,
 * recovery times and problems (0 expected).
 */
@Command(name = "cluster-kill", mixinStandardHelpOptions = true,
        description = "Kill -9 one node of a loopback cluster during ingest, check its contracts move and nothing acknowledged is lost")
public final class BenchClusterKillCommand implements Callable<Integer> {

    @Option(names = "--cycles", defaultValue = "20", description = "kills (default: ${DEFAULT-VALUE})") int cycles;

    @Option(names = "--nodes", defaultValue = "3", description = "cluster members, at least 3 (default: ${DEFAULT-VALUE})") int nodes;

    @Option(names = "--clients", defaultValue = "2", description = "payers ingesting at once (default: ${DEFAULT-VALUE})") int clients;

    @Option(names = "--seed", description = "seed of the data, kill delays and victims (default: the clock)") Long seed;

    @Option(names = "--batch", defaultValue = "50", description = "claims per NDJSON batch (default: ${DEFAULT-VALUE})") int batch;

    @Option(names = "--stable-after", defaultValue = "3s",
            description = "the nodes' VBC_DOWNING_STABLE_AFTER (default: ${DEFAULT-VALUE}; the nodes' own default is 20s)") String stableAfter;

    @Option(names = "--ask-timeout", defaultValue = "8s", description = "the nodes' vbc.ledger.ask-timeout (default: ${DEFAULT-VALUE})") String askTimeout;

    @Override
    public Integer call() throws Exception {
        String url = System.getenv("VBC_DB_URL");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            System.err.println("bench cluster-kill: needs PostgreSQL in VBC_DB_URL (and VBC_DB_USER, VBC_DB_PASSWORD), "
                    + "or run it under scripts/with-postgres.sh");
            return 2;
        }
        CrashStore store = CrashStore.postgres(url, System.getenv("VBC_DB_USER"), System.getenv("VBC_DB_PASSWORD"));
        long s = seed == null ? System.nanoTime() : seed;
        ClusterKillRun.Report r = ClusterKillRun.run(new ClusterKillRun.Settings(store, nodes, clients, cycles, s, batch, 500, 3_000,
                duration(stableAfter), duration(askTimeout), 120_000), System.out);
        System.out.printf("bench cluster-kill: %d nodes, %d cycles, %d batches (%d claims), %d statements and %d payouts "
                        + "acknowledged over %d contracts; %d 503s, %d connection failures (all resent); clients acknowledged "
                        + "again after %s; every contract answered through a survivor after %s; slowest request %.1f s; problems %d; "
                        + "%.1f s; seed %d%n", r.nodes(), r.cycles(), r.batches(), r.claims(), r.statements(), r.payouts(),
                r.contracts(), r.unavailable(), r.connectionFailures(), Durations.summary(r.recoveries()),
                Durations.summary(r.movedAfter()), r.slowestRequest().toMillis() / 1e3, r.problems().size(),
                r.elapsed().toMillis() / 1e3, r.seed());
        return r.problems().isEmpty() ? 0 : 1;
    }

    static Duration duration(String text) {
        return com.typesafe.config.ConfigFactory.parseString("d = " + text).getDuration("d");
    }
}
