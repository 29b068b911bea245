package org.vbcsettle.ingest.mssp;

import org.vbcsettle.money.Money;
import org.vbcsettle.contract.mssp.MsspProgramYear;
import org.vbcsettle.contract.mssp.MsspTrack;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CMS MSSP ACO public use file of any performance year: finds the columns by name (with the variants
 * of {@link PufColumn}), works out each column's scale (a quality score printed as {@code 89.41%} or
 * {@code 98.08} is a percentage; {@code 0.9206} a fraction) and printed precision, and parses every row.
 * Any problem is a {@link PufFormatException} naming the file, the line, the ACO and the column.
 */
public final class MsspPufReader {

    private static final Pattern YEAR_IN_NAME = Pattern.compile("(?i)(?:py|year|_|-)?((?:19|20)\\d\\d)");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private MsspPufReader() {
    }

    /** @param yearOverride the performance year, or null to read it from a year column or the file name */
    public static MsspPuf read(Path file, Integer yearOverride) {
        if (!Files.isRegularFile(file)) {
            throw new PufFormatException(file + ": no such file");
        }
        List<PufCsv.Record> records;
        try {
            records = PufCsv.read(file);
        } catch (IOException e) {
            throw new PufFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (records.isEmpty()) {
            throw new PufFormatException(file + ": the file is empty");
        }
        List<String> header = records.get(0).fields();
        List<PufCsv.Record> data = new ArrayList<>();
        for (PufCsv.Record r : records.subList(1, records.size())) {
            if (!allBlank(r.fields())) {
                data.add(r);
            }
        }
        PufLayout layout = PufLayout.of(file, header, data.isEmpty() ? null : data.get(0).fields());
        Map<PufColumn, Integer> index = layout.index();
        int year = performanceYear(file, yearOverride, index, data);
        Scale quality = scale(data, index.get(PufColumn.QUALITY_SCORE), true);
        Scale msr = scale(data, index.get(PufColumn.MIN_SAVINGS_RATE), false);

        List<MsspPufRow> rows = new ArrayList<>();
        for (PufCsv.Record r : data) {
            rows.add(row(file, r, layout, year, quality, msr));
        }
        return new MsspPuf(file, year, rows, layout.found(), layout.note());
    }

    private static boolean allBlank(List<String> fields) {
        for (String f : fields) {
            if (!f.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static int performanceYear(Path file, Integer override, Map<PufColumn, Integer> index, List<PufCsv.Record> data) {
        if (override != null) {
            return override;
        }
        Integer yi = index.get(PufColumn.YEAR);
        if (yi != null && !data.isEmpty()) {
            String v = cell(data.get(0).fields(), yi);
            if (!PufValues.isBlank(v)) {
                try {
                    long y = PufValues.count(v);
                    if (y >= 2012 && y <= 2100) {
                        return (int) y;
                    }
                } catch (IllegalArgumentException ignored) {
                    // fall back to the file name
                }
            }
        }
        Matcher m = YEAR_IN_NAME.matcher(file.getFileName().toString());
        Integer last = null;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        if (last != null && last >= 2012) {
            return last;
        }
        throw new PufFormatException(file + ": cannot tell the performance year (no year column and no year in the file name); pass --year");
    }

    /** A column's scale and printed precision. */
    private record Scale(boolean percent, BigDecimal halfStep) {
    }

    /**
     * A column is a percentage if any cell carries a percent sign or any value exceeds 1; its printed precision
     * is the most decimals any cell shows (a cell showing fewer had trailing zeros dropped).
     */
    private static Scale scale(List<PufCsv.Record> data, Integer col, boolean tolerateText) {
        if (col == null) {
            return new Scale(false, BigDecimal.ZERO);
        }
        boolean percent = false;
        int decimals = 0;
        for (PufCsv.Record r : data) {
            String v = cell(r.fields(), col);
            if (PufValues.isBlank(v)) {
                continue;
            }
            PufValues.Num n;
            try {
                n = PufValues.number(v);
            } catch (IllegalArgumentException e) {
                if (tolerateText) {
                    continue; // e.g. P4R; reported per row
                }
                continue;
            }
            percent |= n.percent() || n.value().compareTo(BigDecimal.ONE) > 0;
            decimals = Math.max(decimals, n.decimals());
        }
        BigDecimal half = HALF.movePointLeft(decimals);
        return new Scale(percent, percent ? half.movePointLeft(2) : half);
    }

    private static String cell(List<String> fields, Integer i) {
        if (i == null || i >= fields.size()) {
            return "";
        }
        return fields.get(i).trim();
    }

    private static MsspPufRow row(Path file, PufCsv.Record r, PufLayout layout, int year, Scale quality, Scale msr) {
        List<String> f = r.fields();
        Map<PufColumn, Integer> index = layout.index();
        String aco = cell(f, index.get(PufColumn.ACO_ID));
        if (PufValues.isBlank(aco)) {
            throw new PufFormatException(file + " line " + r.line() + ": column " + layout.label().get(PufColumn.ACO_ID) + ": no ACO id");
        }
        RowReader rr = new RowReader(file, r.line(), aco, f, layout);
        long assigned = rr.required(PufColumn.ASSIGNED, PufValues::count);
        Money benchmark = rr.required(PufColumn.BENCHMARK, PufValues::dollars);
        Money expenditure = rr.required(PufColumn.EXPENDITURE, PufValues::dollars);
        BigDecimal minimumRate = rr.optional(PufColumn.MIN_SAVINGS_RATE, s -> PufValues.number(s).fraction(msr.percent()));
        MsspTrack track = track(rr);
        LocalDate start = rr.optional(PufColumn.AGREEMENT_START, PufValues::date);

        String q = rr.text(PufColumn.QUALITY_SCORE);
        boolean p4r = false;
        BigDecimal score = null;
        if (q != null && q.trim().equalsIgnoreCase("P4R")) {
            p4r = true;
        } else if (!PufValues.isBlank(q)) {
            score = rr.optional(PufColumn.QUALITY_SCORE, s -> {
                BigDecimal v = PufValues.number(s).fraction(quality.percent());
                if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
                    throw new IllegalArgumentException("quality score must be between 0 and 100%, was '" + s + "'");
                }
                return v;
            });
        } else {
            p4r = index.containsKey(PufColumn.QUALITY_SCORE);
        }
        Boolean metQps = rr.optional(PufColumn.MET_QPS, PufValues::flag);
        if (metQps == null && !MsspProgramYear.of(year).scaledQuality()) {
            Boolean pct = rr.optional(PufColumn.MET_PERCENTILE, PufValues::flag);
            Boolean inc = rr.optional(PufColumn.MET_INCENTIVE, PufValues::flag);
            Boolean first = rr.optional(PufColumn.MET_FIRST_YEAR, PufValues::flag);
            // 42 CFR 425.512(b): an affected ACO that received the 30th percentile score meets the standard
            Boolean floor = MsspProgramYear.of(year).disasterQuality() == MsspProgramYear.DisasterQuality.MIPS_30TH_PERCENTILE
                    && Boolean.TRUE.equals(rr.optional(PufColumn.DISASTER_AFFECTED_QUALITY, PufValues::flag))
                    ? rr.optional(PufColumn.RECEIVED_FLOOR, PufValues::flag) : null;
            if (pct != null || inc != null || first != null || floor != null) {
                metQps = Boolean.TRUE.equals(pct) || Boolean.TRUE.equals(inc) || Boolean.TRUE.equals(first) || Boolean.TRUE.equals(floor);
            }
        }
        Boolean metAlt = rr.optional(PufColumn.MET_ALT_QPS, PufValues::flag);
        Boolean lowRevenue = rr.optional(PufColumn.REVENUE_CATEGORY, MsspPufReader::lowRevenue);
        Money revenue = rr.optional(PufColumn.PARTICIPANT_REVENUE, PufValues::dollars);
        Money disaster = rr.optional(PufColumn.DISASTER_ADJUSTMENT, PufValues::dollars);
        if (disaster != null) {
            disaster = disaster.abs();
        }
        Money published = rr.optional(PufColumn.PUBLISHED_EARNED, PufValues::dollars);
        if (published == null) {
            published = Money.ZERO; // CMS prints '-' or nothing where nothing was earned or owed
        }
        return new MsspPufRow(r.line(), aco, year, assigned, benchmark, expenditure, minimumRate,
                minimumRate == null ? BigDecimal.ZERO : msr.halfStep(), track, start, score,
                score == null ? BigDecimal.ZERO : quality.halfStep(), p4r, metQps, metAlt, lowRevenue, revenue, disaster, published,
                rr.optional(PufColumn.GUARDRAIL, g -> guardrail(g, expenditure)));
    }

    /** A flag, or the recalculated benchmark: the guardrail applies when expenditures fall below it. */
    private static boolean guardrail(String s, Money expenditure) {
        try {
            return PufValues.flag(s);
        } catch (IllegalArgumentException notAFlag) {
            return expenditure.compareTo(PufValues.dollars(s)) < 0;
        }
    }

    private static boolean lowRevenue(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.contains("low")) {
            return true;
        }
        if (t.contains("high")) {
            return false;
        }
        return PufValues.flag(s);
    }

    private static MsspTrack track(RowReader rr) {
        String text = rr.text(PufColumn.TRACK);
        if (!PufValues.isBlank(text)) {
            return rr.optional(PufColumn.TRACK, MsspTrack::parse);
        }
        // one flag column per track (PY2014–2021); Track 1+ first: it is the most specific
        List<String> flags = new ArrayList<>();
        for (PufColumn c : PufLayout.TRACK_COLUMNS.subList(1, PufLayout.TRACK_COLUMNS.size())) {
            if (!rr.has(c)) {
                continue;
            }
            Boolean set = rr.optional(c, PufValues::flag);
            if (Boolean.TRUE.equals(set)) {
                return flagTrack(c);
            }
            flags.add(rr.label(c) + "=" + rr.text(c));
        }
        throw rr.problem(PufColumn.TRACK, "no track: " + (rr.has(PufColumn.TRACK) ? "the track column is blank and " : "")
                + (flags.isEmpty() ? "there are no track flag columns" : "no track flag is set (" + String.join(", ", flags) + ")"));
    }

    private static MsspTrack flagTrack(PufColumn flag) {
        return switch (flag) {
            case TRACK_1_PLUS -> MsspTrack.TRACK_1_PLUS;
            case BASIC_A_FLAG -> MsspTrack.BASIC_A;
            case BASIC_B_FLAG -> MsspTrack.BASIC_B;
            case BASIC_C_FLAG -> MsspTrack.BASIC_C;
            case BASIC_D_FLAG -> MsspTrack.BASIC_D;
            case BASIC_E_FLAG -> MsspTrack.BASIC_E;
            case ENHANCED_FLAG, TRACK_3 -> MsspTrack.ENHANCED;
            case TRACK_2 -> MsspTrack.TRACK_2;
            case TRACK_1 -> MsspTrack.TRACK_1;
            default -> throw new IllegalStateException(flag + " is no track flag");
        };
    }

    /** Reads the cells of one row, turning parse failures into messages that name file, line, ACO and column. */
    private static final class RowReader {
        private final Path file;
        private final int line;
        private final String aco;
        private final List<String> fields;
        private final PufLayout layout;

        RowReader(Path file, int line, String aco, List<String> fields, PufLayout layout) {
            this.file = file;
            this.line = line;
            this.aco = aco;
            this.fields = fields;
            this.layout = layout;
        }

        boolean has(PufColumn c) {
            return layout.has(c);
        }

        String label(PufColumn c) {
            return layout.label().get(c);
        }

        interface Parser<T> {
            T parse(String s);
        }

        String text(PufColumn c) {
            Integer i = layout.index().get(c);
            return i == null ? null : cell(fields, i);
        }

        <T> T optional(PufColumn c, Parser<T> p) {
            String v = text(c);
            if (PufValues.isBlank(v)) {
                return null;
            }
            try {
                return p.parse(v);
            } catch (IllegalArgumentException e) {
                throw problem(c, e.getMessage());
            }
        }

        <T> T required(PufColumn c, Parser<T> p) {
            String v = text(c);
            if (PufValues.isBlank(v)) {
                throw problem(c, "no value");
            }
            return optional(c, p);
        }

        PufFormatException problem(PufColumn c, String message) {
            String name = layout.has(c) ? label(c) : String.join("/", c.names());
            return new PufFormatException(file + " line " + line + " (ACO " + aco + "): column " + name + ": " + message);
        }
    }
}
