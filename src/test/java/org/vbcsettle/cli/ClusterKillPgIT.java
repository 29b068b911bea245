package org.vbcsettle.cli;

import org.junit.jupiter.api.Test;
import org.vbcsettle.cli.crash.ClusterKillRun;
import org.vbcsettle.cli.crash.CrashStore;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 3-node loopback cluster on one PostgreSQL, two payers' clients ingesting through all nodes; one node killed
 * with SIGKILL per cycle: its contracts move to the survivors (split-brain resolver, keep-majority, a short
 * stable-after), every acknowledged write is present once afterwards, no payout key twice. The long version is
 * {@code bench cluster-kill}. -Dvbc.failover.seed=N replays a run, -Dvbc.failover.cycles=N.
 */
class ClusterKillPgIT {

    @Test
    void a_killed_nodes_contracts_move_to_the_survivors_and_nothing_acknowledged_is_lost() throws Exception {
        String url = System.getenv("VBC_TEST_PG_URL");
        assertThat(url).as("VBC_TEST_PG_URL (run through scripts/with-postgres.sh)").isNotBlank();
        CrashStore store = CrashStore.postgres(url, System.getenv("VBC_TEST_PG_USER"), System.getenv("VBC_TEST_PG_PASSWORD"));
        long seed = Long.getLong("vbc.failover.seed", System.nanoTime());
        int cycles = Integer.getInteger("vbc.failover.cycles", 2);
        ClusterKillRun.Report r = ClusterKillRun.run(new ClusterKillRun.Settings(store, 3, 2, cycles, seed, 50, 500, 1_500,
                Duration.ofSeconds(3), Duration.ofSeconds(8), 120_000), System.out);
        System.out.printf("cluster-kill: %d cycles, %d batches (%d claims) / %d statements / %d payouts acknowledged over %d "
                        + "contracts, %d 503s, %d connection failures, clients acknowledged again after %s, every contract answered after %s, slowest request %.1f s, %d problems, "
                        + "%.1f s, seed %d%n", r.cycles(), r.batches(), r.claims(), r.statements(), r.payouts(), r.contracts(),
                r.unavailable(), r.connectionFailures(), r.recoveries(), r.movedAfter(), r.slowestRequest().toMillis() / 1e3,
                r.problems().size(), r.elapsed().toMillis() / 1e3, r.seed());
        assertThat(r.problems()).as("acknowledged writes lost, changed or doubled, or requests refused (seed %d)", r.seed()).isEmpty();
        assertThat(r.recoveries()).as("every kill recovered from").hasSize(cycles);
        assertThat(r.movedAfter()).as("every killed node's contracts answered by the survivors").hasSize(cycles);
        // the run had something to lose: batches acknowledged in every cycle, settlements among them
        assertThat(r.batches()).as("acknowledged batches").isGreaterThan(2L * cycles);
        assertThat(r.contracts()).as("contracts written").isGreaterThanOrEqualTo(2);
    }
}
