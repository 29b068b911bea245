package org.vbcsettle.cli.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Control of the throw-away PostgreSQL server that scripts/with-postgres.sh started, from what it exports:
 * VBC_TEST_PG_BIN (pg_ctl's folder), VBC_TEST_PG_DATA, VBC_TEST_PG_SERVER_OPTIONS (pg_ctl -o: port, socket
 * folder, settings), VBC_TEST_PG_LOG and VBC_TEST_PG_RUN_AS (runuser prefix when root: the server refuses root).
 */
public record PostgresServer(Path bin, Path data, String options, Path log, List<String> runAs) {

    /** The server of the environment, or null when it does not say (not run under scripts/with-postgres.sh). */
    public static PostgresServer fromEnvironment() {
        String bin = System.getenv("VBC_TEST_PG_BIN");
        String data = System.getenv("VBC_TEST_PG_DATA");
        String options = System.getenv("VBC_TEST_PG_SERVER_OPTIONS");
        String log = System.getenv("VBC_TEST_PG_LOG");
        if (bin == null || data == null || options == null || log == null) {
            return null;
        }
        String runAs = System.getenv().getOrDefault("VBC_TEST_PG_RUN_AS", "").trim();
        return new PostgresServer(Path.of(bin), Path.of(data), options, Path.of(log),
                runAs.isEmpty() ? List.of() : Arrays.asList(runAs.split("\\s+")));
    }

    /** A fast shutdown: clients are disconnected, open transactions rolled back, committed ones kept. */
    public void stop() throws IOException, InterruptedException {
        pgCtl("-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    /** Starts the server again with the options it was first started with, and waits until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        pgCtl("-D", data.toString(), "-l", log.toString(), "-w", "-t", "60", "-o", options, "start");
    }

    private void pgCtl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(runAs);
        cmd.add(bin.resolve("pg_ctl").toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("vbc-pg-ctl", ".log");
        try {
            // not a pipe: the server that pg_ctl starts would hold it open
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " did not finish within 90 s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " exited with " + p.exitValue() + ": " + Files.readString(out));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
