package org.vbcsettle.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {

    static List<List<String>> all(String text, List<Long> lines) throws IOException {
        CsvReader r = new CsvReader(new StringReader(text));
        List<List<String>> out = new ArrayList<>();
        List<String> rec;
        while ((rec = r.next()) != null) {
            out.add(rec);
            lines.add(r.recordLine());
        }
        return out;
    }

    @Test
    void readsRfc4180QuotingAcrossLines() throws IOException {
        List<Long> lines = new ArrayList<>();
        String text = "\uFEFFa,b,c\r\n1,\"two, with comma\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",,\"\"\n4,5,6";
        assertThat(all(text, lines)).containsExactly(
                List.of("a", "b", "c"),
                List.of("1", "two, with comma", "say \"hi\""),
                List.of("multi\nline", "", ""),
                List.of("4", "5", "6"));
        assertThat(lines).containsExactly(1L, 2L, 3L, 5L);
    }

    @Test
    void quotedHeaderWithUnquotedRowsAsCmsWritesThem() throws IOException {
        assertThat(all("\"X\",\"Y\"\n1,2\n", new ArrayList<>())).containsExactly(List.of("X", "Y"), List.of("1", "2"));
    }

    @Test
    void malformedQuotingNamesTheLine() {
        assertThatThrownBy(() -> all("a\n\"open\nstill open", new ArrayList<>()))
                .isInstanceOf(CsvReader.CsvFormatException.class).hasMessageContaining("not closed")
                .satisfies(e -> assertThat(((CsvReader.CsvFormatException) e).line()).isEqualTo(2));
        assertThatThrownBy(() -> all("\"a\"b,c\n", new ArrayList<>()))
                .isInstanceOf(CsvReader.CsvFormatException.class).hasMessageContaining("after a closing quote");
    }
}
