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
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code vbc-settle bench totals}: latency of {@code GET /v1/contracts/{id}/totals} at a fixed request rate.
 * Starts a node in a child JVM with the node's heap and GC settings ({@code --node-jvm}, so that the figure does
 * not depend on how this command was launched) on a fresh embedded H2 database in a temporary directory
 * (always H2: VBC_DB_URL is not used), loads N contracts with a small synthetic year each, then runs
 * {@link LoadGenerator} in a further JVM on loopback, {@code --runs} times in a row: open loop at --rate
 * requests/s for --duration s after a warm-up, latency measured from each request's due time. With
 * {@code --period-mix 0.3} each run measures plain totals twice, alone and with 30% of the requests asking
 * {@code ?period=} (default 2024-Q2), and the p99 of plain totals is judged in both.
 */
@Command(name = "totals", mixinStandardHelpOptions = true, description = "Latency of GET totals under a fixed request rate")
public final class BenchTotalsCommand implements Callable<Integer> {

    /**
     * The node's JVM in the benchmark: a fixed heap touched up front, G1 with a fixed young generation large
     * enough that a young pause (its cost is what survives, not the size) comes every ~10 s at 2,000 req/s, not
     * every second: the fewer requests a pause delays, the less it shows in p99.
     */
    public static final String NODE_JVM = "-Xms1g -Xmx1g -Xmn512m -XX:+AlwaysPreTouch -XX:+UseG1GC";

    /** The load generator's JVM: it allocates little, and a pause of its own would count as latency. */
    static final List<String> GENERATOR_JVM = List.of("-Xms256m", "-Xmx256m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=5");

    @Option(names = "--contracts", defaultValue = "1000", description = "contracts (default: ${DEFAULT-VALUE})") int contracts;

    @Option(names = "--members", defaultValue = "10", description = "members per contract in the synthetic year (default: ${DEFAULT-VALUE})") int members;

    @Option(names = "--rate", defaultValue = "2000", description = "requests per second (default: ${DEFAULT-VALUE})") int rate;

    @Option(names = "--duration", defaultValue = "30", description = "measured seconds per phase (default: ${DEFAULT-VALUE})") int duration;

    @Option(names = "--warmup", defaultValue = "10", description = "warm-up seconds before each run, not measured (default: ${DEFAULT-VALUE})") int warmup;

    @Option(names = "--runs", defaultValue = "3", description = "consecutive runs; the target is met when every run meets it (default: ${DEFAULT-VALUE})") int runs;

    @Option(names = "--period", defaultValue = "2024-Q2", description = "the other period of --period-mix (default: ${DEFAULT-VALUE})") String period;

    @Option(names = "--period-mix", defaultValue = "0", description = "share of requests asking ?period= in the second phase of each run; 0: no second phase (default: ${DEFAULT-VALUE})") double periodMix;

    @Option(names = "--target-p99-ms", defaultValue = "5", description = "p99 target in ms (default: ${DEFAULT-VALUE})") double targetP99Ms;

    @Option(names = "--node-jvm", defaultValue = NODE_JVM, description = "JVM options of the node under test (default: ${DEFAULT-VALUE})") String nodeJvm;

    @Option(names = "--in-process", hidden = true, description = "run the node in this JVM (what the child JVM is told)") boolean inProcess;

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
        if (!inProcess) {
            return inChildJvm();
        }
        Path dir = Files.createTempDirectory("vbc-bench-totals");
        var config = ApiSettings.withDefaults(ConfigFactory.parseString("akka.loglevel = WARNING").withFallback(ConfigFactory.load()));
        DatabaseSettings db = DatabaseSettings.fromConfig(config).withUrl("jdbc:h2:file:" + dir.resolve("ledger") , "sa", "");
        ApiSettings settings = ApiSettings.fromConfig(config).withHost("127.0.0.1").withPort(0);
        System.out.printf("bench totals: %d contracts x %d members on H2 (%s); %d run(s) of %d req/s for %d s after %d s warm-up%s; node JVM: %s%n",
                contracts, members, dir, runs, rate, duration, warmup,
                periodMix > 0 ? String.format(Locale.ROOT, ", alone and with %.0f%% ?period=%s", periodMix * 100, period) : "",
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        try (ApiNode node = ApiNode.start(config, db, settings)) {
            long t0 = System.nanoTime();
            load(node);
            System.out.printf("bench totals: loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            System.gc(); // the loading's garbage is not the measurement's
            String token = Tokens.mint(node.auth(), Role.PAYER, "bench-payer", Duration.ofHours(2), Clock.systemUTC());
            int met = 0;
            for (int run = 1; run <= runs; run++) {
                double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                long[] gcBefore = gc();
                List<String> lines = generate(node, token);
                if (lines == null) {
                    System.err.println("bench totals: the load generator failed");
                    return 1;
                }
                boolean ok = true;
                for (String line : lines) {
                    ok &= report(run, line);
                }
                long[] gcAfter = gc();
                // what else was going on: the node's own collections, and the machine's load (a shared machine's
                // other work shows in the tail as much as the node's)
                System.out.printf(Locale.ROOT, "run %d: node GC %d collection(s), %d ms in all (warm-up included); load average %.2f before, %.2f after, %d cores%n",
                        run, gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1], loadBefore,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
                met += ok ? 1 : 0;
            }
            System.out.printf("bench totals: target p99 <= %s ms at %d req/s%s in %d consecutive run(s): %s (%d of %d runs met it)%n",
                    fmt(targetP99Ms), rate, periodMix > 0 ? " (plain totals, alone and with the period mix)" : "", runs,
                    met == runs ? "met" : "NOT met", met, runs);
            return 0;
        } finally {
            deleteTree(dir);
        }
    }

    /** This command again, with --in-process, in a JVM with {@link #nodeJvm}; its output is ours. */
    private int inChildJvm() throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(Arrays.asList(nodeJvm.trim().split("\\s+")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "bench", "totals", "--in-process",
                "--contracts", String.valueOf(contracts), "--members", String.valueOf(members), "--rate", String.valueOf(rate),
                "--duration", String.valueOf(duration), "--warmup", String.valueOf(warmup), "--runs", String.valueOf(runs),
                "--period", period, "--period-mix", String.valueOf(periodMix), "--target-p99-ms", String.valueOf(targetP99Ms)));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        return p.waitFor();
    }

    /** One run of the load generator: its result lines ({@code plain …}, and {@code mixed …}), or null. */
    private List<String> generate(ApiNode node, String token) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(GENERATOR_JVM);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), LoadGenerator.class.getName(),
                node.baseUrl() + "/v1/contracts", token, "bench-", String.valueOf(contracts), String.valueOf(rate),
                String.valueOf(duration), String.valueOf(warmup), "64"));
        if (periodMix > 0) {
            cmd.addAll(List.of(period, String.valueOf(periodMix)));
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> results = new ArrayList<>();
        String line;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            while ((line = r.readLine()) != null) {
                if (line.startsWith("plain ") || line.startsWith("mixed ")) {
                    results.add(line);
                }
            }
        }
        int phases = periodMix > 0 ? 2 : 1;
        if (!p.waitFor(2L * duration + warmup + 120L, TimeUnit.SECONDS) || p.exitValue() != 0 || results.size() != phases) {
            p.destroyForcibly();
            return null;
        }
        return results;
    }

    /** Prints one phase of a run; true when its plain p99 meets the target without errors. */
    private boolean report(int run, String line) {
        boolean mixed = line.startsWith("mixed ");
        System.out.println("bench totals: run " + run + " " + line);
        long p50 = field(line, "p50_us");
        long p99 = field(line, "p99_us");
        long max = field(line, "max_us");
        long errors = field(line, "errors");
        boolean ok = p99 / 1000.0 <= targetP99Ms && errors == 0;
        String what = mixed
                ? String.format(Locale.ROOT, "plain GET /totals with %.0f%% ?period=%s (their p99 %.2f ms)", periodMix * 100, period,
                field(line, "period_p99_us") / 1000.0)
                : "plain GET /totals" + (periodMix > 0 ? " alone" : "");
        System.out.printf(Locale.ROOT, "run %d: %s at %d req/s for %d s, %d contracts: p50 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d (target p99 <= %s ms: %s)%n",
                run, what, rate, duration, contracts, p50 / 1000.0, p99 / 1000.0, max / 1000.0, errors, fmt(targetP99Ms),
                ok ? "met" : "NOT met");
        return ok;
    }

    /** Collections of this JVM so far, and the milliseconds they took. */
    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, b.getCollectionCount());
            millis += Math.max(0, b.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static String fmt(double ms) {
        return ms == Math.rint(ms) ? String.valueOf((long) ms) : String.valueOf(ms);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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
