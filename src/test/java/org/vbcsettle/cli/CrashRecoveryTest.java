package org.vbcsettle.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbcsettle.cli.crash.CrashRun;
import org.vbcsettle.cli.crash.CrashStore;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node on the embedded H2 default killed with SIGKILL during ingest, again and again: after every restart
 * each acknowledged claim is counted once, each acknowledged statement is identical and no payout key is
 * doubled. Seed: -Dvbc.crash.seed=N replays a run (the seed is printed); -Dvbc.crash.cycles=N.
 */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void every_acknowledged_write_survives_kill_minus_9_on_h2() throws Exception {
        CrashRun.Report r = CrashRun.run(settings(CrashStore.h2(dir)), System.out);
        assertKeptEverything(r);
    }

    static CrashRun.Settings settings(CrashStore store) {
        long seed = Long.getLong("vbc.crash.seed", System.nanoTime());
        int cycles = Integer.getInteger("vbc.crash.cycles", 20);
        return new CrashRun.Settings(store, cycles, seed, 50, 0, 1_000, 60_000);
    }

    static void assertKeptEverything(CrashRun.Report r) {
        System.out.printf("crash %s: %d cycles, %d batches / %d statements / %d payouts acknowledged over %d contracts, "
                        + "%d losses, %.1f s (mean start %.1f s), seed %d%n", r.store(), r.cycles(), r.batches(), r.statements(),
                r.payouts(), r.contracts(), r.losses(), r.elapsed().toMillis() / 1e3, r.meanRestart().toMillis() / 1e3, r.seed());
        // the harness must have had something to lose: batches and statements acknowledged across the kills
        assertThat(r.batches()).as("acknowledged batches").isGreaterThan(r.cycles());
        assertThat(r.statements()).as("acknowledged statements").isPositive();
        assertThat(r.problems()).as("acknowledged writes lost, changed or doubled (seed %d)", r.seed()).isEmpty();
    }
}
