package org.vbcsettle.ingest.fhir;

import org.hl7.fhir.r4.model.MeasureReport;
import org.vbcsettle.ingest.QualityEventFormat;
import org.vbcsettle.settlement.QualityEvent;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.vbcsettle.ingest.fhir.References.date;

/**
 * DEQM individual {@code MeasureReport} → quality events: one per population the member is counted in
 * ({@code count} ≥ 1) among {@code numerator}, {@code denominator} and {@code denominator-exclusion}
 * (measure-population codes); the other populations (initial population, exceptions) are not scored by
 * our quality arrangements and are passed over. The measure is the last segment of the {@code measure}
 * canonical ({@code http://example.org/Measure/CBP|2024} → {@code CBP}); the period is the report's
 * {@code period} as a year, quarter or month ({@code 2024}, {@code 2024-Q2}, {@code 2024-03}). The event
 * id is the report's identifier (else its id) and the population: {@code mr-17|numerator}.
 */
final class DeqmQualityEvents {
    static final Map<String, String> KINDS = Map.of("numerator", "numerator", "denominator", "denominator",
            "denominator-exclusion", "exclusion");

    private DeqmQualityEvents() {
    }

    static List<Mapped<QualityEvent>> map(MeasureReport mr, String resource, References refs) {
        List<Mapped<QualityEvent>> out = new ArrayList<>();
        String reportId = !mr.getIdentifier().isEmpty() && mr.getIdentifierFirstRep().hasValue() ? mr.getIdentifierFirstRep().getValue()
                : mr.getIdElement().hasIdPart() ? mr.getIdElement().getIdPart() : null;
        String memberId = refs.member(mr.getSubject());
        String measure = measureId(mr.getMeasure());
        String period = periodId(date(mr.getPeriod().getStartElement()), date(mr.getPeriod().getEndElement()));
        List<String> noCount = new ArrayList<>();
        for (int g = 0; g < mr.getGroup().size(); g++) {
            var group = mr.getGroup().get(g);
            for (int p = 0; p < group.getPopulation().size(); p++) {
                var pop = group.getPopulation().get(p);
                String code = References.code(pop.getCode(), null);
                // a count element may carry no value (an extension only): getCount() would throw on it
                Integer count = pop.hasCountElement() ? pop.getCountElement().getValue() : null;
                if (code != null && KINDS.containsKey(code) && count == null && pop.hasCountElement()) {
                    noCount.add(".group[" + g + "].population[" + p + "].count");
                }
                if (code == null || !KINDS.containsKey(code) || count == null || count < 1) {
                    continue;
                }
                Mapped<QualityEvent> m = new Mapped<>(QualityEventFormat.INSTANCE, resource);
                m.put("id", reportId == null ? null : reportId + "|" + code, ".identifier");
                m.put("memberId", memberId, ".subject");
                m.put("measureId", measure, ".measure");
                m.put("period", period, ".period");
                m.put("kind", KINDS.get(code), ".group[" + g + "].population[" + p + "].code");
                out.add(m);
            }
        }
        Mapped<QualityEvent> first = out.isEmpty() ? new Mapped<>(QualityEventFormat.INSTANCE, resource) : out.get(0);
        for (String path : noCount) {
            first.problem(path, "must be a whole number (the count of the member in the population), was given without a value");
        }
        if (mr.getType() != MeasureReport.MeasureReportType.INDIVIDUAL) {
            first.problem(".type", "must be individual (a DEQM individual MeasureReport: one member's populations), was "
                    + given(mr.getTypeElement()));
        }
        if (mr.hasStatusElement() && mr.getStatus() != MeasureReport.MeasureReportStatus.COMPLETE) {
            first.problem(".status", "must be complete (a pending or error report is not counted), was " + given(mr.getStatusElement()));
        }
        if (out.isEmpty() && first.problems.isEmpty()) {
            first.problem(".group", "counts the member in none of numerator, denominator, denominator-exclusion");
        }
        if (out.isEmpty()) {
            out.add(first);
        }
        return out;
    }

    /** A code as given: the parser keeps an element whose code it does not know without a value. */
    static String given(org.hl7.fhir.r4.model.Enumeration<?> e) {
        if (e == null || e.isEmpty() && e.getValueAsString() == null) {
            return "absent";
        }
        return e.getValue() != null ? codeOf(e.getValue()) : e.getValueAsString() != null ? "'" + e.getValueAsString() + "' (not a code)" : "not a code";
    }

    private static String codeOf(Object v) {
        if (v instanceof MeasureReport.MeasureReportType t) {
            return t.toCode();
        }
        if (v instanceof MeasureReport.MeasureReportStatus st) {
            return st.toCode();
        }
        return String.valueOf(v);
    }

    static String measureId(String canonical) {
        if (canonical == null || canonical.isBlank()) {
            return null;
        }
        String s = canonical;
        int bar = s.indexOf('|');
        if (bar >= 0) {
            s = s.substring(0, bar);
        }
        int slash = s.lastIndexOf('/');
        return slash >= 0 ? s.substring(slash + 1) : s;
    }

    /** A whole year, quarter or month as its period id; any other span as {@code start/end} (which the period rule refuses). */
    static String periodId(String start, String end) {
        if (start == null) {
            return null;
        }
        try {
            LocalDate s = LocalDate.parse(start);
            LocalDate e = end == null ? null : LocalDate.parse(end);
            if (e != null && s.getDayOfMonth() == 1) {
                if (s.getDayOfYear() == 1 && e.equals(s.withDayOfYear(s.lengthOfYear()))) {
                    return String.valueOf(s.getYear());
                }
                if ((s.getMonthValue() - 1) % 3 == 0 && e.equals(YearMonth.from(s).plusMonths(2).atEndOfMonth())) {
                    return s.getYear() + "-Q" + ((s.getMonthValue() - 1) / 3 + 1);
                }
                if (e.equals(YearMonth.from(s).atEndOfMonth())) {
                    return YearMonth.from(s).toString();
                }
            }
        } catch (DateTimeParseException ex) {
            return start;
        }
        return start + "/" + (end == null ? "" : end);
    }
}
