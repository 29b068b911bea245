package org.vbcsettle.ingest.mssp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a PUF's CSV text: UTF-8 when the bytes are valid UTF-8, else Latin-1 (older CMS files); a leading
 * byte-order mark is dropped; RFC 4180 quoting (quoted commas, doubled quotes, quoted line breaks); CRLF or LF.
 */
final class PufCsv {

    /** One record and the physical line it starts on (1-based). */
    record Record(int line, List<String> fields) {
    }

    private PufCsv() {
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    static List<Record> read(Path file) throws IOException {
        String text = decode(Files.readAllBytes(file));
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        } else if (text.startsWith("\u00EF\u00BB\u00BF")) {
            text = text.substring(3); // a UTF-8 byte-order mark in a file that is otherwise Latin-1
        }
        return parse(text, file);
    }

    static List<Record> parse(String text, Path file) {
        List<Record> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int recordLine = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cur.append(c);
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || cur.length() > 0) {
                    fields.add(cur.toString());
                    out.add(new Record(recordLine, List.copyOf(fields)));
                }
                fields.clear();
                cur.setLength(0);
                any = false;
                line++;
                recordLine = line;
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new PufFormatException(file + " line " + recordLine + ": a quoted field is not closed before the end of the file");
        }
        if (any || cur.length() > 0) {
            fields.add(cur.toString());
            out.add(new Record(recordLine, List.copyOf(fields)));
        }
        return out;
    }
}
