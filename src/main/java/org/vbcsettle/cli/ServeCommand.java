package org.vbcsettle.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the settlement node (HTTP API on the contract ledger)")
public final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("serve: not available yet");
        return 2;
    }
}
