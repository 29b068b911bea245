package org.vbcsettle.ledger;

import com.typesafe.config.Config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Where the ledger keeps its journal, snapshots and read side ({@code vbc.ledger.db}, overridable by
 * {@code VBC_DB_URL}, {@code VBC_DB_USER}, {@code VBC_DB_PASSWORD}). The dialect follows from the URL.
 */
public record DatabaseSettings(String url, String user, String password, Duration connectionTimeout, int poolSize,
                               int projectionPoolSize) {

    public enum Dialect {
        H2("slick.jdbc.H2Profile$", "org.h2.Driver", "h2-dialect", "schema/h2/h2-create-schema.sql"),
        POSTGRES("slick.jdbc.PostgresProfile$", "org.postgresql.Driver", "postgres-dialect", "schema/postgres/postgres-create-schema.sql");

        public final String slickProfile;
        public final String driver;
        public final String projectionDialect;
        public final String journalDdlResource;

        Dialect(String slickProfile, String driver, String projectionDialect, String journalDdlResource) {
            this.slickProfile = slickProfile;
            this.driver = driver;
            this.projectionDialect = projectionDialect;
            this.journalDdlResource = journalDdlResource;
        }
    }

    public static DatabaseSettings fromConfig(Config config) {
        Config db = config.getConfig("vbc.ledger.db");
        return new DatabaseSettings(db.getString("url"), db.getString("user"), db.getString("password"),
                db.getDuration("connection-timeout"), db.getInt("pool-size"), db.getInt("projection-pool-size"));
    }

    public DatabaseSettings withUrl(String url, String user, String password) {
        return new DatabaseSettings(url, user, password, connectionTimeout, poolSize, projectionPoolSize);
    }

    public Dialect dialect() {
        if (url.startsWith("jdbc:h2:")) {
            return Dialect.H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRES;
        }
        throw new LedgerStartupException("ledger database URL must be jdbc:h2:... or jdbc:postgresql:..., was '" + url + "'");
    }

    /** The URL without credentials, for messages. */
    public String describe() {
        return url + " (user " + user + ")";
    }

    /**
     * Opens one connection, failing within the connection timeout (not Hikari's 180 s, not the OS's TCP
     * timeout) with a message that names the database.
     */
    public Connection connect() {
        Dialect d = dialect();
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        long seconds = Math.max(1, connectionTimeout.toSeconds());
        if (d == Dialect.POSTGRES) {
            p.setProperty("connectTimeout", String.valueOf(seconds));
            p.setProperty("loginTimeout", String.valueOf(seconds));
            p.setProperty("socketTimeout", String.valueOf(Math.max(60, seconds)));
        }
        try {
            Class.forName(d.driver);
            DriverManager.setLoginTimeout((int) seconds);
            return DriverManager.getConnection(url, p);
        } catch (SQLException | ClassNotFoundException e) {
            throw new LedgerStartupException("cannot open the ledger database " + describe() + ": " + e.getMessage(), e);
        }
    }

    /** Fails fast unless the database answers a query. */
    public void checkConnectivity() {
        try (Connection c = connect(); var st = c.createStatement()) {
            st.setQueryTimeout((int) Math.max(1, connectionTimeout.toSeconds()));
            st.execute("SELECT 1");
        } catch (SQLException e) {
            throw new LedgerStartupException("the ledger database " + describe() + " does not answer: " + e.getMessage(), e);
        }
    }
}
