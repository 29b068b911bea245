package org.vbcsettle.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Member-years/s of the Monte Carlo engine vs drawing the random numbers alone")
public final class BenchSimulateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("bench simulate: not available yet");
        return 2;
    }
}
