package org.vbcsettle.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "totals", mixinStandardHelpOptions = true, description = "Latency of GET totals under a fixed request rate")
public final class BenchTotalsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("bench totals: not available yet");
        return 2;
    }
}
