package org.vbcsettle.ingest.x12;

import java.util.List;

/** An X12 interchange that cannot be read; each error names the segment and element. */
public final class X12Exception extends RuntimeException {
    private final List<String> errors;

    public X12Exception(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
