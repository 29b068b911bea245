package org.vbcsettle.cli.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code vbc-settle serve} node in a child JVM, on the classpath of this one, started on a given
 * database and killed with SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no
 * coordinated shutdown, no flush, as when the machine's OOM killer or an operator's {@code kill -9} stops it.
 */
final class CrashNode implements AutoCloseable {

    /** What {@code serve} prints once the HTTP API is bound and the contracts are loaded. */
    private static final Pattern LISTENING = Pattern.compile("serve: listening on (http://\\S+)");
    private static final int LOG_LINES_KEPT = 40;

    private final Process process;
    private final String baseUrl;
    private final Deque<String> lastLines;

    private CrashNode(Process process, String baseUrl, Deque<String> lastLines) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.lastLines = lastLines;
    }

    /**
     * Starts a node on {@code store} with the token secret {@code jwtSecret} and waits until it listens.
     * The JVM options keep start-up short (C1 only, serial GC, small heap): the harness restarts it many times.
     */
    static CrashNode start(CrashStore store, String jwtSecret, Path workDir, long timeoutMillis, String classPath,
                           String classArchiveOption) throws IOException, InterruptedException, TimeoutException {
        return start(store, jwtSecret, workDir, timeoutMillis, classPath, classArchiveOption, List.of(), Map.of());
    }

    /**
     * As above, with more JVM options ({@code -Dkey=value} settings of the node) and environment variables
     * (a cluster member's {@code VBC_NODE_PORT}, {@code VBC_SEED_NODES}, ...).
     */
    static CrashNode start(CrashStore store, String jwtSecret, Path workDir, long timeoutMillis, String classPath,
                           String classArchiveOption, List<String> jvmOptions, Map<String, String> extraEnv)
            throws IOException, InterruptedException, TimeoutException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", classArchiveOption,
                "-Dakka.loglevel=WARNING"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classPath, "org.vbcsettle.cli.Main", "serve",
                "--port", "0", "--host", "127.0.0.1", "--contracts", workDir.resolve("no-contracts").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("VBC_"));
        env.put("VBC_DB_URL", store.url());
        env.put("VBC_DB_USER", store.user());
        env.put("VBC_DB_PASSWORD", store.password());
        env.put("VBC_JWT_SECRET", jwtSecret);
        env.putAll(extraEnv);
        Process p = pb.start();
        Deque<String> lines = new ArrayDeque<>();
        CompletableFuture<String> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> pump(p, lines, listening), "crash-node-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String url = listening.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return new CrashNode(p, url, lines);
        } catch (java.util.concurrent.ExecutionException e) {
            p.destroyForcibly().waitFor();
            throw new IOException("the node exited before it listened; its last output:\n" + tail(lines), e);
        } catch (TimeoutException e) {
            p.destroyForcibly().waitFor();
            throw new TimeoutException("the node did not listen within " + timeoutMillis + " ms; its last output:\n" + tail(lines));
        }
    }

    private static void pump(Process p, Deque<String> lines, CompletableFuture<String> listening) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lines) {
                    lines.addLast(line);
                    if (lines.size() > LOG_LINES_KEPT) {
                        lines.removeFirst();
                    }
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    listening.complete(m.group(1));
                }
            }
        } catch (IOException e) {
            // the pipe closes when the process is killed
        }
        listening.completeExceptionally(new IOException("output ended"));
    }

    private static String tail(Deque<String> lines) {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The node's last lines of output, for a failure's message. */
    String lastOutput() {
        return tail(lastLines);
    }

    /**
     * SIGTERM (coordinated shutdown, a normal JVM exit), then waits for the exit. Used once, to have the JVM
     * write its class archive ({@code -XX:ArchiveClassesAtExit}), which more than halves every later start.
     */
    void stop(long timeoutMillis) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, then waits until the process is gone (its H2 file lock and sockets released). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
