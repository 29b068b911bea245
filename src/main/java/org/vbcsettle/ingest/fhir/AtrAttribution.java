package org.vbcsettle.ingest.fhir;

import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.ingest.AttributionFormat;
import org.vbcsettle.settlement.Attribution;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.vbcsettle.ingest.fhir.References.date;

/**
 * Da Vinci ATR member attribution {@code Group} → member-months: each {@code member} is attributed for every
 * month its {@code period} covers inside the contract's performance period (an open end runs to the end of
 * it). The record of member M in month 2024-03 has id {@code atr|M|2024-03} whatever the Group's id or
 * version, so a roster sent again (changeType {@code nochange}, or the whole list re-sent) counts each
 * member-month once. An {@code inactive} member retracts those months ({@code atr|M|2024-03|inactive}
 * naming the month it retracts). A period entirely outside the performance period is sent on as its first
 * month, so that the attribution rule refuses it with its own message.
 */
final class AtrAttribution {
    static final String CHANGE_TYPE = "http://hl7.org/fhir/us/davinci-atr/StructureDefinition/ext-changeType";
    /** ATR 1.x and 2.x codes for a member's change since the last list. */
    static final Set<String> CHANGE_TYPES = Set.of("new", "add", "change", "changed", "nochange");

    private AtrAttribution() {
    }

    static List<Mapped<Attribution>> map(Group group, String resource, References refs, Contract contract) {
        List<Mapped<Attribution>> out = new ArrayList<>();
        if (group.getMember().isEmpty()) {
            Mapped<Attribution> m = new Mapped<>(AttributionFormat.INSTANCE, resource);
            m.problem(".member", "an attribution Group must list its members");
            out.add(m);
            return out;
        }
        for (int i = 0; i < group.getMember().size(); i++) {
            Group.GroupMemberComponent member = group.getMember().get(i);
            String at = ".member[" + i + "]";
            String memberId = refs.member(member.getEntity());
            String startText = date(member.getPeriod().getStartElement());
            String endText = date(member.getPeriod().getEndElement());
            List<Mapped<Attribution>> months = new ArrayList<>();
            List<String> structural = new ArrayList<>();
            Extension change = member.getExtensionByUrl(CHANGE_TYPE);
            String changeType = change == null || change.getValue() == null ? null : change.getValue().primitiveValue();
            if (changeType != null && !CHANGE_TYPES.contains(changeType)) {
                structural.add("must be one of new, change, nochange (ATR changeType), was " + changeType);
            }
            LocalDate start = parse(startText);
            LocalDate end = endText == null ? contract.performanceEnd() : parse(endText);
            if (start == null || end == null || end.isBefore(start)) {
                // let the month rule judge the start as sent (absent, not a date, ...), or report the order
                Mapped<Attribution> m = month(resource, refs, memberId, startText == null ? null : startText.length() >= 7
                        ? startText.substring(0, 7) : startText, at, member.getInactive());
                if (start != null && end != null) {
                    m.problem(at + ".period.end", endText + " is before period.start " + startText);
                }
                months.add(m);
            } else {
                YearMonth first = YearMonth.from(start);
                YearMonth last = YearMonth.from(end);
                YearMonth from = max(first, YearMonth.from(contract.performanceStart()));
                YearMonth to = min(last, YearMonth.from(contract.performanceEnd()));
                if (from.isAfter(to)) {
                    months.add(month(resource, refs, memberId, first.toString(), at, member.getInactive()));
                }
                for (YearMonth ym = from; !ym.isAfter(to); ym = ym.plusMonths(1)) {
                    months.add(month(resource, refs, memberId, ym.toString(), at, member.getInactive()));
                }
            }
            for (String s : structural) {
                months.get(0).problem(at + ".extension(changeType)", s);
            }
            out.addAll(months);
        }
        return out;
    }

    private static Mapped<Attribution> month(String resource, References refs, String memberId, String month, String at,
                                             boolean inactive) {
        Mapped<Attribution> m = new Mapped<>(AttributionFormat.INSTANCE, resource);
        // without a month the record is refused for its month alone, not also for the id made from it
        String id = memberId == null ? null : "atr|" + memberId + "|" + (month == null ? "" : month);
        m.put("memberId", memberId, at + ".entity");
        m.put("month", month, at + ".period.start");
        if (inactive) {
            m.put("id", id == null ? null : id + "|inactive", at);
            m.put("replacesId", id, at);
            m.put("active", "false", at + ".inactive");
        } else {
            m.put("id", id, at);
        }
        return m;
    }

    private static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }
}
