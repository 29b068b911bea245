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
 *
 * <p>An H2 URL always carries {@code DB_CLOSE_ON_EXIT=FALSE} (appended when missing): otherwise H2's own JVM
 * shutdown hook closes the database while Akka's coordinated shutdown still stops the shard regions and
 * the projection, whose last writes then fail ("Database is already closed") and stall shutdown. The node
 * closes its pools at the end of coordinated shutdown instead, and H2 closes the database with the last
 * connection.
 *
 * <p>It also carries {@code WRITE_DELAY=0} (appended when missing), because a reply to a write promises the
 * write survives the node being killed. H2's MVStore otherwise leaves each commit in memory for its background
 * writer to store up to {@code WRITE_DELAY} (500 ms) later: a node killed with SIGKILL lost batches and
 * statements it had acknowledged. With 0 the background writer is off and every commit writes its chunk to
 * the file before the commit returns (MVStore's {@code TransactionStore} commits the store when the
 * auto-commit delay is 0). A URL that sets {@code WRITE_DELAY} itself keeps its value.
 */
public record DatabaseSettings(String url, String user, String password, Duration connectionTimeout, int poolSize,
                               int projectionPoolSize) {

    static final String H2_CLOSE_ON_EXIT = "DB_CLOSE_ON_EXIT=FALSE";
    static final String H2_WRITE_DELAY = "WRITE_DELAY=0";

    public DatabaseSettings {
        url = withH2Settings(url);
    }

    /** {@code url} with each of H2's required settings appended that an H2 URL does not set itself. */
    static String withH2Settings(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return url;
        }
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder(url);
        for (String setting : new String[] {H2_CLOSE_ON_EXIT, H2_WRITE_DELAY}) {
            if (!upper.contains(";" + setting.substring(0, setting.indexOf('=') + 1))) {
                out.append(';').append(setting);
            }
        }
        return out.toString();
    }

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

    /**
     * The user defaults by dialect: H2's embedded database is created for {@code sa}; PostgreSQL has no
     * sensible default (silently trying {@code sa} would only fail later with an authentication error that
     * does not say which setting is missing), so it must be set.
     */
    public static DatabaseSettings fromConfig(Config config) {
        Config db = config.getConfig("vbc.ledger.db");
        String url = db.getString("url");
        String user = db.hasPath("user") ? db.getString("user") : null;
        if (user == null || user.isBlank()) {
            if (url.startsWith("jdbc:postgresql:")) {
                throw new LedgerStartupException("the ledger database " + url + " is PostgreSQL and no user is set: "
                        + "set VBC_DB_USER (and VBC_DB_PASSWORD), or vbc.ledger.db.user");
            }
            user = "sa";
        }
        return new DatabaseSettings(url, user, db.hasPath("password") ? db.getString("password") : "",
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
