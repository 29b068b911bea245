package org.vbcsettle.api;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbcsettle.ledger.DatabaseSettings;

import java.nio.file.Path;

/** The year of {@link YearScenario} over a real socket against the real ledger on an H2 file database. */
class LedgerYearTest {

    @Test
    void a_year_settled_quarterly_and_finally_over_http_on_h2(@TempDir Path dir) throws Exception {
        var config = ApiSettings.withDefaults(ConfigFactory.parseString("""
                akka.loglevel = WARNING
                vbc.auth.hs256-secret = "ledger-year-test-secret-of-32-bytes-or-more"
                """).withFallback(ConfigFactory.load()));
        DatabaseSettings db = DatabaseSettings.fromConfig(config).withUrl("jdbc:h2:file:" + dir.resolve("ledger"), "sa", "");
        try (ApiNode node = ApiNode.start(config, db, ApiSettings.fromConfig(config).withHost("127.0.0.1").withPort(0))) {
            new YearScenario(node.baseUrl(), node.auth(), "e2e-h2").run();
        }
    }
}
