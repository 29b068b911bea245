package org.vbcsettle.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true, description = "Validate contract documents")
public final class ValidateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("validate: not available yet");
        return 2;
    }
}
