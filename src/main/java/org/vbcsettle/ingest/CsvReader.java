package org.vbcsettle.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: comma-separated fields, fields optionally in double quotes, {@code ""} for a
 * quote inside a quoted field, quoted fields may span lines; CRLF or LF line ends. Reads one record at a time
 * from the underlying reader and never holds more than the current record. A UTF-8 byte order mark at the
 * start is skipped (CMS files carry one).
 */
public final class CsvReader implements Closeable {
    private final Reader in;
    private long line = 1;
    private long recordLine;
    private int pushedBack = -2;
    private boolean first = true;

    /** A malformed file: an unterminated quote or text after a closing quote. */
    public static final class CsvFormatException extends IOException {
        private final long line;

        CsvFormatException(long line, String message) {
            super(message);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The line the last record returned by {@link #next()} started on (1-based). */
    public long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of input. A blank line is a record of one empty field. */
    public List<String> next() throws IOException {
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (c == '"' && field.length() == 0) {
                long quoteLine = line;
                while (true) {
                    c = read();
                    if (c == -1) {
                        throw new CsvFormatException(quoteLine, "a quoted field is not closed");
                    }
                    if (c == '"') {
                        int d = read();
                        if (d == '"') {
                            field.append('"');
                            continue;
                        }
                        c = d;
                        break;
                    }
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    throw new CsvFormatException(line, "text after a closing quote in field " + (fields.size() + 1));
                }
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                c = read();
                continue;
            }
            if (c == '\r') {
                int d = read();
                if (d != '\n') {
                    unread(d);
                }
                c = '\n';
            }
            if (c == '\n' || c == -1) {
                if (c == '\n') {
                    line++;
                }
                fields.add(field.toString());
                return fields;
            }
            field.append((char) c);
            c = read();
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
