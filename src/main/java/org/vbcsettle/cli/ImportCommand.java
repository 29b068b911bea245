package org.vbcsettle.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true, description = "Import claims, attribution or quality files into a running node")
public final class ImportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("import: not available yet");
        return 2;
    }
}
