package org.vbcsettle.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "reconcile-mssp", mixinStandardHelpOptions = true, description = "Recompute CMS MSSP earned savings/losses from a PUF and compare")
public final class ReconcileMsspCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("reconcile-mssp: not available yet");
        return 2;
    }
}
