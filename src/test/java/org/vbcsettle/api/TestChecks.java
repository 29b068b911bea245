package org.vbcsettle.api;

import java.util.ArrayList;
import java.util.List;

/** The contract check used by route tests. */
final class TestChecks {
    private TestChecks() {
    }

    static final ContractCheck CHECK = (c, source) -> {
        List<String> out = new ArrayList<>();
        if (c.id() == null) {
            out.add(source + ": id: is required");
        }
        if (c.payer() == null) {
            out.add(source + ": payer: is required");
        }
        if (c.provider() == null) {
            out.add(source + ": provider: is required");
        }
        if (c.performanceStart() == null || c.performanceEnd() == null) {
            out.add(source + ": performanceStart: is required");
        }
        return out;
    };
}
