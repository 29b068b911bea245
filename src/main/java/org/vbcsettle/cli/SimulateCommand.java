package org.vbcsettle.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Monte Carlo simulation of a contract's outcome")
public final class SimulateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("simulate: not available yet");
        return 2;
    }
}
