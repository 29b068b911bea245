package org.vbcsettle.ledger;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request ids as the ledger stores them on events and puts in log lines: 1 to 64 characters of
 * {@code A-Z a-z 0-9 . _ : -}. Bounded and ASCII on purpose: an id arrives from a client's
 * {@code X-Request-Id} header and must never be able to break the journal's serializer or a log line.
 */
public final class RequestIds {

    /** The MDC key (and JSON log field) under which a request id appears in log lines. */
    public static final String MDC_KEY = "requestId";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    public static boolean wellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }

    /** The id when well-formed, else null (the ledger never stores an id it would not accept from a client). */
    public static String orNull(String id) {
        return wellFormed(id) ? id : null;
    }

    /** A new random id (a UUID: 36 characters, well-formed). */
    public static String generate() {
        return UUID.randomUUID().toString();
    }
}
