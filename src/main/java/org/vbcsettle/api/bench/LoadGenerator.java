package org.vbcsettle.api.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a fixed rate: request i is due at {@code start + i / rate} whether or not earlier
 * requests have been answered, and its latency is measured from that due time, not from when it was
 * actually sent. A server that stalls therefore shows the full wait of every request queued behind the
 * stall (no coordinated omission). Run as its own process by {@code vbc-settle bench totals}:
 *
 * <pre>LoadGenerator URL_PREFIX TOKEN CONTRACT_ID_PREFIX CONTRACTS RATE SECONDS WARMUP_SECONDS</pre>
 *
 * It requests {@code URL_PREFIX/<prefix><n>/totals} for uniformly drawn n and prints one line:
 * {@code requests=… errors=… p50_us=… p90_us=… p99_us=… p999_us=… max_us=… achieved_rps=…}.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public record Result(long requests, long errors, long p50, long p90, long p99, long p999, long max, double achievedRps) {
        public String line() {
            return "requests=" + requests + " errors=" + errors + " p50_us=" + p50 + " p90_us=" + p90 + " p99_us=" + p99
                    + " p999_us=" + p999 + " max_us=" + max + " achieved_rps=" + String.format("%.1f", achievedRps);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: LoadGenerator URL_PREFIX TOKEN CONTRACT_ID_PREFIX CONTRACTS RATE SECONDS WARMUP_SECONDS");
            System.exit(2);
        }
        String url = args[0];
        String token = args[1];
        String prefix = args[2];
        int contracts = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(args[6]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        if (warmup > 0) {
            run(client, url, token, prefix, contracts, rate, warmup, 1);
        }
        Result r = run(client, url, token, prefix, contracts, rate, seconds, 2);
        System.out.println(r.line());
        System.exit(0);
    }

    static Result run(HttpClient client, String url, String token, String prefix, int contracts, int rate, int seconds,
                      long seed) throws InterruptedException {
        int total = rate * seconds;
        long[] latencyNanos = new long[total];
        Arrays.fill(latencyNanos, -1);
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(total);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<HttpRequest> requests = new java.util.ArrayList<>(contracts);
        for (int i = 0; i < contracts; i++) {
            requests.add(HttpRequest.newBuilder(URI.create(url + "/" + prefix + i + "/totals"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build());
        }
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int slot = i;
            client.sendAsync(requests.get(rnd.nextInt(contracts)), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((resp, err) -> {
                        latencyNanos[slot] = System.nanoTime() - due;
                        if (err != null || resp.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        done.countDown();
                    });
        }
        long sentNanos = System.nanoTime() - start;
        if (!done.await(60, TimeUnit.SECONDS)) {
            errors.addAndGet(done.getCount());
        }
        long[] sorted = Arrays.stream(latencyNanos).filter(x -> x >= 0).sorted().toArray();
        return new Result(total, errors.get(), pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), pct(sorted, 0.999),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000, total / (sentNanos / 1e9));
    }

    /** Nearest-rank percentile, in microseconds. */
    static long pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000;
    }
}
