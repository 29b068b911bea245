package org.vbcsettle.cli;

import org.vbcsettle.cli.crash.CrashRun;
import org.vbcsettle.cli.crash.CrashStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code vbc-settle bench crash}: the crash test of the suite for long runs. A {@code serve} node in a child
 * JVM ingests over HTTP and is killed with SIGKILL at seeded random moments; after each restart everything
 * it acknowledged is checked. Prints cycles, acknowledged batches, losses (0 expected) and time.
 */
@Command(name = "crash", mixinStandardHelpOptions = true,
        description = "Kill -9 a node during ingest, restart it, check every acknowledged write survived")
public final class BenchCrashCommand implements Callable<Integer> {

    @Option(names = "--cycles", defaultValue = "200", description = "kills (default: ${DEFAULT-VALUE})") int cycles;

    @Option(names = "--store", defaultValue = "h2", description = "h2 (a fresh file in a temporary folder) or postgres "
            + "(VBC_DB_URL, VBC_DB_USER, VBC_DB_PASSWORD) (default: ${DEFAULT-VALUE})") String store;

    @Option(names = "--db-url", description = "the store's JDBC URL instead (e.g. H2 with settings of its own)") String dbUrl;

    @Option(names = "--seed", description = "seed of the data and kill delays (default: the clock)") Long seed;

    @Option(names = "--batch", defaultValue = "50", description = "claims per NDJSON batch (default: ${DEFAULT-VALUE})") int batch;

    @Option(names = "--max-kill-delay-ms", defaultValue = "1000",
            description = "longest time from a cycle's first acknowledged request to the kill (default: ${DEFAULT-VALUE})") long maxDelay;

    @Override
    public Integer call() throws Exception {
        CrashStore s;
        Path dir = null;
        if (store.equals("h2")) {
            dir = Files.createTempDirectory("vbc-bench-crash");
            s = CrashStore.h2(dir);
        } else if (store.equals("postgres")) {
            String url = System.getenv("VBC_DB_URL");
            if (url == null || !url.startsWith("jdbc:postgresql:")) {
                System.err.println("bench crash: --store postgres needs VBC_DB_URL (and VBC_DB_USER, VBC_DB_PASSWORD), "
                        + "or run it under scripts/with-postgres.sh");
                return 2;
            }
            s = CrashStore.postgres(url, System.getenv("VBC_DB_USER"), System.getenv("VBC_DB_PASSWORD"));
        } else {
            System.err.println("bench crash: --store must be h2 or postgres, was " + store);
            return 2;
        }
        if (dbUrl != null) {
            s = s.withUrl(dbUrl);
        }
        CrashRun.Report r = CrashRun.run(new CrashRun.Settings(s, cycles, seed == null ? System.nanoTime() : seed, batch,
                0, maxDelay, 120_000), System.out);
        System.out.printf("bench crash: store %s, %d cycles, %d batches (%d claims), %d statements and %d payouts acknowledged "
                        + "over %d contracts; losses %d; %.1f s (mean start %.1f s); seed %d%n", r.store(), r.cycles(), r.batches(),
                r.claims(), r.statements(), r.payouts(), r.contracts(), r.losses(), r.elapsed().toMillis() / 1e3,
                r.meanRestart().toMillis() / 1e3, r.seed());
        if (dir != null && r.losses() == 0) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return r.losses() == 0 ? 0 : 1;
    }
}
