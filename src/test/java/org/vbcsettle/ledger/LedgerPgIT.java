package org.vbcsettle.ledger;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The ledger on a real PostgreSQL server: {@code scripts/with-postgres.sh mvn verify ...} provides one.
 * Fails (never skips) when no server is given.
 */
class LedgerPgIT {

    static DatabaseSettings db;
    static Config config;

    @BeforeAll
    static void server() {
        String url = System.getenv("VBC_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            fail("VBC_TEST_PG_URL is not set: run the PostgreSQL integration tests through scripts/with-postgres.sh "
                    + "(e.g. scripts/with-postgres.sh mvn verify), which starts a server and sets it");
        }
        String user = System.getenv().getOrDefault("VBC_TEST_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("VBC_TEST_PG_PASSWORD", "");
        config = ConfigFactory.parseMap(java.util.Map.of("vbc.ledger.db.url", url, "vbc.ledger.db.user", user,
                "vbc.ledger.db.password", password)).withFallback(ConfigFactory.load());
        db = DatabaseSettings.fromConfig(config);
    }

    @Test
    void schemaCreationIsIdempotent() throws Exception {
        LedgerSchema.create(db);
        LedgerSchema.create(db);
        Set<String> tables = new HashSet<>();
        Set<String> indexes = new HashSet<>();
        try (Connection c = db.connect()) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    indexes.add(rs.getString(1));
                }
            }
            // CREATE INDEX CONCURRENTLY that failed half-way leaves an invalid index behind: none here
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_index WHERE NOT indisvalid")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
        assertThat(tables).contains("event_journal", "event_tag", "snapshot", "durable_state", "payouts");
        assertThat(indexes).contains("event_journal_ordering_idx", "state_tag_idx", "state_global_offset_idx", "payouts_status_idx");
        // and a node starts on the existing schema (which it creates again), with the projection's tables
        try (LedgerNode node = LedgerNode.start(config)) {
            assertThat(node.payouts().byStatus(Payout.Status.DISBURSED)).isNotNull();
        }
        try (Connection c = db.connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'akka_projection_offset_store'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void restartsWithNothingLostAndNothingDoubled() throws Exception {
        LedgerScenarios.restartMidStream(config, "PG-" + UUID.randomUUID().toString().substring(0, 8) + "-");
    }

    @Test
    void payoutsReachTheReadSideExactlyOnce() throws Exception {
        LedgerScenarios.payoutsReachTheReadSide(config, "PGQ-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
