package org.vbcsettle.cli;

import com.typesafe.config.ConfigFactory;
import org.vbcsettle.api.ApiNode;
import org.vbcsettle.api.ApiSettings;
import org.vbcsettle.api.PayoutView;
import org.vbcsettle.api.auth.Role;
import org.vbcsettle.api.auth.Tokens;
import org.vbcsettle.api.demo.DemoFeeder;
import org.vbcsettle.contract.Contract;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code vbc-settle serve [--port 8080] [--contracts contracts/] [--demo]}: starts the node (embedded H2 under
 * ./data by default; PostgreSQL with VBC_DB_URL/VBC_DB_USER/VBC_DB_PASSWORD), loads every contract
 * document in the folder, serves the HTTP API until stopped (Ctrl-C runs coordinated shutdown).
 * {@code --demo} also feeds a synthetic year into each contract and prints ready-to-paste curl commands and the
 * web app's sign-in links for the provider and the payer of the example contract.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the settlement node (HTTP API on the contract ledger)")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (default: vbc.http.port, 8080)") Integer port;

    @Option(names = "--host", description = "interface to listen on (default: vbc.http.host, 127.0.0.1)") String host;

    @Option(names = "--contracts", defaultValue = "contracts", description = "folder of contract documents to load (default: ${DEFAULT-VALUE})") Path contracts;

    @Option(names = "--demo", description = "feed a synthetic year of attribution, claims and quality events into every contract") boolean demo;

    @Option(names = "--demo-members", defaultValue = "400", description = "members per contract in the demo (default: ${DEFAULT-VALUE})") int demoMembers;

    @Option(names = "--demo-seed", defaultValue = "2024", description = "seed of the demo data (default: ${DEFAULT-VALUE})") long demoSeed;

    @Override
    public Integer call() throws Exception {
        var config = ApiSettings.withDefaults(ConfigFactory.load());
        ApiSettings settings = ApiSettings.fromConfig(config);
        if (port != null) {
            settings = settings.withPort(port);
        }
        if (host != null) {
            settings = settings.withHost(host);
        }
        ApiNode node;
        try {
            node = ApiNode.start(config, null, settings, false);
        } catch (IllegalStateException | org.vbcsettle.ledger.LedgerStartupException e) {
            // a database that is down, a refused configuration: one clear line, no stack trace
            System.err.println("serve: " + e.getMessage());
            return 2;
        }
        List<Contract> loaded = List.of();
        try {
            if (Files.isDirectory(contracts)) {
                loaded = node.loadContracts(contracts);
                System.err.println("serve: " + loaded.size() + " contract(s) loaded from " + contracts);
            } else {
                System.err.println("serve: no contracts folder " + contracts + "; none loaded");
            }
            node.markReady(); // the demo feeds registered contracts; a reader may come in meanwhile
            if (demo) {
                // SIGTERM during the demo: stop sending, or the shard regions wait out their hand-off timeout
                akka.actor.CoordinatedShutdown shutdown = akka.actor.CoordinatedShutdown.get(node.ledgerNode().system());
                List<DemoFeeder.Fed> fed = DemoFeeder.feed(node.ledger(), loaded, demoMembers, demoSeed, System.err,
                        () -> shutdown.getShutdownReason().isPresent());
                if (shutdown.getShutdownReason().isEmpty()) {
                    printCurls(node, fed);
                }
            }
        } catch (Exception e) {
            System.err.println("serve: " + e.getMessage());
            node.close();
            return 1;
        }
        if (akka.actor.CoordinatedShutdown.get(node.ledgerNode().system()).getShutdownReason().isEmpty()) {
            System.err.println("serve: listening on " + node.baseUrl() + " (Ctrl-C to stop)");
        }
        node.ledgerNode().system().getWhenTerminated().toCompletableFuture().join();
        return 0;
    }

    /** The web app's sign-in links (the token rides in the fragment, which the browser never sends to a server). */
    public static String signInLinks(ApiNode node, Contract c, Duration ttl, Clock clock) {
        String app = node.baseUrl() + "/app/#token=";
        return "# Web app (8 h sign-in links): open one in a browser\n"
                + "# provider " + c.provider() + ":\n"
                + app + Tokens.mint(node.auth(), Role.PROVIDER, c.provider(), ttl, clock) + "\n"
                + "# payer " + c.payer() + ":\n"
                + app + Tokens.mint(node.auth(), Role.PAYER, c.payer(), ttl, clock) + "\n\n";
    }

    private static void printCurls(ApiNode node, List<DemoFeeder.Fed> fed) {
        if (fed.isEmpty()) {
            return;
        }
        if (node.auth().hs256Secret() == null) {
            System.out.println("# RS256 is configured: use tokens from your identity provider");
            return;
        }
        Duration ttl = Duration.ofHours(8);
        Clock clock = Clock.systemUTC();
        String base = node.baseUrl();
        // the example: a contract with interim statements, the one that has paid out most so far
        DemoFeeder.Fed first = fed.stream().filter(f -> !f.statements().isEmpty())
                .max(java.util.Comparator.comparingLong(f -> f.payouts().stream().mapToLong(PayoutView::amountCents).sum()))
                .orElse(fed.get(0));
        Contract c = first.contract();
        String id = URLEncoder.encode(c.id(), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        sb.append("\n# Tokens (8 h): the payer and the provider of ").append(c.id()).append(", an actuary, an admin\n");
        sb.append("export PAYER='").append(Tokens.mint(node.auth(), Role.PAYER, c.payer(), ttl, clock)).append("'\n");
        sb.append("export PROVIDER='").append(Tokens.mint(node.auth(), Role.PROVIDER, c.provider(), ttl, clock)).append("'\n");
        sb.append("export ACTUARY='").append(Tokens.mint(node.auth(), Role.ACTUARY, null, ttl, clock)).append("'\n");
        sb.append("export ADMIN='").append(Tokens.mint(node.auth(), Role.ADMIN, null, ttl, clock)).append("'\n\n");
        sb.append(signInLinks(node, c, ttl, clock));
        sb.append("# Contracts the provider may see\n");
        sb.append("curl -s -H \"Authorization: Bearer $PROVIDER\" ").append(base).append("/v1/contracts\n");
        sb.append("# Running totals and projected settlement\n");
        sb.append("curl -s -H \"Authorization: Bearer $PROVIDER\" ").append(base).append("/v1/contracts/").append(id).append("/totals\n");
        sb.append("# Interim statements with line items (Q1-Q3 were settled by the demo)\n");
        sb.append("curl -s -H \"Authorization: Bearer $PROVIDER\" '").append(base).append("/v1/contracts/").append(id).append("/settlements?kind=interim'\n");
        sb.append("# Payouts so far\n");
        sb.append("curl -s -H \"Authorization: Bearer $PROVIDER\" ").append(base).append("/v1/contracts/").append(id).append("/payouts\n");
        sb.append("# Settle Q4 (interim), then the final settlement after run-out\n");
        int year = c.performanceEnd().getYear();
        sb.append("curl -s -X POST -H \"Authorization: Bearer $PAYER\" -H 'Content-Type: application/json' -d '{\"period\":\"")
                .append(year).append("-Q4\",\"kind\":\"interim\",\"asOf\":\"").append(year + 1).append("-02-28\"}' ")
                .append(base).append("/v1/contracts/").append(id).append("/settlements\n");
        sb.append("curl -s -X POST -H \"Authorization: Bearer $PAYER\" -H 'Content-Type: application/json' -d '{\"kind\":\"final\",\"asOf\":\"")
                .append(year + 1).append("-04-30\"}' ").append(base).append("/v1/contracts/").append(id).append("/settlements\n");
        sb.append("# The payer's payout file across contracts (triggered payouts)\n");
        sb.append("curl -s -H \"Authorization: Bearer $ADMIN\" '").append(base).append("/v1/payouts?status=triggered'\n");
        for (PayoutView p : first.payouts().stream().filter(x -> x.amountCents() != 0).toList()) {
            String key = URLEncoder.encode(p.key(), StandardCharsets.UTF_8);
            sb.append("# Approve payout ").append(p.key()).append(" (").append(p.amountCents()).append(" cents)\n");
            sb.append("curl -s -X POST -H \"Authorization: Bearer $PAYER\" -H 'Content-Type: application/json' -d '{\"status\":\"approved\"}' ")
                    .append(base).append("/v1/contracts/").append(id).append("/payouts/").append(key).append("/status\n");
            break;
        }
        sb.append("# The API description\n");
        sb.append("curl -s -H \"Authorization: Bearer $ADMIN\" ").append(base).append("/v1/openapi.yaml\n");
        System.out.println(sb);
        long payouts = fed.stream().mapToLong(f -> f.payouts().size()).sum();
        System.out.println("# demo: " + fed.size() + " contract(s) fed; " + payouts + " payout(s) triggered so far");
    }
}
