package org.vbcsettle.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates (or completes) the ledger's tables at start-up; running it again changes nothing.
 * The journal DDL is the one shipped in the akka-persistence-jdbc jar ({@code schema/<db>/...}), made
 * idempotent: its index statements get {@code IF NOT EXISTS}. Every statement runs on its own in
 * auto-commit, because PostgreSQL's {@code CREATE INDEX CONCURRENTLY} cannot run inside a transaction.
 * Several nodes starting at once are serialised by a PostgreSQL advisory lock.
 */
public final class LedgerSchema {

    private static final long ADVISORY_LOCK = 0x7662_6373_6574_6cL; // "vbcsetl"

    public static final String PAYOUTS_DDL = """
            CREATE TABLE IF NOT EXISTS payouts (
              payout_key VARCHAR(512) NOT NULL PRIMARY KEY,
              contract_id VARCHAR(255) NOT NULL,
              trigger_name VARCHAR(255) NOT NULL,
              period_id VARCHAR(32) NOT NULL,
              performance_year VARCHAR(32) NOT NULL,
              amount_cents BIGINT NOT NULL,
              reason VARCHAR(4000) NOT NULL,
              status VARCHAR(16) NOT NULL,
              triggered_at_sequence BIGINT NOT NULL,
              updated_at TIMESTAMP NOT NULL,
              dispute_remitted_cents BIGINT,
              dispute_short_cents BIGINT,
              dispute_reason VARCHAR(500),
              dispute_trace VARCHAR(50)
            )""";

    /** The dispute columns added to a payouts table created before disputes existed (null: no dispute). */
    public static final List<String> PAYOUTS_DISPUTE_COLUMNS = List.of(
            "ALTER TABLE payouts ADD COLUMN IF NOT EXISTS dispute_remitted_cents BIGINT",
            "ALTER TABLE payouts ADD COLUMN IF NOT EXISTS dispute_short_cents BIGINT",
            "ALTER TABLE payouts ADD COLUMN IF NOT EXISTS dispute_reason VARCHAR(500)",
            "ALTER TABLE payouts ADD COLUMN IF NOT EXISTS dispute_trace VARCHAR(50)");

    public static final String PAYOUTS_INDEX = "CREATE INDEX IF NOT EXISTS payouts_status_idx ON payouts (status, contract_id)";

    private LedgerSchema() {
    }

    public static void create(DatabaseSettings db) {
        DatabaseSettings.Dialect dialect = db.dialect();
        List<String> statements = new ArrayList<>(journalStatements(dialect));
        statements.add(PAYOUTS_DDL);
        statements.addAll(PAYOUTS_DISPUTE_COLUMNS);
        statements.add(PAYOUTS_INDEX);
        try (Connection c = db.connect()) {
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                if (dialect == DatabaseSettings.Dialect.POSTGRES) {
                    st.execute("SELECT pg_advisory_lock(" + ADVISORY_LOCK + ")");
                }
                try {
                    for (String sql : statements) {
                        try {
                            st.execute(sql);
                        } catch (SQLException e) {
                            throw new LedgerStartupException("creating the ledger schema in " + db.describe() + " failed at\n  "
                                    + sql.replace("\n", "\n  ") + "\n: " + e.getMessage(), e);
                        }
                    }
                } finally {
                    if (dialect == DatabaseSettings.Dialect.POSTGRES) {
                        st.execute("SELECT pg_advisory_unlock(" + ADVISORY_LOCK + ")");
                    }
                }
            }
        } catch (SQLException e) {
            throw new LedgerStartupException("creating the ledger schema in " + db.describe() + " failed: " + e.getMessage(), e);
        }
    }

    /** The shipped journal DDL, split into statements, with every CREATE INDEX made idempotent. */
    static List<String> journalStatements(DatabaseSettings.Dialect dialect) {
        String ddl;
        try (InputStream in = LedgerSchema.class.getClassLoader().getResourceAsStream(dialect.journalDdlResource)) {
            if (in == null) {
                throw new LedgerStartupException("journal DDL " + dialect.journalDdlResource + " not found on the classpath (akka-persistence-jdbc jar)");
            }
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LedgerStartupException("cannot read " + dialect.journalDdlResource, e);
        }
        List<String> out = new ArrayList<>();
        for (String raw : ddl.split(";")) {
            String sql = raw.strip();
            if (sql.isEmpty()) {
                continue;
            }
            sql = sql.replaceAll("(?i)CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?(?!IF\\s+NOT\\s+EXISTS)",
                    "CREATE $1INDEX $2IF NOT EXISTS ");
            out.add(sql);
        }
        return out;
    }
}
