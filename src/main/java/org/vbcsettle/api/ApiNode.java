package org.vbcsettle.api;

import akka.http.javadsl.ServerBinding;
import com.typesafe.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vbcsettle.api.auth.AuthSettings;
import org.vbcsettle.api.auth.Tokens;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.ContractLoader;
import org.vbcsettle.ledger.DatabaseSettings;
import org.vbcsettle.ledger.LedgerNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A serving node: the ledger node (actor system, cluster, database) with the HTTP API bound on it.
 * Used by {@code vbc-settle serve}, the benchmark and the end-to-end tests.
 */
public final class ApiNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiNode.class);

    private final LedgerNode node;
    private final LedgerAdapter ledger;
    private final ServerBinding binding;
    private final AuthSettings auth;
    private final Readiness readiness;
    private final ApiMetrics metrics;

    private ApiNode(LedgerNode node, LedgerAdapter ledger, ServerBinding binding, AuthSettings auth, Readiness readiness,
                    ApiMetrics metrics) {
        this.node = node;
        this.ledger = ledger;
        this.binding = binding;
        this.auth = auth;
        this.readiness = readiness;
        this.metrics = metrics;
    }

    /** A node that is ready as soon as it is bound; see {@link #start(Config, DatabaseSettings, ApiSettings, boolean)}. */
    public static ApiNode start(Config config, DatabaseSettings database, ApiSettings settings) throws Exception {
        return start(config, database, settings, true);
    }

    /**
     * Refuses to start (IllegalStateException) with the development secret in production mode.
     *
     * @param ready false: {@code /ready} answers 503 until {@link #markReady()} (serve calls it once its contracts
     *              folder is registered)
     */
    public static ApiNode start(Config config, DatabaseSettings database, ApiSettings settings, boolean ready) throws Exception {
        Config full = ApiSettings.withDefaults(config);
        AuthSettings auth = AuthSettings.fromConfig(full);
        String refusal = auth.refusalReason();
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        if (auth.usesDevelopmentSecret()) {
            log.warn("bearer tokens are checked with the built-in development secret: set VBC_JWT_SECRET (and VBC_MODE=production) for real use");
        }
        ApiMetrics metrics = ApiMetrics.create();
        LedgerNode node;
        try {
            node = database == null ? LedgerNode.start(full, metrics.ledger()) : LedgerNode.start(full, database, metrics.ledger());
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        try {
            LedgerAdapter ledger = new LedgerAdapter(node.client());
            Readiness readiness = ready ? Readiness.ready() : Readiness.waitingFor("start-up is registering the contracts folder");
            ApiContext ctx = ApiContext.of(node.system(), ledger, new Tokens(auth, Clock.systemUTC()), settings, readiness, metrics);
            ServerBinding b = HttpServer.start(node.system(), ctx).toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new ApiNode(node, ledger, b, auth, readiness, metrics);
        } catch (Exception e) {
            node.close();
            metrics.close();
            throw e;
        }
    }

    /** {@code /ready} answers 200 from now on (when the cluster member is Up and the database answers). */
    public void markReady() {
        readiness.open();
    }

    public int port() {
        return binding.localAddress().getPort();
    }

    public String baseUrl() {
        return "http://" + binding.localAddress().getHostString() + ":" + port();
    }

    public LedgerGateway ledger() {
        return ledger;
    }

    public LedgerNode ledgerNode() {
        return node;
    }

    public AuthSettings auth() {
        return auth;
    }

    /**
     * Loads every contract document of a folder ({@code *.yaml}, {@code *.yml}, {@code *.json}): registers
     * new ones, amends those whose version is higher than the ledger's, keeps the rest. A document with
     * errors stops the load with all its errors.
     */
    public List<Contract> loadContracts(Path dir) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list contracts folder " + dir + ": " + e.getMessage(), e);
        }
        List<Contract> loaded = new ArrayList<>();
        for (Path f : files) {
            ContractLoader.Result r = ContractLoader.read(f);
            if (!r.ok()) {
                throw new IllegalArgumentException(String.join(System.lineSeparator(), r.errors()));
            }
            loaded.add(ensure(r.contract()));
        }
        return loaded;
    }

    /** Registers the contract, or amends it to a higher version, or keeps what the ledger has. */
    public Contract ensure(Contract c) throws Exception {
        var existing = ledger.contract(c.id()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (existing.isEmpty()) {
            return ledger.registerContract(c).toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        if (existing.get().versionOrDefault() < c.versionOrDefault()) {
            return ledger.amendContract(c).toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        return existing.get();
    }

    @Override
    public void close() {
        try {
            binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("unbind: {}", e.toString());
        }
        node.close();
        metrics.close();
    }
}
