package org.vbcsettle.cli;

import org.junit.jupiter.api.Test;
import org.vbcsettle.cli.crash.CrashRun;
import org.vbcsettle.cli.crash.CrashStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CrashRecoveryTest} on PostgreSQL: VBC_TEST_PG_URL / _USER / _PASSWORD (scripts/with-postgres.sh sets
 * them); fails, never skips, without them.
 */
class CrashRecoveryPgIT {

    @Test
    void every_acknowledged_write_survives_kill_minus_9_on_postgresql() throws Exception {
        String url = System.getenv("VBC_TEST_PG_URL");
        assertThat(url).as("VBC_TEST_PG_URL (run through scripts/with-postgres.sh)").isNotBlank();
        CrashStore store = CrashStore.postgres(url, System.getenv("VBC_TEST_PG_USER"), System.getenv("VBC_TEST_PG_PASSWORD"));
        CrashRecoveryTest.assertKeptEverything(CrashRun.run(CrashRecoveryTest.settings(store), System.out));
    }
}
