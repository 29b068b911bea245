package org.vbcsettle.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Claims/s through the contract entities into PostgreSQL vs COPY")
public final class BenchIngestCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("bench ingest: not available yet");
        return 2;
    }
}
