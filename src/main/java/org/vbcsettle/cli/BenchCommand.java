package org.vbcsettle.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks print figures; they are commands, never timed tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print their figures",
        subcommands = {BenchIngestCommand.class, BenchTotalsCommand.class, BenchSimulateCommand.class, BenchCrashCommand.class,
                BenchClusterKillCommand.class, BenchPostgresRestartCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
