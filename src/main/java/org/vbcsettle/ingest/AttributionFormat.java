package org.vbcsettle.ingest;

import org.vbcsettle.settlement.Attribution;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Attribution: one record per member per month. A retroactive change is a new record naming the one it
 * replaces ({@code replacesId}); {@code active: false} retracts it.
 */
public final class AttributionFormat implements RecordType<Attribution> {
    public static final AttributionFormat INSTANCE = new AttributionFormat();

    /** Medicare enrollment types (CMS benchmark segments). */
    public static final List<String> SEGMENTS = RecordRules.SEGMENTS;
    private static final List<String> FIELDS = List.of("id", "memberId", "month", "riskScore", "segment", "replacesId", "active");
    private static final List<String> REQUIRED = List.of("id", "memberId", "month");

    private AttributionFormat() {
    }

    @Override
    public String kind() {
        return "attribution";
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public List<String> requiredFields() {
        return REQUIRED;
    }

    @Override
    public String id(Attribution record) {
        return record.id();
    }

    @Override
    public Attribution build(Fields f) {
        String id = FieldParsers.required(f, "id");
        String memberId = FieldParsers.required(f, "memberId");
        var month = FieldParsers.month(f, "month");
        BigDecimal risk = FieldParsers.decimal(f, "riskScore");
        String segment = f.text("segment");
        if (segment != null) {
            segment = segment.toLowerCase(Locale.ROOT);
            if (RecordRules.segment(segment) != null) {
                throw new FieldProblem("segment", RecordRules.segment(f.text("segment")));
            }
            if (segment.equals("esrd")) {
                segment = "ESRD";
            }
        }
        String replaces = f.text("replacesId");
        Boolean active = FieldParsers.bool(f, "active");
        return new Attribution(id, memberId, month, risk, segment, replaces, active == null || active);
    }
}
