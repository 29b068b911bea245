package org.vbcsettle.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.vbcsettle.api.auth.AuthSettings;
import org.vbcsettle.api.auth.Role;
import org.vbcsettle.api.auth.Tokens;
import org.vbcsettle.contract.Mappers;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole HTTP API fuzzed on a real node (Cluster Sharding, H2 file journal, CBOR): {@link FuzzCorpus}
 * generates {@code vbc.fuzz.requests} (default 10,000) requests from {@code vbc.fuzz.seed} (default fixed;
 * {@code random} for a new one), sent by several clients at once over keep-alive connections. It holds when
 * <ul>
 *   <li>no response is a 5xx (nothing here is overload), every 4xx is a problem document with its status, and
 *       a 422 of a record carries errors that each name a field;</li>
 *   <li>no entity stopped and nothing failed unexpectedly: no ERROR line is logged during the run (an
 *       exception escaping an entity, a 500, a supervisor's failure all log one);</li>
 *   <li>the baseline contracts (shared savings with interim statements and a payout, bundled payments with
 *       reported facts, quality incentive settled finally) are byte-identical afterwards: their documents,
 *       totals of every period, statements, payouts and reported facts over the API, and their journal rows
 *       (count, last sequence number and a digest of the event payloads) read from the database.</li>
 * </ul>
 * A failure prints the seed and each failing case's index: {@code -Dvbc.fuzz.seed=S -Dvbc.fuzz.only=i,j}
 * replays those cases alone, one after the other.
 */
class ApiFuzzTest {

    static final long DEFAULT_SEED = 20_241_216L;
    static final String SECRET = TestApi.SECRET;

    @TempDir
    static Path dir;
    static TestApi api;
    static final List<FuzzCorpus.Target> targets = new ArrayList<>();
    static FuzzCorpus.Records records;
    static FuzzCorpus.Formats formats;
    /** The web app's files: a 200 under /app/ is one of them, byte for byte. */
    static final List<String> APP_FILES = new ArrayList<>();
    static final Map<String, String> tokens = new LinkedHashMap<>();
    static final List<String> payoutKeys = java.util.Collections.synchronizedList(new ArrayList<>());
    static final Queue<String> errorLines = new ConcurrentLinkedQueue<>();
    static AppenderBase<ILoggingEvent> capture;
    /** Cases the JDK client refuses to send (an invalid URI or header), by reason: the raw cases send such bytes. */
    static final Map<String, Integer> UNSENDABLE = new java.util.concurrent.ConcurrentHashMap<>();

    static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        long t0 = System.nanoTime();
        api = TestApi.onLedger(dir, TestApi.defaults());
        tokens.put("admin", TestApi.token(Role.ADMIN, null));
        tokens.put("actuary", TestApi.token(Role.ACTUARY, null));
        tokens.put("expired", Tokens.mint(TestApi.AUTH, Role.ADMIN, null, Duration.ofMinutes(-5), Clock.systemUTC()));
        tokens.put("wrong-secret", Tokens.mint(new AuthSettings("another-secret-of-at-least-thirty-two-bytes".getBytes(), null, false,
                "vbc-settle"), Role.ADMIN, null, Duration.ofMinutes(10), Clock.systemUTC()));
        tokens.put("wrong-issuer", Tokens.mint(new AuthSettings(SECRET.getBytes(), null, false, "someone-else"), Role.ADMIN, null,
                Duration.ofMinutes(10), Clock.systemUTC()));
        tokens.put("payer:evil", TestApi.token(Role.PAYER, "evil-payer"));
        tokens.put("provider:evil", TestApi.token(Role.PROVIDER, "evil-provider"));

        Path examples = Path.of("examples");
        // the example year's first 50 members (of 120), enough for every figure and quick to load
        java.util.function.Predicate<ObjectNode> kept = n -> n.path("memberId").asText().compareTo("M-0050") <= 0;
        List<ObjectNode> claims = ndjson(examples.resolve("claims.ndjson")).stream().filter(kept).toList();
        List<ObjectNode> quality = ndjson(examples.resolve("quality.ndjson")).stream().filter(kept).toList();
        List<ObjectNode> attribution = membersCsv(examples.resolve("members.csv")).stream().filter(kept).toList();
        records = new FuzzCorpus.Records(claims, attribution, quality);

        for (String file : List.of("commercial-shared-savings.yaml", "bpci-advanced-bundles.yaml", "hedis-p4p.yaml")) {
            ObjectNode doc = (ObjectNode) Mappers.yaml().readTree(Files.readString(Path.of("contracts", file)));
            for (boolean baseline : new boolean[] {true, false}) {
                ObjectNode d = doc.deepCopy();
                if (!baseline) {
                    d.put("id", "fz-" + doc.path("id").asText());
                    // payee identity: the fuzz targets' payouts go on the node's 835
                    d.set("payee", Mappers.json().createObjectNode().put("name", "Fuzz Target Payee").put("tin", "91-3372058")
                            .put("npi", "1245319599"));
                }
                FuzzCorpus.Target t = new FuzzCorpus.Target(d.path("id").asText(), d, d.path("payer").asText(), d.path("provider").asText(), baseline);
                targets.add(t);
                tokens.putIfAbsent("payer:" + t.payer(), TestApi.token(Role.PAYER, t.payer()));
                tokens.putIfAbsent("provider:" + t.provider(), TestApi.token(Role.PROVIDER, t.provider()));
            }
        }
        // the contracts load side by side (each is its own entity)
        ExecutorService loaders = Executors.newFixedThreadPool(targets.size());
        List<java.util.concurrent.Future<?>> loading = new ArrayList<>();
        for (FuzzCorpus.Target t : targets) {
            loading.add(loaders.submit(() -> {
                load(t, claims, attribution, quality);
                return null;
            }));
        }
        for (var f : loading) {
            f.get(5, TimeUnit.MINUTES);
        }
        loaders.shutdown();
        formats = new FuzzCorpus.Formats(fhirResources(), edi835());
        System.out.println("ApiFuzzTest: node started and " + targets.size() + " contracts loaded in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                if (e.getLevel().isGreaterOrEqual(Level.ERROR)) {
                    errorLines.add(e.getLoggerName() + ": " + e.getFormattedMessage()
                            + (e.getThrowableProxy() == null ? "" : " (" + e.getThrowableProxy().getClassName() + ": " + e.getThrowableProxy().getMessage() + ")"));
                }
            }
        };
        LoggerContext lc = (LoggerContext) LoggerFactory.getILoggerFactory();
        capture.setContext(lc);
        capture.start();
        lc.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
    }

    @AfterAll
    static void stop() throws Exception {
        if (capture != null) {
            ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
        }
        if (api != null) {
            api.close();
        }
    }

    /** Each contract: registered, a year of members, claims and quality events; then per kind settlements and facts. */
    static void load(FuzzCorpus.Target t, List<ObjectNode> claims, List<ObjectNode> attribution, List<ObjectNode> quality) throws Exception {
        String admin = tokens.get("admin");
        String base = "/v1/contracts/" + t.id();
        expect(201, api.send("POST", "/v1/contracts", admin, "application/json", t.doc().toString()));
        expect(200, api.send("POST", base + "/attribution", admin, "application/json", Mappers.json().valueToTree(attribution).toString()));
        StringBuilder nd = new StringBuilder();
        claims.forEach(c -> nd.append(c).append('\n'));
        expect(200, api.send("POST", base + "/claims", admin, "application/x-ndjson", nd.toString()));
        String id = t.id().replaceFirst("^fz-", "");
        if (id.startsWith("harbor")) {
            expect(200, api.send("POST", base + "/quality-events", admin, "application/json", Mappers.json().valueToTree(quality).toString()));
        }
        if (id.startsWith("summit")) {
            expect(201, api.send("POST", base + "/settlements", admin, "application/json", "{\"period\":\"2024-Q1\",\"kind\":\"interim\",\"asOf\":\"2024-07-01\"}"));
            expect(201, api.send("POST", base + "/settlements", admin, "application/json", "{\"period\":\"2024-Q2\",\"kind\":\"interim\",\"asOf\":\"2024-10-01\"}"));
        } else if (id.startsWith("mercy")) {
            expect(200, api.send("PUT", base + "/reported-facts/2024", admin, "application/json", "{\"compositeQualityScore\":0.78}"));
        } else {
            expect(201, api.send("POST", base + "/settlements", admin, "application/json", "{\"kind\":\"final\",\"asOf\":\"2025-04-15\"}"));
        }
        JsonNode payouts = expect(200, api.get(base + "/payouts", admin)).json();
        for (JsonNode p : payouts) {
            payoutKeys.add(p.path("key").asText());
        }
    }

    /**
     * The 835 the node writes once the fuzz targets' payouts are disbursed (approved, then disbursed, by an
     * admin): the valid remittance the corpus mutates. Baselines keep their payouts as they are.
     */
    static String edi835() throws Exception {
        String admin = tokens.get("admin");
        for (FuzzCorpus.Target t : targets) {
            if (t.baseline()) {
                continue;
            }
            for (JsonNode p : expect(200, api.get("/v1/contracts/" + t.id() + "/payouts?status=triggered", admin)).json()) {
                String key = java.net.URLEncoder.encode(p.path("key").asText(), StandardCharsets.UTF_8).replace("+", "%20");
                for (String status : List.of("approved", "disbursed")) {
                    expect(200, api.send("POST", "/v1/contracts/" + t.id() + "/payouts/" + key + "/status", admin, "application/json",
                            "{\"status\":\"" + status + "\"}"));
                }
            }
        }
        // the payout file is a read side: it shows the moves once the projection has them
        TestApi.Reply edi = expect(200, api.get("/v1/payouts.835", admin));
        for (long until = System.nanoTime() + 60_000_000_000L; org.vbcsettle.ingest.x12.Edi835Reader.read(edi.body()).isEmpty()
                && System.nanoTime() < until; ) {
            Thread.sleep(200);
            edi = expect(200, api.get("/v1/payouts.835", admin));
        }
        assertThat(org.vbcsettle.ingest.x12.Edi835Reader.read(edi.body())).as("the node's 835 has the targets' advices").isNotEmpty();
        for (String name : List.of("index.html", "app.css", "app.js", "api.js", "format.js", "chart.js", "views.js")) {
            try (InputStream in = ApiFuzzTest.class.getClassLoader().getResourceAsStream("webapp/" + name)) {
                APP_FILES.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return edi.body();
    }

    /** FHIR R4 resources that carry records (examples/fhir, the test Bundle's entries), the first 50 members'. */
    static List<ObjectNode> fhirResources() throws Exception {
        List<ObjectNode> out = new ArrayList<>();
        for (String type : List.of("ExplanationOfBenefit", "MeasureReport", "Patient")) {
            List<ObjectNode> all = ndjson(Path.of("examples/fhir/" + type + ".ndjson"));
            for (int i = 0; i < all.size(); i += type.equals("Patient") ? 20 : 6) {
                out.add(all.get(i));
            }
        }
        out.addAll(ndjson(Path.of("examples/fhir/Group.ndjson")));
        for (JsonNode e : Mappers.json().readTree(Files.readString(Path.of("src/test/resources/fhir/bundle.json"))).path("entry")) {
            out.add((ObjectNode) e.path("resource"));
        }
        return out;
    }

    static TestApi.Reply expect(int status, TestApi.Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r;
    }

    static List<ObjectNode> ndjson(Path p) throws Exception {
        List<ObjectNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(p)) {
            if (!line.isBlank()) {
                out.add((ObjectNode) Mappers.json().readTree(line));
            }
        }
        return out;
    }

    static List<ObjectNode> membersCsv(Path p) throws Exception {
        List<String> lines = Files.readAllLines(p);
        String[] head = lines.get(0).split(",", -1);
        List<ObjectNode> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",", -1);
            ObjectNode n = Mappers.json().createObjectNode();
            for (int i = 0; i < head.length; i++) {
                if (!v[i].isEmpty()) {
                    n.put(head[i], v[i]);
                }
            }
            out.add(n);
        }
        return out;
    }

    /** Everything a baseline shows, over the API and in its journal rows. */
    static boolean listsAll(TestApi.Reply payouts) {
        java.util.Set<String> listed = new java.util.HashSet<>();
        payouts.json().forEach(p -> listed.add(p.path("key").asText()));
        synchronized (payoutKeys) {
            return listed.containsAll(payoutKeys);
        }
    }

    static Map<String, String> baselines() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        String admin = tokens.get("admin");
        for (FuzzCorpus.Target t : targets) {
            if (!t.baseline()) {
                continue;
            }
            String base = "/v1/contracts/" + t.id();
            List<String> paths = new ArrayList<>(List.of(base, base + "/settlements", base + "/payouts", base + "/reported-facts/2024", base + "/totals"));
            for (String period : List.of("2024", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2024-03", "2024-12")) {
                paths.add(base + "/totals?period=" + period);
            }
            for (String path : paths) {
                TestApi.Reply r = api.get(path, admin);
                out.put(path, r.status() + " " + r.body());
            }
        }
        TestApi.Reply all = api.get("/v1/payouts", admin);
        // /v1/payouts reads the projected read side, which lags the ledgers: wait (bounded) until it lists every payout loaded
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); System.nanoTime() < until && !listsAll(all); ) {
            Thread.sleep(200);
            all = api.get("/v1/payouts", admin);
        }
        StringBuilder baselinePayouts = new StringBuilder();
        for (JsonNode p : all.json()) {
            if (!p.path("contractId").asText().startsWith("fz")) {
                baselinePayouts.append(p).append('\n');
            }
        }
        out.put("/v1/payouts (baselines)", baselinePayouts.toString());
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("ledger") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT \"persistence_id\", \"sequence_number\", \"event_payload\" FROM \"event_journal\" "
                     + "WHERE \"persistence_id\" IN (" + String.join(", ", targets.stream().filter(FuzzCorpus.Target::baseline)
                     .map(t -> "'Contract|" + t.id() + "'").toList()) + ") ORDER BY \"persistence_id\", \"sequence_number\"")) {
            Map<String, MessageDigest> digests = new LinkedHashMap<>();
            Map<String, long[]> counts = new LinkedHashMap<>();
            while (rs.next()) {
                String pid = rs.getString(1);
                if (targets.stream().noneMatch(t -> t.baseline() && pid.equals("Contract|" + t.id()))) {
                    continue;
                }
                digests.computeIfAbsent(pid, k -> sha256()).update(rs.getBytes(3));
                long[] n = counts.computeIfAbsent(pid, k -> new long[2]);
                n[0]++;
                n[1] = rs.getLong(2);
            }
            assertThat(counts).as("journal rows of the baselines").hasSize(3);
            for (var e : counts.entrySet()) {
                out.put("journal " + e.getKey(), e.getValue()[0] + " events, last " + e.getValue()[1] + ", sha-256 "
                        + HexFormat.of().formatHex(digests.get(e.getKey()).digest()));
            }
        }
        return out;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_whole_api_fuzzed_answers_no_5xx_stops_no_entity_and_leaves_the_baselines_byte_identical() throws Exception {
        String seedProperty = System.getProperty("vbc.fuzz.seed", "");
        long seed = seedProperty.isBlank() ? DEFAULT_SEED
                : seedProperty.equals("random") ? new java.security.SecureRandom().nextLong() : Long.parseLong(seedProperty);
        int requests = Integer.getInteger("vbc.fuzz.requests", 10_000);
        String only = System.getProperty("vbc.fuzz.only", "");
        int clients = Integer.getInteger("vbc.fuzz.clients", 8);

        long setup = System.nanoTime();
        Map<String, String> before = baselines();
        assertThat(baselines()).as("the baselines read the same twice").isEqualTo(before);
        assertThat(payoutKeys).as("the baselines have payouts to fuzz").isNotEmpty();

        // sorted: the keys arrive as the contracts load, in any order; the corpus must not depend on it
        FuzzCorpus corpus = new FuzzCorpus(seed, targets, records, tokens, payoutKeys.stream().sorted().toList(), formats);
        List<Integer> indexes = new ArrayList<>();
        if (!only.isBlank()) {
            for (String s : only.split(",")) {
                indexes.add(Integer.parseInt(s.trim()));
            }
            clients = 1;
        }
        System.out.println("ApiFuzzTest: seed " + seed + " (replay: -Dvbc.fuzz.seed=" + seed + "), "
                + (indexes.isEmpty() ? requests + " requests" : "cases " + indexes) + ", " + clients + " client(s)");
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        Map<String, AtomicInteger> newEndpoints = new java.util.concurrent.ConcurrentSkipListMap<>();
        AtomicInteger next = new AtomicInteger();
        int total = indexes.isEmpty() ? requests : indexes.size();
        long t0 = System.nanoTime();
        System.out.println("ApiFuzzTest: baselines read in " + (t0 - setup) / 1_000_000 + " ms");
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int w = 0; w < clients; w++) {
            pool.submit(() -> {
                for (int n; (n = next.getAndIncrement()) < total; ) {
                    FuzzCorpus.Case c = corpus.generate(indexes.isEmpty() ? n : indexes.get(n));
                    try {
                        int status = c.raw() != null ? raw(c, failures) : http(c, failures);
                        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                        if (FuzzCorpus.NEW_ENDPOINT_CASES.contains(c.what().split(" ", 2)[0])) {
                            newEndpoints.computeIfAbsent(c.what().split(" ", 2)[0] + " " + status, k -> new AtomicInteger()).incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.add(c + " -> " + e);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).as("the run ended").isTrue();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("ApiFuzzTest: " + total + " requests in " + ms + " ms (" + (total * 1000L / Math.max(1, ms))
                + " req/s); statuses " + statuses + (UNSENDABLE.isEmpty() ? "" : "; not sendable by the JDK client (-1): " + UNSENDABLE));
        System.out.println("ApiFuzzTest: FHIR, VBPR, 835, CSV, remittance and web app cases by status: " + newEndpoints);

        String replay = " (seed " + seed + "; replay one with -Dvbc.fuzz.seed=" + seed + " -Dvbc.fuzz.only=<#index>)";
        assertThat(failures).as("cases that failed" + replay).isEmpty();
        assertThat(errorLines).as("ERROR log lines during the run (an entity stopped, an unexpected failure)" + replay).isEmpty();
        long t1 = System.nanoTime();
        assertThat(baselines()).as("the baselines after the run" + replay).isEqualTo(before);
        System.out.println("ApiFuzzTest: baselines compared in " + (System.nanoTime() - t1) / 1_000_000 + " ms");
        for (FuzzCorpus.Target t : targets) {
            assertThat(api.get("/v1/contracts/" + t.id() + "/totals", tokens.get("admin")).status()).as("totals of " + t.id()).isEqualTo(200);
        }
    }

    /**
     * Cases the fuzz found, kept (seed 20241216, #57, #253, #2269): a record or settlement request with a blank key
     * ({@code ""}) was refused with an error whose field was blank; the error names it quoted.
     */
    @Test
    void a_blank_key_is_named_quoted_in_its_error() throws Exception {
        String admin = tokens.get("admin");
        TestApi.Reply claims = api.postJson("/v1/contracts/fz-mercy-general-bpci-a-2024/claims", admin,
                "[" + records.claims().get(0).deepCopy().put("", "M\u0000X") + "]");
        assertThat(claims.status()).as(claims.toString()).isEqualTo(422);
        assertThat(TestApi.fields(claims.json())).as(claims.toString()).contains("\"\"");
        TestApi.Reply quality = api.postJson("/v1/contracts/fz-harbor-ipa-hedis-p4p-2024/quality-events", admin,
                "[" + records.quality().get(0).deepCopy().put(" ", "12.345") + "]");
        assertThat(quality.status()).as(quality.toString()).isEqualTo(422);
        assertThat(TestApi.fields(quality.json())).as(quality.toString()).contains("\" \"");
        TestApi.Reply settle = api.postJson("/v1/contracts/fz-summit-ma-primary-care-2024/settlements", admin,
                "{\"period\":\"2024-Q3\",\"kind\":\"interim\",\"\":1}");
        assertThat(settle.status()).as(settle.toString()).isEqualTo(422);
        assertThat(TestApi.fields(settle.json())).as(settle.toString()).contains("\"\"");
    }

    /** Sends the case over the pooled client; returns the status, adding a failure when the answer breaks a rule. */
    static int http(FuzzCorpus.Case c, Queue<String> failures) throws Exception {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(api.base + c.path())).timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException notAUri) {
            UNSENDABLE.merge("uri: " + FuzzCorpus.abbreviate(notAUri.getMessage()), 1, Integer::sum);
            return -1; // the client cannot send it; the raw cases cover such bytes
        }
        if (c.authorization() != null) {
            try {
                b.header("Authorization", c.authorization());
            } catch (IllegalArgumentException e) {
                UNSENDABLE.merge("authorization: " + FuzzCorpus.abbreviate(e.getMessage()), 1, Integer::sum);
                return -1;
            }
        }
        if (c.contentType() != null) {
            try {
                b.header("Content-Type", c.contentType());
            } catch (IllegalArgumentException e) {
                UNSENDABLE.merge("content type: " + FuzzCorpus.abbreviate(e.getMessage()), 1, Integer::sum);
                return -1;
            }
        }
        if (c.accept() != null) {
            try {
                b.header("Accept", c.accept());
            } catch (IllegalArgumentException e) {
                UNSENDABLE.merge("accept: " + FuzzCorpus.abbreviate(e.getMessage()), 1, Integer::sum);
                return -1;
            }
        }
        b.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        int status = r.statusCode();
        String body = r.body();
        String why = null;
        if (status >= 500) {
            why = "a 5xx";
        } else if (c.mustRefuse() && (status < 400)) {
            why = "must be refused (the baseline would change)";
        } else if (status == 200 && c.path().startsWith("/app") && c.method().equals("GET") && !APP_FILES.contains(body)) {
            why = "a 200 under /app that is none of the web app's files";
        } else if (status >= 400 && !c.method().equals("HEAD")) {
            String ct = r.headers().firstValue("Content-Type").orElse("");
            if (!ct.startsWith("application/problem+json")) {
                why = "a 4xx that is not a problem document";
            } else {
                JsonNode p = Mappers.json().readTree(body);
                if (p.path("status").asInt() != status) {
                    why = "problem status differs from the response status";
                } else if (c.record() && status == 422 && !p.path("type").asText().endsWith("ledger-refused")) {
                    JsonNode errors = p.path("errors");
                    if (!errors.isArray() || errors.isEmpty()) {
                        why = "a 422 of a record with no errors";
                    } else {
                        for (JsonNode e : errors) {
                            if (e.path("field").asText().isBlank()) {
                                why = "a 422 error that names no field";
                            }
                        }
                    }
                }
            }
        }
        if (why != null) {
            failures.add(c + " -> " + why + ": " + status + " " + FuzzCorpus.abbreviate(body.replace('\n', ' ')));
        }
        return status;
    }

    /** Raw bytes on a fresh socket: a 4xx problem at once (5 s at most) and the connection closed. */
    static int raw(FuzzCorpus.Case c, Queue<String> failures) throws Exception {
        int port = URI.create(api.base).getPort();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(c.raw());
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            boolean closed;
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    got.write(buf, 0, n);
                }
                closed = true;
            } catch (SocketTimeoutException e) {
                closed = false;
            } catch (java.net.SocketException e) {
                closed = true;
            }
            String text = got.toString(StandardCharsets.ISO_8859_1);
            int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
            if (status < 400 || status > 499 || !text.contains("application/problem+json") || !closed) {
                failures.add(c + " -> " + (closed ? "" : "not closed within 5 s; ") + FuzzCorpus.abbreviate(text.replace("\r\n", " | ")));
            }
            return status;
        }
    }
}
