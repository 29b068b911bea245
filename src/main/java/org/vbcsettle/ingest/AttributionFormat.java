package org.vbcsettle.ingest;

import org.vbcsettle.settlement.Attribution;

import java.util.List;
import java.util.Locale;

import static org.vbcsettle.ingest.FieldSpec.optional;
import static org.vbcsettle.ingest.FieldSpec.required;
import static org.vbcsettle.ingest.RecordRules.add;
import static org.vbcsettle.ingest.RecordType.text;

/**
 * The record rules of attribution: one record per member per month. {@code riskScore} defaults to 1.0. A
 * retroactive change is a new record naming the one it replaces ({@code replacesId}); {@code active: false}
 * retracts it.
 */
public final class AttributionFormat {
    public static final RecordType<Attribution> INSTANCE = new RecordType<>("attribution", Attribution::id,
            AttributionFormat::read, AttributionFormat::check,
            List.of(required("id", Attribution::id), required("memberId", Attribution::memberId), required("month", a -> text(a.month())),
                    optional("riskScore", Attribution::riskScore), optional("segment", Attribution::segment),
                    optional("replacesId", Attribution::replacesId), optional("active", Attribution::active)));

    /** Medicare enrollment types (CMS benchmark segments). */
    public static final List<String> SEGMENTS = RecordRules.SEGMENTS;

    private AttributionFormat() {
    }

    private static Attribution read(FieldReader f) {
        String id = f.text("id");
        String memberId = f.text("memberId");
        var month = f.month("month");
        var risk = f.decimal("riskScore");
        String segment = f.text("segment");
        if (segment != null && RecordRules.segment(segment) == null) {
            // one spelling per segment, as CMS writes them
            segment = segment.equalsIgnoreCase("esrd") ? "ESRD" : segment.toLowerCase(Locale.ROOT);
        }
        String replaces = f.text("replacesId");
        Boolean active = f.bool("active");
        return new Attribution(id, memberId, month, risk, segment, replaces, active == null || active);
    }

    private static void check(Attribution a, RecordRules rules, List<Violation> out) {
        add(out, "month", rules.month(a.month()));
        add(out, "riskScore", RecordRules.riskScore(a.riskScore()));
        add(out, "segment", RecordRules.segment(a.segment()));
        add(out, "replacesId", RecordRules.replacesId(a.id(), a.replacesId()));
        add(out, "active", RecordRules.active(a.active(), a.replacesId()));
    }
}
