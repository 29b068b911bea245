package org.vbcsettle.ingest;

import org.vbcsettle.money.Money;
import org.vbcsettle.settlement.Claim;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the CMS DE-SynPUF inpatient claims file ({@code DE1_0_2008_to_2010_Inpatient_Claims_Sample_1.csv})
 * into {@link Claim}s, streaming. A claim may come in two rows ({@code SEGMENT} 1 and 2, among the member's rows): they are
 * merged into one claim whose dates, DRG and provider are those of segment 1 (segment 2 rows leave dates
 * blank and carry {@code OTH}/{@code 000} as DRG), whose payment is the sum of the segments, and whose codes
 * are the union. The file has no paid date, so the through date stands in for it. Payment is in dollars with
 * cents; allowed = Medicare payment + primary payer payment + beneficiary deductible, coinsurance and blood
 * deductible.
 */
public final class SynPufInpatientReader {
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String[] BENEFICIARY_SHARE = {"NCH_PRMRY_PYR_CLM_PD_AMT", "NCH_BENE_IP_DDCTBL_AMT",
            "NCH_BENE_PTA_COINSRNC_LBLTY_AM", "NCH_BENE_BLOOD_DDCTBL_LBLTY_AM"};

    private SynPufInpatientReader() {
    }

    /** Counts of what was read, for reconciling against the file's documentation. */
    public record Stats(long rows, long claims, long mergedSegments, long zeroPaymentRows, long negativePaymentRows) {
    }

    /**
     * Streams the file's claims to {@code sink}.
     *
     * @throws IngestException on a malformed row (names the file, line, claim and column)
     */
    public static Stats read(Path file, Consumer<Claim> sink) throws IOException {
        String source = file.getFileName().toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            CsvReader csv = new CsvReader(in);
            SynPufHeader header = SynPufHeader.read(csv, source, List.of("DESYNPUF_ID", "CLM_ID", "SEGMENT", "CLM_FROM_DT", "CLM_THRU_DT", "PRVDR_NUM",
                    "CLM_PMT_AMT", "CLM_DRG_CD"));
            Map<String, Integer> col = header.columns();
            long rows = 0;
            long claims = 0;
            long merged = 0;
            long zero = 0;
            long negative = 0;
            Set<String> done = new HashSet<>();
            // Rows are grouped by member; a claim's segments may be apart within the member's rows, so the
            // member's rows are held until the next member starts (bounded by one member's claims).
            Map<String, List<Row>> pending = new LinkedHashMap<>();
            String member = null;
            List<String> r;
            while ((r = csv.next()) != null) {
                if (r.size() == 1 && r.get(0).isBlank()) {
                    continue;
                }
                long line = csv.recordLine();
                if (r.size() != header.size()) {
                    throw new IngestException(new IngestError(source, line, "claim", r.get(0), null,
                            "has " + r.size() + " fields, the header has " + header.size()));
                }
                Row row = new Row(line, r, col);
                rows++;
                Money paid = row.dollars("CLM_PMT_AMT", source);
                if (paid.isZero()) {
                    zero++;
                } else if (paid.isNegative()) {
                    negative++;
                }
                if (!row.get("DESYNPUF_ID").equals(member)) {
                    for (List<Row> segments : pending.values()) {
                        sink.accept(merge(segments, source));
                        claims++;
                        merged += segments.size() - 1;
                    }
                    pending.clear();
                    member = row.get("DESYNPUF_ID");
                }
                String claimId = row.get("CLM_ID");
                if (!pending.containsKey(claimId) && done.contains(claimId)) {
                    throw new IngestException(new IngestError(source, line, "claim", claimId, "CLM_ID",
                            "a segment of this claim appears apart from its member's other rows"));
                }
                done.add(claimId);
                pending.computeIfAbsent(claimId, k -> new ArrayList<>()).add(row);
            }
            for (List<Row> segments : pending.values()) {
                sink.accept(merge(segments, source));
                claims++;
                merged += segments.size() - 1;
            }
            return new Stats(rows, claims, merged, zero, negative);
        } catch (CsvReader.CsvFormatException e) {
            throw new IngestException(new IngestError(source, e.line(), null, null, null, "malformed CSV: " + e.getMessage()));
        }
    }

    private static Claim merge(List<Row> segments, String source) {
        Row first = segments.get(0);
        for (Row s : segments) {
            if ("1".equals(s.get("SEGMENT"))) {
                first = s;
            }
        }
        String id = first.get("CLM_ID");
        LocalDate from = first.date("CLM_FROM_DT", source, id);
        LocalDate through = first.date("CLM_THRU_DT", source, id);
        if (through.isBefore(from)) {
            throw first.problem(source, id, "CLM_THRU_DT", "is before CLM_FROM_DT (" + from + "): " + through);
        }
        Money paid = Money.ZERO;
        Money allowed = Money.ZERO;
        Set<String> hcpcs = new LinkedHashSet<>();
        Set<String> diagnoses = new LinkedHashSet<>();
        for (Row s : segments) {
            Money p = s.dollars("CLM_PMT_AMT", source);
            paid = paid.plus(p);
            allowed = allowed.plus(p);
            for (String c : BENEFICIARY_SHARE) {
                if (s.has(c)) {
                    allowed = allowed.plus(s.dollars(c, source));
                }
            }
            for (int i = 1; i <= 45; i++) {
                s.addIfPresent("HCPCS_CD_" + i, hcpcs);
            }
            for (int i = 1; i <= 10; i++) {
                s.addIfPresent("ICD9_DGNS_CD_" + i, diagnoses);
            }
        }
        String drg = first.get("CLM_DRG_CD");
        return new Claim(id, first.get("DESYNPUF_ID"), Claim.ClaimType.INPATIENT, from, through, through, paid, allowed,
                drg.isEmpty() ? null : drg, List.copyOf(hcpcs), List.copyOf(diagnoses), first.get("PRVDR_NUM"),
                Claim.Frequency.ORIGINAL, null);
    }

    private record Row(long line, List<String> values, Map<String, Integer> col) {
        String get(String name) {
            Integer i = col.get(name);
            return i == null ? "" : values.get(i).trim();
        }

        boolean has(String name) {
            return col.containsKey(name) && !get(name).isEmpty();
        }

        void addIfPresent(String name, Set<String> into) {
            if (has(name)) {
                into.add(get(name));
            }
        }

        Money dollars(String name, String source) {
            String v = get(name);
            try {
                return Money.parseDollars(v);
            } catch (NumberFormatException e) {
                throw problem(source, get("CLM_ID"), name, "not an amount in dollars: '" + v + "'");
            }
        }

        LocalDate date(String name, String source, String id) {
            String v = get(name);
            if (v.isEmpty()) {
                throw problem(source, id, name, "is blank");
            }
            try {
                return LocalDate.parse(v, YYYYMMDD);
            } catch (DateTimeParseException e) {
                throw problem(source, id, name, "not a date (yyyymmdd): " + v);
            }
        }

        IngestException problem(String source, String id, String field, String message) {
            return new IngestException(new IngestError(source, line, "claim", id, field, message));
        }
    }
}
