package org.vbcsettle.ledger;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A running ledger node. {@link #start(Config)} checks that the database answers (fails within seconds
 * otherwise), creates or completes the schema, starts the actor system with the database's settings,
 * starts sharding of the contract entities, joins the cluster (itself, when no seed nodes are
 * configured) and waits for the member to be Up, then starts the payout read side.
 */
public final class LedgerNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LedgerNode.class);

    private final ActorSystem<Void> system;
    private final DatabaseSettings database;
    private final HikariDataSource readSideDataSource;
    private final LedgerClient client;
    private final PayoutReadSide payouts;

    private LedgerNode(ActorSystem<Void> system, DatabaseSettings database, HikariDataSource readSideDataSource,
                       Duration askTimeout, LocalLedgers local) {
        this.system = system;
        this.database = database;
        this.readSideDataSource = readSideDataSource;
        this.payouts = new PayoutReadSide(readSideDataSource);
        this.client = new LedgerClient(system, askTimeout, payouts, local);
    }

    /** Starts with {@code application.conf} (and the VBC_DB_* environment variables). */
    public static LedgerNode start() {
        return start(ConfigFactory.load());
    }

    public static LedgerNode start(Config config) {
        return start(config, LedgerMetrics.NONE);
    }

    public static LedgerNode start(Config config, LedgerMetrics metrics) {
        Config withSeeds = ClusterSeeds.apply(config, System.getenv(ClusterSeeds.ENV));
        DatabaseSettings db = DatabaseSettings.fromConfig(withSeeds);
        return start(withSeeds, db, metrics);
    }

    /** Starts on the given database, whatever {@code vbc.ledger.db} says. */
    public static LedgerNode start(Config config, DatabaseSettings db) {
        return start(config, db, LedgerMetrics.NONE);
    }

    /** As {@link #start(Config, DatabaseSettings)}, the entities and the read side's pool reporting to {@code metrics}. */
    public static LedgerNode start(Config config, DatabaseSettings db, LedgerMetrics metrics) {
        db.checkConnectivity();
        LedgerSchema.create(db);
        Config full = databaseConfig(db).withFallback(config).resolve();
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "vbc-settle", full);
        HikariDataSource ds = null;
        try {
            ds = readSideDataSource(db, metrics);
            closeAtShutdown(system, ds);
            PayoutProjection.createOffsetTables(system, ds).toCompletableFuture()
                    .get(db.connectionTimeout().toMillis() * 4, TimeUnit.MILLISECONDS);
            LocalLedgers local = new LocalLedgers();
            ContractEntity.init(system, metrics, local);
            // every serving node settles ranges of the simulations a `simulate --cluster` asks for
            system.systemActorOf(org.vbcsettle.ledger.simulation.SimulationWorker.create(), "simulation-worker",
                    akka.actor.typed.Props.empty());
            joinAndWaitUp(system, full.getDuration("vbc.ledger.join-timeout"));
            PayoutProjection.start(system, ds);
            log.info("ledger node up on {} ({})", Cluster.get(system).selfMember().address(), db.describe());
            return new LedgerNode(system, db, ds, full.getDuration("vbc.ledger.ask-timeout"), local);
        } catch (Exception e) {
            system.terminate();
            if (ds != null) {
                ds.close();
            }
            if (e instanceof LedgerStartupException le) {
                throw le;
            }
            throw new LedgerStartupException("ledger node failed to start: " + e, e);
        }
    }

    /** akka-persistence-jdbc and akka-projection settings for this database (profile, driver, pool, timeouts). */
    static Config databaseConfig(DatabaseSettings db) {
        DatabaseSettings.Dialect d = db.dialect();
        String base = "akka-persistence-jdbc.shared-databases.ledger.";
        Map<String, Object> m = new HashMap<>();
        m.put(base + "profile", d.slickProfile);
        m.put(base + "db.url", db.url());
        m.put(base + "db.user", db.user());
        m.put(base + "db.password", db.password());
        m.put(base + "db.driver", d.driver);
        m.put(base + "db.numThreads", db.poolSize());
        m.put(base + "db.maxConnections", db.poolSize());
        m.put(base + "db.minConnections", Math.min(2, db.poolSize()));
        m.put(base + "db.connectionTimeout", db.connectionTimeout().toMillis());
        m.put(base + "db.initializationFailTimeout", db.connectionTimeout().toMillis());
        m.put("jdbc-journal.parallelism", db.poolSize());
        m.put("akka.projection.jdbc.dialect", d.projectionDialect);
        m.put("akka.projection.jdbc.blocking-jdbc-dispatcher.thread-pool-executor.fixed-pool-size", db.projectionPoolSize());
        return ConfigFactory.parseMap(m, "vbc.ledger.db (" + d + ")");
    }

    private static HikariDataSource readSideDataSource(DatabaseSettings db, LedgerMetrics metrics) {
        HikariConfig hc = new HikariConfig();
        hc.setMetricRegistry(metrics.registry()); // hikaricp_connections_* gauges of pool "vbc-payouts"
        hc.setPoolName("vbc-payouts");
        hc.setJdbcUrl(db.url());
        hc.setUsername(db.user());
        hc.setPassword(db.password());
        hc.setDriverClassName(db.dialect().driver);
        hc.setMaximumPoolSize(db.projectionPoolSize() + 2);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(Math.max(250, db.connectionTimeout().toMillis()));
        hc.setInitializationFailTimeout(db.connectionTimeout().toMillis());
        return new HikariDataSource(hc);
    }

    /**
     * Closes the read side's pool in the last phase before the actor system terminates, whatever starts the
     * shutdown (close(), SIGTERM, a downed member): by then the shard regions and the projection have
     * stopped, so nothing writes any more. akka-persistence-jdbc closes its own pool when the system
     * terminates. With H2 ({@code DB_CLOSE_ON_EXIT=FALSE}) the database closes with its last connection.
     */
    private static void closeAtShutdown(ActorSystem<?> system, HikariDataSource ds) {
        akka.actor.CoordinatedShutdown.get(system).addTask(akka.actor.CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
                "vbc-close-read-side-pool", () -> {
                    ds.close(); // idempotent: close() closes it again
                    return java.util.concurrent.CompletableFuture.completedFuture(akka.Done.getInstance());
                });
    }

    private static void joinAndWaitUp(ActorSystem<?> system, Duration timeout) throws InterruptedException {
        Cluster cluster = Cluster.get(system);
        if (system.settings().config().getStringList("akka.cluster.seed-nodes").isEmpty()) {
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (cluster.selfMember().status() != MemberStatus.up()) {
            if (System.nanoTime() > deadline) {
                throw new LedgerStartupException("cluster member " + cluster.selfMember().address() + " not Up after " + timeout
                        + " (status " + cluster.selfMember().status() + ")");
            }
            Thread.sleep(20);
        }
    }

    public LedgerClient client() {
        return client;
    }

    public ActorSystem<Void> system() {
        return system;
    }

    public DatabaseSettings database() {
        return database;
    }

    /** The payouts table (read side). */
    public PayoutReadSide payouts() {
        return payouts;
    }

    /** Stops the node: coordinated shutdown of the actor system, then the read side's connections. */
    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("actor system did not terminate cleanly: {}", e.toString());
        } finally {
            readSideDataSource.close();
        }
    }
}
