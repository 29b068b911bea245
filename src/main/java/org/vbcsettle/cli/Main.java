package org.vbcsettle.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar target/vbc-settle.jar <command>}: the one entry point of every tool. */
@Command(name = "vbc-settle", mixinStandardHelpOptions = true, version = "vbc-settle 0.1.0",
        description = "Value-based-care settlement engine: shared savings, bundled payments, quality incentives.",
        subcommands = {
                ServeCommand.class,
                SettleCommand.class,
                SimulateCommand.class,
                ReconcileMsspCommand.class,
                ValidateCommand.class,
                TokenCommand.class,
                ImportCommand.class,
                RemittanceCheckCommand.class,
                BenchCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (used by tests). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
