package org.vbcsettle.settlement;

import java.lang.reflect.RecordComponent;
import java.util.Objects;

/**
 * Compares two input records field by field, to say which field differs when a resent id brings different
 * content (an id is an idempotency key: the same id must mean the same record).
 */
public final class RecordDiff {

    private RecordDiff() {
    }

    /** The first component (in declaration order) whose values differ; null when the records are equal. */
    public static String firstDifferingField(Object a, Object b) {
        if (a.getClass() != b.getClass() || !a.getClass().isRecord()) {
            throw new IllegalArgumentException("not two records of one type: " + a.getClass() + ", " + b.getClass());
        }
        for (RecordComponent c : a.getClass().getRecordComponents()) {
            if (!Objects.equals(read(c, a), read(c, b))) {
                return c.getName();
            }
        }
        return null;
    }

    /** The value of one component, for messages. */
    public static Object value(Object record, String field) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(field)) {
                return read(c, record);
            }
        }
        throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no field " + field);
    }

    /** Throws when the two records share an id but differ, naming the id and the first differing field. */
    static void requireSame(String kind, String id, Object a, Object b) {
        String field = firstDifferingField(a, b);
        if (field != null) {
            throw new CannotSettle(kind + " " + id + " appears twice with different content: " + field + " is "
                    + value(a, field) + " in one and " + value(b, field) + " in the other");
        }
    }

    /**
     * The records with identical repeats of an id dropped (first kept, order otherwise kept); throws when an
     * id repeats with different content.
     */
    static <T> java.util.List<T> distinctById(String kind, java.util.List<T> records, java.util.function.Function<T, String> id) {
        java.util.Map<String, T> byId = new java.util.LinkedHashMap<>();
        for (T r : records) {
            T first = byId.putIfAbsent(id.apply(r), r);
            if (first != null) {
                requireSame(kind, id.apply(r), first, r);
            }
        }
        return byId.size() == records.size() ? records : java.util.List.copyOf(byId.values());
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }
}
