package org.vbcsettle.cli;

import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.MinimumRate;
import org.vbcsettle.contract.SettlementTerms;
import org.vbcsettle.contract.SharedSavings;
import org.vbcsettle.ledger.ContractEvent;
import org.vbcsettle.ledger.DatabaseSettings;
import org.vbcsettle.ledger.LedgerClaim;
import org.vbcsettle.ledger.LedgerNode;
import org.vbcsettle.ledger.LedgerReplies;
import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Claim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code vbc-settle bench ingest}: claims per second through the contract entities into PostgreSQL
 * (batches, many entities in parallel, asynchronous replies), then the rate of PostgreSQL COPY of the
 * same claims into a plain table, and the ratio. The claims are generated on the fly, identically for
 * both runs, so generation costs the same in each.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Claims/s through the contract entities into PostgreSQL vs COPY of the same claims")
public final class BenchIngestCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--claims", description = "claims to ingest (default: ${DEFAULT-VALUE})", defaultValue = "1000000") long claims;

    @Option(names = "--contracts", description = "contracts (entities) they are spread over (default: ${DEFAULT-VALUE})", defaultValue = "1000") int contracts;

    @Option(names = "--batch", description = "claims per batch command / event (default: ${DEFAULT-VALUE})", defaultValue = "500") int batch;

    @Option(names = "--in-flight", description = "batches awaiting their reply at any time (default: ${DEFAULT-VALUE})", defaultValue = "128") int inFlight;

    @Option(names = "--skip-copy", description = "do not measure COPY") boolean skipCopy;

    private static final LocalDate DAY0 = LocalDate.of(2024, 1, 1);
    private static final Claim.ClaimType[] TYPES = Claim.ClaimType.values();

    @Override
    public Integer call() throws Exception {
        if (claims <= 0 || contracts <= 0 || batch <= 0 || inFlight <= 0) {
            System.err.println("bench ingest: --claims, --contracts, --batch and --in-flight must be positive");
            return 2;
        }
        Config config = postgresConfig();
        if (config == null) {
            System.err.println("bench ingest: needs a PostgreSQL database: set VBC_DB_URL (and VBC_DB_USER, VBC_DB_PASSWORD), "
                    + "or run it under scripts/with-postgres.sh");
            return 2;
        }
        DatabaseSettings db = DatabaseSettings.fromConfig(config);
        long perContract = (claims + contracts - 1) / contracts;
        String run = "bench-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        System.out.printf("bench ingest: %,d claims over %,d contracts, batches of %,d, %d in flight; %s%n",
                claims, contracts, batch, inFlight, db.describe());

        double ledgerRate;
        try (LedgerNode node = LedgerNode.start(config)) {
            Double rate = ledgerRate(node, db, run, perContract);
            if (rate == null) {
                return 1;
            }
            ledgerRate = rate;
        }
        System.out.printf("  target >= 100,000 claims/s: %s%n", ledgerRate >= 100_000 ? "met" : "NOT met");
        if (skipCopy) {
            return 0;
        }
        double copyRate = copy(db, perContract);
        System.out.printf("  ratio ledger / COPY: %.2f (target >= 0.5: %s)%n", ledgerRate / copyRate, ledgerRate / copyRate >= 0.5 ? "met" : "NOT met");
        return 0;
    }

    /** The ledger's database settings from the environment; null unless it names a PostgreSQL database. */
    private static Config postgresConfig() {
        String url = firstSet("VBC_DB_URL", "VBC_TEST_PG_URL");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return null;
        }
        String user = firstSet("VBC_DB_USER", "VBC_TEST_PG_USER");
        String password = firstSet("VBC_DB_PASSWORD", "VBC_TEST_PG_PASSWORD");
        return ConfigFactory.parseMap(java.util.Map.of("vbc.ledger.db.url", url,
                "vbc.ledger.db.user", user == null ? "postgres" : user,
                "vbc.ledger.db.password", password == null ? "" : password)).withFallback(ConfigFactory.load());
    }

    /** Registers the contracts, sends every batch and prints the rate; null (after saying why) when a batch failed. */
    private Double ledgerRate(LedgerNode node, DatabaseSettings db, String run, long perContract) throws Exception {
        long batchesPerContract = (perContract + batch - 1) / batch;
        List<CompletableFuture<Contract>> regs = new ArrayList<>();
        for (int k = 0; k < contracts; k++) {
            regs.add(node.client().registerContract(contract(run + k)).toCompletableFuture());
        }
        CompletableFuture.allOf(regs.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        long journalBefore = journalBytes(db);

        Serialization ser = SerializationExtension.get(node.system());
        List<Claim> sample = batchOf(0, 0, perContract);
        List<LedgerClaim> sampleRows = sample.stream().map(LedgerClaim::of).toList();
        int eventBytes = ser.serialize(new ContractEvent.ClaimsRecorded(sampleRows)).get().length;

        long t0 = System.nanoTime();
        Sent sent = sendAll(node, run, perContract, batchesPerContract);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (sent.failure() != null) {
            System.err.println("bench ingest: a batch failed: " + sent.failure());
            return null;
        }
        double ledgerRate = sent.accepted() / seconds;
        long journalAfter = journalBytes(db);
        System.out.printf("  ledger: %,d claims accepted in %.2f s = %,.0f claims/s (%,d events of ~%,d bytes; journal grew %,d MB)%n",
                sent.accepted(), seconds, ledgerRate, contracts * batchesPerContract, eventBytes,
                (journalAfter - journalBefore) / (1024 * 1024));
        if (sent.accepted() != Math.min(claims, perContract * contracts)) {
            System.err.printf("bench ingest: expected %,d claims accepted, got %,d%n", claims, sent.accepted());
            return null;
        }
        return ledgerRate;
    }

    /** Claims accepted, and the first failure of a batch (null when none failed). */
    private record Sent(long accepted, Throwable failure) {
    }

    /** Every batch, round robin over the contracts, at most --in-flight awaiting their reply; stops at the first failure. */
    private Sent sendAll(LedgerNode node, String run, long perContract, long batchesPerContract) throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        AtomicLong accepted = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (long b = 0; b < batchesPerContract && failure.get() == null; b++) {
            for (int k = 0; k < contracts && failure.get() == null; k++) {
                List<Claim> list = batchOf(k, b, perContract);
                if (list.isEmpty()) {
                    continue;
                }
                permits.acquire();
                node.client().recordClaims(run + k, list).whenComplete((LedgerReplies.BatchResult r, Throwable e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        accepted.addAndGet(r.accepted());
                    }
                    permits.release();
                });
            }
        }
        permits.acquire(inFlight);
        return new Sent(accepted.get(), failure.get());
    }

    private static String firstSet(String... names) {
        for (String n : names) {
            String v = System.getenv(n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    static Contract contract(String id) {
        SharedSavings ss = new SharedSavings("ss", new SharedSavings.Benchmark.Total(Money.ofDollars(10_000_000)),
                new MinimumRate.Fixed(new BigDecimal("0.02")), new BigDecimal("0.50"), null, new BigDecimal("0.10"),
                BigDecimal.ZERO, Money.ofDollars(100_000), null, null);
        return new Contract(id, 1, "Benchmark " + id, "Payer", "Provider", DAY0, LocalDate.of(2024, 12, 31), List.of(ss),
                SettlementTerms.DEFAULT);
    }

    /** Batch {@code b} of contract {@code k}: its claims {@code b*batch ..}, as a payer would send them. */
    private List<Claim> batchOf(int k, long b, long perContract) {
        long from = b * batch;
        long to = Math.min(perContract, from + batch);
        List<Claim> out = new ArrayList<>((int) Math.max(0, to - from));
        for (long j = from; j < to; j++) {
            long global = j * contracts + k;
            if (global >= claims) {
                break;
            }
            out.add(claim(global, j));
        }
        return out;
    }

    static Claim claim(long global, long j) {
        LocalDate from = DAY0.plusDays(global % 366);
        long paid = 1_000 + (global * 7919) % 250_000;
        return new Claim("c" + j, "m" + (global % 20_000), TYPES[(int) (global % TYPES.length)], from, from.plusDays(global % 3),
                from.plusDays(14 + global % 30), Money.ofCents(paid), Money.ofCents(paid + paid / 10), null,
                List.of("99213"), List.of("E11.9", "I10"), "1234567890", Claim.Frequency.ORIGINAL, null);
    }

    private static long journalBytes(DatabaseSettings db) {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_total_relation_size('event_journal')")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return 0;
        }
    }

    /** COPY of the same claims (one row each, same fields) into a plain table, through pgjdbc's CopyManager. */
    private double copy(DatabaseSettings db, long perContract) throws Exception {
        String table = "bench_claims_copy";
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + table);
            st.execute("CREATE TABLE " + table + " (contract_id VARCHAR(64) NOT NULL, claim_id VARCHAR(64) NOT NULL, "
                    + "member_id VARCHAR(64) NOT NULL, claim_type SMALLINT NOT NULL, service_from DATE NOT NULL, "
                    + "service_through DATE NOT NULL, paid_date DATE, paid_cents BIGINT NOT NULL, allowed_cents BIGINT NOT NULL, "
                    + "drg VARCHAR(8), hcpcs VARCHAR(200), diagnoses VARCHAR(200), billing_provider VARCHAR(20), "
                    + "frequency SMALLINT NOT NULL, replaces_claim_id VARCHAR(64), PRIMARY KEY (contract_id, claim_id))");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long t0 = System.nanoTime();
            long rows = copy.copyIn("COPY " + table + " FROM STDIN (FORMAT csv)", new ClaimCsv(this, perContract));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rate = rows / seconds;
            System.out.printf("  COPY:   %,d claims in %.2f s = %,.0f claims/s (table with the same fields and a primary key)%n",
                    rows, seconds, rate);
            st.execute("DROP TABLE " + table);
            return rate;
        }
    }

    /** The claims as CSV, generated as COPY reads them (no up-front buffer of the whole file). */
    private static final class ClaimCsv extends Reader {
        private final BenchIngestCommand b;
        private final long perContract;
        private long j;
        private int k;
        private final StringBuilder buf = new StringBuilder(1 << 16);
        private int pos;

        ClaimCsv(BenchIngestCommand b, long perContract) {
            this.b = b;
            this.perContract = perContract;
        }

        private boolean fill() {
            buf.setLength(0);
            pos = 0;
            while (buf.length() < (1 << 15) && j < perContract) {
                long global = j * b.contracts + k;
                if (global < b.claims) {
                    Claim c = claim(global, j);
                    buf.append("bench-").append(k).append(',').append(c.id()).append(',').append(c.memberId()).append(',')
                            .append(c.type().ordinal()).append(',').append(c.serviceFrom()).append(',').append(c.serviceThrough())
                            .append(',').append(c.paidDate()).append(',').append(c.paidAmount().cents()).append(',')
                            .append(c.allowedAmount().cents()).append(",,\"").append(String.join(",", c.hcpcs())).append("\",\"")
                            .append(String.join(",", c.diagnoses())).append("\",").append(c.billingProvider()).append(',')
                            .append(c.frequency().code()).append(",\n");
                }
                if (++k == b.contracts) {
                    k = 0;
                    j++;
                }
            }
            return buf.length() > 0;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (pos >= buf.length() && !fill()) {
                return -1;
            }
            int n = Math.min(len, buf.length() - pos);
            buf.getChars(pos, pos + n, cbuf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
