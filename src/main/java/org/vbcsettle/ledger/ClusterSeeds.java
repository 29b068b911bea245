package org.vbcsettle.ledger;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;

import java.util.Arrays;
import java.util.List;

/**
 * Seed nodes from the environment: {@code VBC_SEED_NODES=akka://vbc-settle@10.0.0.11:25520,akka://...}.
 * HOCON cannot turn one environment variable into a list, so the node reads it here. Empty or absent:
 * the configured {@code akka.cluster.seed-nodes} stay (by default none: the node joins itself).
 */
final class ClusterSeeds {

    static final String ENV = "VBC_SEED_NODES";

    private ClusterSeeds() {
    }

    static Config apply(Config config, String environmentValue) {
        if (environmentValue == null || environmentValue.isBlank()) {
            return config;
        }
        List<String> seeds = Arrays.stream(environmentValue.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        for (String seed : seeds) {
            if (!seed.startsWith("akka://vbc-settle@") || seed.lastIndexOf(':') < "akka://vbc-settle@".length()) {
                throw new LedgerStartupException(ENV + ": each seed node must look like akka://vbc-settle@host:port, was '"
                        + seed + "'");
            }
        }
        return config.withValue("akka.cluster.seed-nodes", ConfigValueFactory.fromIterable(seeds));
    }
}
