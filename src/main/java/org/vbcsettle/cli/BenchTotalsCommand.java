package org.vbcsettle.cli;

import com.typesafe.config.ConfigFactory;
import org.vbcsettle.api.ApiNode;
import org.vbcsettle.api.ApiSettings;
import org.vbcsettle.api.BatchResult;
import org.vbcsettle.api.auth.Role;
import org.vbcsettle.api.auth.Tokens;
import org.vbcsettle.api.bench.LoadGenerator;
import org.vbcsettle.api.demo.DemoYear;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Mappers;
import org.vbcsettle.ledger.DatabaseSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code vbc-settle bench totals}: latency of {@code GET /v1/contracts/{id}/totals} at a fixed request rate.
 * Starts a node on a fresh embedded H2 database in a temporary directory (always H2: VBC_DB_URL is not used), loads N contracts
 * with a small synthetic year each, then runs {@link LoadGenerator} in a second JVM on loopback: open loop
 * at --rate requests/s for --duration s after a warm-up, latency measured from each request's due time.
 */
@Command(name = "totals", mixinStandardHelpOptions = true, description = "Latency of GET totals under a fixed request rate")
public final class BenchTotalsCommand implements Callable<Integer> {

    @Option(names = "--contracts", defaultValue = "1000", description = "contracts (default: ${DEFAULT-VALUE})") int contracts;

    @Option(names = "--members", defaultValue = "10", description = "members per contract in the synthetic year (default: ${DEFAULT-VALUE})") int members;

    @Option(names = "--rate", defaultValue = "1000", description = "requests per second (default: ${DEFAULT-VALUE})") int rate;

    @Option(names = "--duration", defaultValue = "30", description = "measured seconds (default: ${DEFAULT-VALUE})") int duration;

    @Option(names = "--warmup", defaultValue = "10", description = "warm-up seconds, not measured (default: ${DEFAULT-VALUE})") int warmup;

    @Option(names = "--target-p99-ms", defaultValue = "10", description = "p99 target in ms (default: ${DEFAULT-VALUE})") double targetP99Ms;

    public static final String TEMPLATE = """
            id: %s
            version: 1
            name: Benchmark contract %s
            payer: bench-payer
            provider: bench-provider-%s
            performanceStart: 2024-01-01
            performanceEnd: 2024-12-31
            arrangements:
              - type: quality-incentive
                id: hedis
                measures:
                  - {id: CBP, name: Controlling High Blood Pressure, weight: 1, minimumDenominator: 2, target: 0.60}
                bonus: {method: pmpm, amount: "$4.00"}
                minimumComposite: 0.5
                scaleByComposite: true
              - type: shared-savings
                id: savings
                benchmark: {method: pmpm, baselinePmpm: "$1,010.00", trend: 0.045, trendYears: 2}
                minimumSavingsRate: {method: fixed, rate: 0.02}
                sharingRate: 0.50
                savingsCap: 0.10
            """;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("vbc-bench-totals");
        var config = ApiSettings.withDefaults(ConfigFactory.parseString("akka.loglevel = WARNING").withFallback(ConfigFactory.load()));
        DatabaseSettings db = DatabaseSettings.fromConfig(config).withUrl("jdbc:h2:file:" + dir.resolve("ledger") , "sa", "");
        ApiSettings settings = ApiSettings.fromConfig(config).withHost("127.0.0.1").withPort(0);
        System.out.printf("bench totals: %d contracts x %d members on H2 (%s); %d req/s for %d s after %d s warm-up%n",
                contracts, members, dir, rate, duration, warmup);
        try (ApiNode node = ApiNode.start(config, db, settings)) {
            long t0 = System.nanoTime();
            load(node);
            System.out.printf("bench totals: loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            System.gc(); // the loading's garbage is not the measurement's
            String token = Tokens.mint(node.auth(), Role.PAYER, "bench-payer", Duration.ofHours(2), Clock.systemUTC());
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), LoadGenerator.class.getName(),
                    node.baseUrl() + "/v1/contracts", token, "bench-", String.valueOf(contracts), String.valueOf(rate),
                    String.valueOf(duration), String.valueOf(warmup));
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line;
            String result = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("requests=")) {
                        result = line;
                    }
                }
            }
            if (!p.waitFor(duration + warmup + 120L, TimeUnit.SECONDS) || p.exitValue() != 0 || result == null) {
                p.destroyForcibly();
                System.err.println("bench totals: the load generator failed");
                return 1;
            }
            System.out.println("bench totals: " + result);
            long p50 = field(result, "p50_us");
            long p99 = field(result, "p99_us");
            long max = field(result, "max_us");
            long errors = field(result, "errors");
            System.out.printf("GET /totals at %d req/s for %d s, %d contracts: p50 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d (target p99 <= %.0f ms: %s)%n",
                    rate, duration, contracts, p50 / 1000.0, p99 / 1000.0, max / 1000.0, errors, targetP99Ms,
                    p99 / 1000.0 <= targetP99Ms && errors == 0 ? "met" : "NOT met");
            return 0;
        } finally {
            deleteTree(dir);
        }
    }

    private void load(ApiNode node) throws Exception {
        List<CompletableFuture<BatchResult>> inFlight = new ArrayList<>();
        for (int i = 0; i < contracts; i++) {
            String id = "bench-" + i;
            Contract c = Mappers.yaml().readValue(TEMPLATE.formatted(id, id, i), Contract.class);
            node.ensure(c);
            DemoYear y = DemoYear.generate(c, members, i);
            inFlight.add(node.ledger().attribute(id, y.attribution())
                    .thenCompose(a -> node.ledger().recordClaims(id, y.claims()))
                    .thenCompose(a -> node.ledger().recordQualityEvents(id, y.qualityEvents()))
                    .toCompletableFuture());
            if (inFlight.size() >= 16) {
                inFlight.remove(0).get(120, TimeUnit.SECONDS);
            }
        }
        for (CompletableFuture<BatchResult> f : inFlight) {
            f.get(120, TimeUnit.SECONDS);
        }
    }

    static long field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return (long) Double.parseDouble(part.substring(name.length() + 1));
            }
        }
        return -1;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a temp dir left behind is harmless
        }
    }
}
