package org.vbcsettle.ingest.mssp;

/** A PUF that cannot be read or a row that cannot be parsed; the message names the file, row and column. */
public final class PufFormatException extends RuntimeException {
    public PufFormatException(String message) {
        super(message);
    }

    public PufFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
