package org.vbcsettle.ingest;

import java.util.function.Function;

/**
 * One field of one record kind: its name, whether a record without it is refused, and its value in the
 * JSON form the API takes (text, whole cents, a number, true/false or a list of codes; null when absent).
 */
public record FieldSpec<T>(String name, boolean required, Function<T, Object> wire) {

    static <T> FieldSpec<T> required(String name, Function<T, Object> wire) {
        return new FieldSpec<>(name, true, wire);
    }

    static <T> FieldSpec<T> optional(String name, Function<T, Object> wire) {
        return new FieldSpec<>(name, false, wire);
    }
}
