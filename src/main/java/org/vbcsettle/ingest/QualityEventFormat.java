package org.vbcsettle.ingest;

import org.vbcsettle.settlement.QualityEvent;

import java.util.List;
import java.util.Locale;

import static org.vbcsettle.ingest.FieldSpec.required;
import static org.vbcsettle.ingest.RecordRules.add;

/**
 * The record rules of a quality event: one member's status (numerator, denominator, exclusion) on one
 * measure in one period; every field is required.
 */
public final class QualityEventFormat {
    public static final RecordType<QualityEvent> INSTANCE = new RecordType<>("quality event", QualityEvent::id,
            QualityEventFormat::read, QualityEventFormat::check,
            List.of(required("id", QualityEvent::id), required("memberId", QualityEvent::memberId),
                    required("measureId", QualityEvent::measureId), required("period", QualityEvent::periodId),
                    required("kind", q -> q.kind() == null ? null : q.kind().name().toLowerCase(Locale.ROOT))));

    private QualityEventFormat() {
    }

    private static QualityEvent read(FieldReader f) {
        return new QualityEvent(f.text("id"), f.text("memberId"), f.text("measureId"), f.text("period"),
                f.oneOf("kind", QualityEvent.Kind::parse, "numerator, denominator or exclusion"));
    }

    private static void check(QualityEvent q, RecordRules rules, List<Violation> out) {
        add(out, "measureId", rules.measureId(q.measureId()));
        add(out, "period", rules.period(q.periodId()));
    }
}
