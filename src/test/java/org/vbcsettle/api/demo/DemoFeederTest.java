package org.vbcsettle.api.demo;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbcsettle.api.ApiNode;
import org.vbcsettle.api.ApiSettings;
import org.vbcsettle.api.PayoutView;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.ledger.DatabaseSettings;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code serve --demo} promises, on the real ledger with the example contracts. */
class DemoFeederTest {

    @Test
    void the_example_contracts_show_interim_statements_and_payouts(@TempDir Path dir) throws Exception {
        var config = ApiSettings.withDefaults(ConfigFactory.parseString("akka.loglevel = WARNING").withFallback(ConfigFactory.load()));
        DatabaseSettings db = DatabaseSettings.fromConfig(config).withUrl("jdbc:h2:file:" + dir.resolve("ledger"), "sa", "");
        try (ApiNode node = ApiNode.start(config, db, ApiSettings.fromConfig(config).withHost("127.0.0.1").withPort(0))) {
            List<Contract> contracts = node.loadContracts(Path.of("contracts"));
            assertThat(contracts).hasSizeGreaterThanOrEqualTo(3);
            List<DemoFeeder.Fed> fed = DemoFeeder.feed(node.ledger(), contracts, 150, 2024, new PrintStream(new ByteArrayOutputStream()));
            assertThat(fed).allSatisfy(f -> assertThat(f.memberMonths()).isGreaterThan(150L * 11));
            assertThat(fed).anySatisfy(f -> assertThat(f.statements()).hasSize(3));
            assertThat(fed.stream().flatMap(f -> f.payouts().stream()).mapToLong(PayoutView::amountCents).filter(a -> a > 0).count())
                    .isGreaterThan(0);
            // loading the same folder again changes nothing (same versions)
            assertThat(node.loadContracts(Path.of("contracts"))).isEqualTo(contracts);
        }
    }
}
