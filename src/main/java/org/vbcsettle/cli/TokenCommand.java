package org.vbcsettle.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "token", mixinStandardHelpOptions = true, description = "Mint a development bearer token")
public final class TokenCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("token: not available yet");
        return 2;
    }
}
