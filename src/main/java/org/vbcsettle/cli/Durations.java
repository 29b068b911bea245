package org.vbcsettle.cli;

import java.time.Duration;
import java.util.List;

/** Recovery times as a bench command prints them: min / median / max in seconds. */
final class Durations {

    private Durations() {
    }

    static String summary(List<Duration> ds) {
        if (ds.isEmpty()) {
            return "none";
        }
        List<Duration> sorted = ds.stream().sorted().toList();
        return "min %.1f s / median %.1f s / max %.1f s".formatted(sorted.get(0).toMillis() / 1e3,
                sorted.get(sorted.size() / 2).toMillis() / 1e3, sorted.get(sorted.size() - 1).toMillis() / 1e3);
    }
}
