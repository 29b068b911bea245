package org.vbcsettle.cli;

import picocli.CommandLine.Option;

/** {@code --threads} of the commands that run the Monte Carlo engine; results do not depend on it. */
final class WorkerThreads {

    @Option(names = "--threads", description = "worker threads (default: available processors)") Integer threads;

    /** The count asked for, or one per available processor. */
    int count() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
