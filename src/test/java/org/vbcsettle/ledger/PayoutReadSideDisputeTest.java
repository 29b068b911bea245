package org.vbcsettle.ledger;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.vbcsettle.money.Money;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payout read side carries a payout's dispute: a payouts table created before disputes existed gets the
 * dispute columns when the schema is created again, the projection writes the dispute, and the read side reads
 * it back (and null for an undisputed payout). On H2, as a node without PostgreSQL runs.
 */
class PayoutReadSideDisputeTest {

    @Test
    void aDisputeReachesTheReadSideOfATableCreatedBeforeDisputes() throws Exception {
        String url = "jdbc:h2:mem:payout-dispute-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        DatabaseSettings db = new DatabaseSettings(url, "sa", "", Duration.ofSeconds(10), 2, 1);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            // the payouts table as it was before disputes
            String before = LedgerSchema.PAYOUTS_DDL.replaceAll(",\\s*dispute_[a-z_]+ [A-Z]+(\\(\\d+\\))?", "");
            assertThat(before).doesNotContain("dispute").contains("updated_at TIMESTAMP NOT NULL");
            st.execute(before);
        }
        LedgerSchema.create(db);
        LedgerSchema.create(db); // idempotent, columns and all

        Payout disputed = new Payout("D|settlement.final|2024", "D", "settlement.final", "2024", "2024", Money.ofCents(1_234_567),
                "final settlement", Payout.Status.TRIGGERED, 4);
        Payout plain = new Payout("D|settlement.interim|2024-Q2", "D", "settlement.interim", "2024-Q2", "2024", Money.ofCents(9_900),
                "interim advance", Payout.Status.TRIGGERED, 2);
        try (Connection c = db.connect()) {
            c.setAutoCommit(true);
            for (ContractEvent e : List.of(new ContractEvent.PayoutTriggered(disputed), new ContractEvent.PayoutTriggered(plain),
                    new ContractEvent.PayoutStatusChanged(disputed.key(), Payout.Status.APPROVED),
                    new ContractEvent.PayoutStatusChanged(disputed.key(), Payout.Status.DISBURSED),
                    new ContractEvent.PayoutDisputed(disputed.key(), 1_224_567, 10_000, "short-paid", "EFT-78", "req-1"))) {
                PayoutProjection.apply(c, e);
            }
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(db.url());
        ds.setUser("sa");
        List<Payout> read = new PayoutReadSide(ds).find("D", null);
        assertThat(read).extracting(Payout::key).containsExactly(disputed.key(), plain.key());
        assertThat(read.get(0).status()).isEqualTo(Payout.Status.DISBURSED);
        assertThat(read.get(0).dispute()).isEqualTo(new Payout.Dispute(1_224_567, 10_000, "short-paid", "EFT-78"));
        assertThat(read.get(1).dispute()).isNull();
    }
}
