package org.vbcsettle.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "settle", mixinStandardHelpOptions = true, description = "Settle one contract offline from files")
public final class SettleCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("settle: not available yet");
        return 2;
    }
}
