package org.vbcsettle.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The reply to a batch of input records: how many were new and accepted, how many were resent ids (a
 * no-op), and how many were rejected, with the error of each rejected record; and the payouts that the
 * new records triggered (a benchmark met); and {@code notes}: why a benchmark the batch met paid no advance
 * now (its projection could not be computed), so that a client is never left with a silent $0.
 */
public record BatchResult(long accepted, long duplicate, long rejected, List<RecordError> errors,
                          List<PayoutView> payoutsTriggered, List<String> notes) {

    public static final BatchResult EMPTY = new BatchResult(0, 0, 0, List.of(), List.of(), List.of());

    /** At most this many errors are listed in one reply; {@code rejected} still counts them all. */
    public static final int MAX_ERRORS_LISTED = 1_000;

    public BatchResult {
        errors = List.copyOf(errors);
        payoutsTriggered = payoutsTriggered == null ? List.of() : List.copyOf(payoutsTriggered);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public BatchResult(long accepted, long duplicate, long rejected, List<RecordError> errors) {
        this(accepted, duplicate, rejected, errors, List.of(), List.of());
    }

    public static BatchResult rejectedOnly(List<RecordError> errors) {
        return new BatchResult(0, 0, errors.size(), errors);
    }

    public BatchResult plus(BatchResult o) {
        List<RecordError> all = new ArrayList<>(errors);
        for (RecordError e : o.errors) {
            if (all.size() >= MAX_ERRORS_LISTED) {
                break;
            }
            all.add(e);
        }
        List<PayoutView> payouts = new ArrayList<>(payoutsTriggered);
        payouts.addAll(o.payoutsTriggered);
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.addAll(o.notes);
        return new BatchResult(accepted + o.accepted, duplicate + o.duplicate, rejected + o.rejected, all, payouts, allNotes);
    }
}
