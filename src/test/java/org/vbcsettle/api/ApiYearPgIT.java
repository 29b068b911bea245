package org.vbcsettle.api;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.vbcsettle.ledger.DatabaseSettings;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over a real socket against PostgreSQL: a year fed through the HTTP API, Q1–Q4 interim and
 * the final settlement, statements and payouts checked against the hand-computed figures of
 * {@link YearScenario}. Needs VBC_TEST_PG_URL / _USER / _PASSWORD (scripts/with-postgres.sh sets them);
 * fails, never skips, without them.
 */
class ApiYearPgIT {

    @Test
    void a_year_settled_quarterly_and_finally_over_http_on_postgresql() throws Exception {
        String url = System.getenv("VBC_TEST_PG_URL");
        assertThat(url).as("VBC_TEST_PG_URL (run through scripts/with-postgres.sh)").isNotBlank();
        var config = ApiSettings.withDefaults(ConfigFactory.parseString("""
                akka.loglevel = WARNING
                vbc.auth.hs256-secret = "api-year-pg-it-secret-of-32-bytes-or-more"
                """).withFallback(ConfigFactory.load()));
        DatabaseSettings db = DatabaseSettings.fromConfig(config).withUrl(url, System.getenv("VBC_TEST_PG_USER"),
                System.getenv("VBC_TEST_PG_PASSWORD"));
        try (ApiNode node = ApiNode.start(config, db, ApiSettings.fromConfig(config).withHost("127.0.0.1").withPort(0))) {
            new YearScenario(node.baseUrl(), node.auth(), "e2e-pg-" + UUID.randomUUID().toString().substring(0, 8)).run();
        }
    }
}
