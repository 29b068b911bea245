package org.vbcsettle.contract;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of whole days, both ends inclusive, with an id that names it: {@code 2024} (a calendar year),
 * {@code 2024-Q1} (a quarter) or {@code 2024-07} (a month). Contract performance periods may be any span.
 */
public record Period(String id, LocalDate start, LocalDate end) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    public Period {
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("period " + id + " ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /** A period id read: the period, or why the id names none. */
    public record Read(Period period, String problem) {
        public boolean ok() {
            return period != null;
        }
    }

    /** Parses {@code 2024}, {@code 2024-Q3} or {@code 2024-07}; an id that names no period is an IllegalArgumentException. */
    public static Period parse(String id) {
        Read r = read(id);
        if (!r.ok()) {
            throw new IllegalArgumentException(r.problem());
        }
        return r.period();
    }

    /** Reads {@code 2024}, {@code 2024-Q3} or {@code 2024-07}, never throwing: anything else comes back with its problem. */
    public static Read read(String id) {
        if (id == null) {
            return new Read(null, "period is required (YYYY, YYYY-Qn or YYYY-MM)");
        }
        Matcher m = YEAR.matcher(id);
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            return new Read(new Period(id, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)), null);
        }
        m = QUARTER.matcher(id);
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            int q = Integer.parseInt(m.group(2));
            LocalDate s = LocalDate.of(y, (q - 1) * 3 + 1, 1);
            return new Read(new Period(id, s, s.plusMonths(3).minusDays(1)), null);
        }
        m = MONTH.matcher(id);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), month);
                return new Read(new Period(id, ym.atDay(1), ym.atEndOfMonth()), null);
            }
        }
        return new Read(null, "period must be YYYY, YYYY-Qn or YYYY-MM, was '" + StoredText.shown(id) + "'");
    }

    public boolean contains(LocalDate d) {
        return !d.isBefore(start) && !d.isAfter(end);
    }

    public boolean contains(YearMonth m) {
        return contains(m.atDay(1)) && contains(m.atEndOfMonth());
    }

    public boolean encloses(Period other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** The calendar months wholly or partly inside this period, in order. */
    public List<YearMonth> months() {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(start); !m.atDay(1).isAfter(end); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    /** The quarters of this period ({@code 2024-Q1}..), clipped to it. */
    public List<Period> quarters() {
        List<Period> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(start); !m.atDay(1).isAfter(end); m = m.plusMonths(3)) {
            int q = (m.getMonthValue() - 1) / 3 + 1;
            Period quarter = parse(m.getYear() + "-Q" + q);
            LocalDate s = quarter.start.isBefore(start) ? start : quarter.start;
            LocalDate e = quarter.end.isAfter(end) ? end : quarter.end;
            out.add(new Period(quarter.id, s, e));
            m = YearMonth.from(quarter.start);
        }
        return out;
    }

    @Override
    public String toString() {
        return id + " (" + start + " to " + end + ")";
    }
}
