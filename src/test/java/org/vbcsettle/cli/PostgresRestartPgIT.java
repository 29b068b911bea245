package org.vbcsettle.cli;

import org.junit.jupiter.api.Test;
import org.vbcsettle.cli.crash.CrashStore;
import org.vbcsettle.cli.crash.PostgresRestartRun;
import org.vbcsettle.cli.crash.PostgresServer;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL server stopped and started again while a node ingests: writes get 503s while it is down (no
 * other status, no reply later than the client's timeout), the node takes writes again by itself, nothing
 * acknowledged is lost (checked through the node, then through a fresh node from the journal). Needs the
 * server control that scripts/with-postgres.sh exports (VBC_TEST_PG_BIN, _DATA, _LOG, _SERVER_OPTIONS,
 * _RUN_AS); fails, never skips, without it. The long version is {@code bench postgres-restart}.
 * -Dvbc.failover.seed=N replays a run, -Dvbc.failover.cycles=N.
 */
class PostgresRestartPgIT {

    @Test
    void writes_get_503_while_postgresql_is_down_and_the_node_recovers_by_itself() throws Exception {
        String url = System.getenv("VBC_TEST_PG_URL");
        assertThat(url).as("VBC_TEST_PG_URL (run through scripts/with-postgres.sh)").isNotBlank();
        PostgresServer server = PostgresServer.fromEnvironment();
        assertThat(server).as("VBC_TEST_PG_BIN, _DATA, _LOG, _SERVER_OPTIONS (run through scripts/with-postgres.sh)").isNotNull();
        CrashStore store = CrashStore.postgres(url, System.getenv("VBC_TEST_PG_USER"), System.getenv("VBC_TEST_PG_PASSWORD"));
        long seed = Long.getLong("vbc.failover.seed", System.nanoTime());
        int cycles = Integer.getInteger("vbc.failover.cycles", 2);
        Duration askTimeout = Duration.ofSeconds(5);
        PostgresRestartRun.Report r = PostgresRestartRun.run(new PostgresRestartRun.Settings(store, server, 2, cycles, seed, 50,
                300, 1_000, Duration.ofSeconds(8), askTimeout, 120_000), System.out);
        System.out.printf("postgres-restart: %d outages, %d batches (%d claims) / %d statements / %d payouts acknowledged over %d "
                        + "contracts, 503s per outage %s, %d connection failures, recoveries %s, slowest request %.1f s, %d problems, "
                        + "%.1f s, seed %d%n", r.cycles(), r.batches(), r.claims(), r.statements(), r.payouts(), r.contracts(),
                r.unavailableWhileDown(), r.connectionFailures(), r.recoveries(), r.slowestRequest().toMillis() / 1e3,
                r.problems().size(), r.elapsed().toMillis() / 1e3, r.seed());
        assertThat(r.problems()).as("acknowledged writes lost, changed or doubled, or statuses other than 2xx/503 (seed %d)", r.seed()).isEmpty();
        assertThat(r.recoveries()).as("every outage recovered from without restarting the node").hasSize(cycles);
        // a write sent while the server is down (8 s, longer than the 5 s ask timeout) is answered 503
        assertThat(r.unavailableWhileDown()).as("503s per outage").allSatisfy(n -> assertThat(n).isPositive());
        assertThat(r.batches()).as("acknowledged batches").isGreaterThan(2L * cycles);
    }
}
