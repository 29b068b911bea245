package org.vbcsettle.ledger;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One kind of input record as {@link BatchIntake} takes it in: its words, its checks, how it is stored and
 * what an accepted batch of it records. One instance serves one batch (it may keep what the batch did).
 *
 * @param words        how messages name the kind
 * @param id           the record's stable id
 * @param fields       the first field problem of a record (index, record), or null
 * @param stored       the stored form of a record whose fields passed
 * @param recorded     the record the ledger already holds under an id, or null
 * @param differences  the fields in which a resent record differs from the stored one
 * @param changeAdvice what to send instead of changing a recorded record
 * @param references   a problem with what the record refers to (the record it replaces, its measure), or null
 * @param accepted     told of each record accepted, in order
 * @param event        the event of the batch's accepted records (never empty)
 * @param advances     payouts for the benchmarks the accepted records made met
 * @param <R>          the record as sent
 * @param <S>          the record as the ledger stores it
 */
record RecordKind<R, S>(Words words, Function<R, String> id, BiFunction<Integer, R, RecordError> fields,
                        Function<R, S> stored, Function<String, S> recorded,
                        BiFunction<S, S, ResentRecords.Differences> differences, Function<R, String> changeAdvice,
                        References<R, S> references, Consumer<R> accepted, Function<List<S>, ContractEvent> event,
                        Function<Map<String, S>, BenchmarkAdvances.Advances> advances) {

    /**
     * @param batchNoun   e.g. {@code claims}, as in "batch of 20001 claims is larger than the limit"
     * @param recordField the field named when a record is missing altogether, e.g. {@code claim}
     * @param idMeaning   what the id is, e.g. {@code the claim's stable id}
     * @param label       e.g. {@code claim}, as in "claim 'X5' was already recorded with different content"
     */
    record Words(String batchNoun, String recordField, String idMeaning, String label) {
    }

    interface References<R, S> {
        RecordError check(int index, R record, Map<String, S> acceptedSoFar);
    }
}
