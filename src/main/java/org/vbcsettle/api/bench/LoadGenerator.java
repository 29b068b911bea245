package org.vbcsettle.api.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * Open-loop load at a fixed rate: request i is due at {@code start + i / rate} whether or not earlier
 * requests have been answered, and its latency is measured from that due time, not from when it was
 * actually sent. A server that stalls therefore shows the full wait of every request queued behind the
 * stall (no coordinated omission). A pacer thread hands due requests to a pool of workers, each with its
 * own keep-alive HTTP/1.1 connection (plain sockets: the JDK HTTP client costs more CPU per request than
 * the server under test). Run as its own process by {@code vbc-settle bench totals}:
 *
 * <pre>LoadGenerator URL_PREFIX TOKEN CONTRACT_ID_PREFIX CONTRACTS RATE SECONDS WARMUP_SECONDS [CONNECTIONS [PERIOD MIX]]</pre>
 *
 * It requests {@code URL_PREFIX/<prefix><n>/totals} for uniformly drawn n. With PERIOD and MIX (e.g.
 * {@code 2024-Q2 0.3}) it measures twice: plain totals alone, then with that share of the requests asking
 * {@code ?period=PERIOD} (drawn with a seeded generator), and prints one line per phase:
 * {@code <phase> requests=… errors=… p50_us=… p90_us=… p99_us=… p999_us=… max_us=… achieved_rps=… period_p99_us=…},
 * the percentiles over the plain requests of the phase. Failures by kind go to standard error.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    /** Percentiles over the plain requests; {@code periodP99} over the {@code ?period=} ones (0 when none). */
    public record Result(long requests, long errors, long p50, long p90, long p99, long p999, long max, double achievedRps,
                         long periodRequests, long periodP99, Map<String, Integer> failures) {
        public String line() {
            return "requests=" + requests + " errors=" + errors + " p50_us=" + p50 + " p90_us=" + p90 + " p99_us=" + p99
                    + " p999_us=" + p999 + " max_us=" + max + " achieved_rps=" + String.format(Locale.ROOT, "%.1f", achievedRps)
                    + " period_requests=" + periodRequests + " period_p99_us=" + periodP99;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 7) {
            System.err.println("usage: LoadGenerator URL_PREFIX TOKEN CONTRACT_ID_PREFIX CONTRACTS RATE SECONDS WARMUP_SECONDS [CONNECTIONS [PERIOD MIX]]");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        String token = args[1];
        String prefix = args[2];
        int contracts = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(args[6]);
        int connections = args.length > 7 ? Integer.parseInt(args[7]) : 64;
        String period = args.length > 9 ? args[8] : null;
        double mix = args.length > 9 ? Double.parseDouble(args[9]) : 0;
        byte[][] plain = requests(url, token, prefix, contracts, null);
        byte[][] withPeriod = period == null ? plain : requests(url, token, prefix, contracts, period);
        InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort());
        if (warmup > 0) {
            // the JIT compiles both kinds of request before anything is measured
            run(address, plain, withPeriod, mix, rate, warmup, connections, 1);
        }
        Result alone = run(address, plain, withPeriod, 0, rate, seconds, connections, 2);
        report("plain", alone);
        if (period != null) {
            report("mixed", run(address, plain, withPeriod, mix, rate, seconds, connections, 3));
        }
        System.exit(0);
    }

    private static void report(String phase, Result r) {
        if (!r.failures().isEmpty()) {
            System.err.println(phase + " failures: " + r.failures());
        }
        System.out.println(phase + " " + r.line());
        System.out.flush();
    }

    private static byte[][] requests(URI url, String token, String prefix, int contracts, String period) {
        byte[][] requests = new byte[contracts][];
        String query = period == null ? "" : "?period=" + period;
        for (int i = 0; i < contracts; i++) {
            requests[i] = ("GET " + url.getPath() + "/" + prefix + i + "/totals" + query + " HTTP/1.1\r\nHost: " + url.getHost() + ":"
                    + url.getPort() + "\r\nAuthorization: Bearer " + token + "\r\nAccept: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }
        return requests;
    }

    /** One request due at {@code dueNanos}; {@code slot} is where its latency goes. */
    private record Due(int slot, long dueNanos, byte[] request) {
    }

    /** @param mix share of the requests taken from {@code withPeriod} instead of {@code plain} */
    static Result run(InetSocketAddress address, byte[][] plain, byte[][] withPeriod, double mix, int rate, int seconds,
                      int connections, long seed) throws InterruptedException {
        int total = rate * seconds;
        long[] latencyNanos = new long[total];
        boolean[] isPeriod = new boolean[total];
        Arrays.fill(latencyNanos, -1);
        Map<String, Integer> failures = new TreeMap<>();
        BlockingQueue<Due> queue = new ArrayBlockingQueue<>(total + connections);
        CountDownLatch done = new CountDownLatch(total);
        Due stop = new Due(-1, 0, null);
        Thread[] workers = new Thread[connections];
        for (int w = 0; w < connections; w++) {
            workers[w] = new Thread(() -> work(address, queue, stop, latencyNanos, failures, done), "load-" + w);
            workers[w].setDaemon(true);
            workers[w].start();
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < total; i++) {
            isPeriod[i] = mix > 0 && rnd.nextDouble() < mix;
        }
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            byte[][] from = isPeriod[i] ? withPeriod : plain;
            queue.add(new Due(i, due, from[rnd.nextInt(from.length)]));
        }
        long sentNanos = System.nanoTime() - start;
        boolean finished = done.await(60, TimeUnit.SECONDS);
        for (int w = 0; w < connections; w++) {
            queue.add(stop);
        }
        long[] sorted = IntStream.range(0, total).filter(i -> !isPeriod[i] && latencyNanos[i] >= 0)
                .mapToLong(i -> latencyNanos[i]).sorted().toArray();
        long[] periodSorted = IntStream.range(0, total).filter(i -> isPeriod[i] && latencyNanos[i] >= 0)
                .mapToLong(i -> latencyNanos[i]).sorted().toArray();
        long errors;
        synchronized (failures) {
            errors = failures.values().stream().mapToLong(Integer::longValue).sum();
            if (!finished) {
                failures.merge("unanswered after 60 s", (int) done.getCount(), Integer::sum);
                errors += done.getCount();
            }
        }
        long periodCount = IntStream.range(0, total).filter(i -> isPeriod[i]).count();
        return new Result(total - periodCount, errors, pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), pct(sorted, 0.999),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000, total / (sentNanos / 1e9),
                periodCount, pct(periodSorted, 0.99), failures);
    }

    private static void work(InetSocketAddress address, BlockingQueue<Due> queue, Due stop, long[] latencyNanos,
                             Map<String, Integer> failures, CountDownLatch done) {
        Socket socket = null;
        InputStream in = null;
        OutputStream out = null;
        while (true) {
            Due d;
            try {
                d = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (d == stop) {
                break;
            }
            String failure = null;
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.connect(address, 5_000);
                    socket.setSoTimeout(30_000);
                    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    out = socket.getOutputStream();
                }
                out.write(d.request());
                out.flush();
                int status = readResponse(in);
                if (status != 200) {
                    failure = "HTTP " + status;
                }
            } catch (IOException e) {
                failure = e.getClass().getSimpleName();
                closeQuietly(socket);
                socket = null;
            }
            latencyNanos[d.slot()] = System.nanoTime() - d.dueNanos();
            if (failure != null) {
                synchronized (failures) {
                    failures.merge(failure, 1, Integer::sum);
                }
            }
            done.countDown();
        }
        closeQuietly(socket);
    }

    /** Reads one HTTP/1.1 response with a Content-Length body; returns its status. */
    static int readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        if (statusLine == null || statusLine.length() < 12) {
            throw new IOException("connection closed");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(line.substring(colon + 1).trim());
            }
        }
        if (length < 0) {
            throw new IOException("response without Content-Length");
        }
        long skipped = 0;
        while (skipped < length) {
            long n = in.skip(length - skipped);
            if (n <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed in body");
                }
                n = 1;
            }
            skipped += n;
        }
        return status;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
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
