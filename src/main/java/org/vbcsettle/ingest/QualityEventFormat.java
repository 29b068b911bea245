package org.vbcsettle.ingest;

import org.vbcsettle.settlement.QualityEvent;

import java.util.List;

/** Quality events: one member's status (numerator, denominator, exclusion) on one measure in one period. */
public final class QualityEventFormat implements RecordType<QualityEvent> {
    public static final QualityEventFormat INSTANCE = new QualityEventFormat();

    private static final List<String> FIELDS = List.of("id", "memberId", "measureId", "period", "kind");

    private QualityEventFormat() {
    }

    @Override
    public String kind() {
        return "quality event";
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public List<String> requiredFields() {
        return FIELDS;
    }

    @Override
    public String id(QualityEvent record) {
        return record.id();
    }

    @Override
    public QualityEvent build(Fields f) {
        String id = FieldParsers.required(f, "id");
        String memberId = FieldParsers.required(f, "memberId");
        String measureId = FieldParsers.required(f, "measureId");
        String period = FieldParsers.required(f, "period");
        String kind = FieldParsers.required(f, "kind");
        QualityEvent.Kind k;
        try {
            k = QualityEvent.Kind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new FieldProblem("kind", "must be numerator, denominator or exclusion, was " + kind);
        }
        return new QualityEvent(id, memberId, measureId, period, k);
    }
}
