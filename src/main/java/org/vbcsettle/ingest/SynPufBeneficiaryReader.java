package org.vbcsettle.ingest;

import org.vbcsettle.settlement.Attribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CMS DE-SynPUF beneficiary summary file ({@code DE1_0_2009_Beneficiary_Summary_File_Sample_1.csv})
 * into attribution member-months, streaming. Only fee-for-service months with both Part A and Part B count
 * (MSSP assigns only such beneficiaries): months = min(Part A months, Part B months) − HMO months, at least 0.
 * The file gives a count, not which months, so they are placed at the end of the year (or ending in the
 * month of death) — the usual case is a beneficiary who ages in during the year. Segment: ESRD when the
 * ESRD indicator is {@code Y}, else aged (65 or older on 1 January) or disabled; the file has no dual
 * status, so aged members are {@code aged/non-dual}. The file has no risk score: 1.0.
 */
public final class SynPufBeneficiaryReader {
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern YEAR_IN_NAME = Pattern.compile("DE1_0_(\\d{4})_Beneficiary", Pattern.CASE_INSENSITIVE);

    private SynPufBeneficiaryReader() {
    }

    /** @param beneficiaries rows read; @param memberMonths attribution records produced */
    public record Stats(long beneficiaries, long memberMonths) {
    }

    /** The year of a file named {@code DE1_0_<year>_Beneficiary_Summary_File...}. */
    public static int yearOf(Path file) {
        Matcher m = YEAR_IN_NAME.matcher(file.getFileName().toString());
        if (!m.find()) {
            throw new IllegalArgumentException(file + ": not a DE-SynPUF beneficiary summary file name (DE1_0_<year>_Beneficiary_...)");
        }
        return Integer.parseInt(m.group(1));
    }

    public static Stats read(Path file, Consumer<Attribution> sink) throws IOException {
        return read(file, yearOf(file), sink);
    }

    public static Stats read(Path file, int year, Consumer<Attribution> sink) throws IOException {
        String source = file.getFileName().toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            CsvReader csv = new CsvReader(in);
            SynPufHeader header = SynPufHeader.read(csv, source, List.of("DESYNPUF_ID", "BENE_BIRTH_DT", "BENE_DEATH_DT", "BENE_ESRD_IND",
                    "BENE_HI_CVRAGE_TOT_MONS", "BENE_SMI_CVRAGE_TOT_MONS", "BENE_HMO_CVRAGE_TOT_MONS"));
            Map<String, Integer> col = header.columns();
            long beneficiaries = 0;
            long memberMonths = 0;
            List<String> r;
            while ((r = csv.next()) != null) {
                if (r.size() == 1 && r.get(0).isBlank()) {
                    continue;
                }
                long line = csv.recordLine();
                String id = r.get(col.get("DESYNPUF_ID")).trim();
                if (r.size() != header.size()) {
                    throw new IngestException(new IngestError(source, line, "beneficiary", id, null,
                            "has " + r.size() + " fields, the header has " + header.size()));
                }
                beneficiaries++;
                int partA = months(r, col, "BENE_HI_CVRAGE_TOT_MONS", source, line, id);
                int partB = months(r, col, "BENE_SMI_CVRAGE_TOT_MONS", source, line, id);
                int hmo = months(r, col, "BENE_HMO_CVRAGE_TOT_MONS", source, line, id);
                int ffs = Math.max(0, Math.min(partA, partB) - hmo);
                LocalDate birth = date(r, col, "BENE_BIRTH_DT", source, line, id);
                LocalDate death = date(r, col, "BENE_DEATH_DT", source, line, id);
                YearMonth last = YearMonth.of(year, 12);
                if (death != null && death.getYear() == year) {
                    last = YearMonth.from(death);
                } else if (death != null && death.getYear() < year) {
                    continue;
                }
                int available = last.getMonthValue();
                ffs = Math.min(ffs, available);
                String segment;
                if ("Y".equalsIgnoreCase(r.get(col.get("BENE_ESRD_IND")).trim())) {
                    segment = "ESRD";
                } else if (birth != null && !birth.plusYears(65).isAfter(LocalDate.of(year, 1, 1))) {
                    segment = "aged/non-dual";
                } else {
                    segment = "disabled";
                }
                for (int i = ffs - 1; i >= 0; i--) {
                    YearMonth m = last.minusMonths(i);
                    sink.accept(new Attribution(id + ":" + m, id, m, BigDecimal.ONE, segment, null, true));
                    memberMonths++;
                }
            }
            return new Stats(beneficiaries, memberMonths);
        } catch (CsvReader.CsvFormatException e) {
            throw new IngestException(new IngestError(source, e.line(), null, null, null, "malformed CSV: " + e.getMessage()));
        }
    }

    private static int months(List<String> r, Map<String, Integer> col, String name, String source, long line, String id) {
        String v = r.get(col.get(name)).trim();
        try {
            int n = Integer.parseInt(v);
            if (n < 0 || n > 12) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IngestException(new IngestError(source, line, "beneficiary", id, name, "must be 0 to 12 months, was '" + v + "'"));
        }
    }

    private static LocalDate date(List<String> r, Map<String, Integer> col, String name, String source, long line, String id) {
        String v = r.get(col.get(name)).trim();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v, YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw new IngestException(new IngestError(source, line, "beneficiary", id, name, "not a date (yyyymmdd): " + v));
        }
    }
}
