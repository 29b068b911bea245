package org.vbcsettle.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Takes in one batch of claims, attribution records or quality events: each record is checked in order
 * and is accepted, a duplicate (its id already recorded with the same content, in the ledger or earlier in
 * the batch) or rejected with the field that is wrong. The accepted records become one event, persisted
 * together with the payouts they trigger.
 */
final class BatchIntake {

    /** Largest batch of records one command may carry (bounds event size and reply time). */
    static final int MAX_BATCH = 20_000;

    private BatchIntake() {
    }

    static <R, S> ContractDecider.Decision take(List<R> records, RecordKind<R, S> kind) {
        int n = records == null ? 0 : records.size();
        if (n > MAX_BATCH) {
            return ContractDecider.Decision.reply(LedgerReplies.BatchResult.refused(n, LedgerReplies.Refusal.invalid(
                    "batch of " + n + " " + kind.words().batchNoun() + " is larger than the limit of " + MAX_BATCH)));
        }
        LinkedHashMap<String, S> accepted = new LinkedHashMap<>();
        List<RecordError> errors = new ArrayList<>();
        int duplicate = 0;
        for (int i = 0; i < n; i++) {
            R r = records.get(i);
            String id = r == null ? null : kind.id().apply(r);
            if (r == null || ClaimValidation.blank(id)) {
                errors.add(r == null ? new RecordError(i, null, kind.words().recordField(), "is missing")
                        : new RecordError(i, id, "id", "is required (" + kind.words().idMeaning() + ")"));
                continue;
            }
            RecordError e = kind.fields().apply(i, r);
            S sent = e == null ? kind.stored().apply(r) : null;
            S known = accepted.containsKey(id) ? accepted.get(id) : kind.recorded().apply(id);
            if (known != null) {
                // a resend counts as duplicate only if it says the same thing; a field error is reported as such
                ResentRecords.Differences d = e == null ? kind.differences().apply(known, sent) : null;
                if (d != null && d.none()) {
                    duplicate++;
                } else {
                    errors.add(e != null ? e : changed(i, id, r, kind, d));
                }
                continue;
            }
            e = e != null ? e : kind.references().check(i, r, accepted);
            if (e != null) {
                errors.add(e);
                continue;
            }
            kind.accepted().accept(r);
            accepted.put(id, sent);
        }
        return decision(kind, accepted, duplicate, errors);
    }

    private static <R, S> RecordError changed(int i, String id, R r, RecordKind<R, S> kind, ResentRecords.Differences d) {
        return new RecordError(i, id, d.firstField(), kind.words().label() + " '" + id
                + "' was already recorded with different content (" + d.text() + "); " + kind.changeAdvice().apply(r));
    }

    private static <R, S> ContractDecider.Decision decision(RecordKind<R, S> kind, LinkedHashMap<String, S> accepted,
                                                           int duplicate, List<RecordError> errors) {
        List<ContractEvent> events = new ArrayList<>();
        BenchmarkAdvances.Advances advances = BenchmarkAdvances.Advances.NONE;
        if (!accepted.isEmpty()) {
            events.add(kind.event().apply(new ArrayList<>(accepted.values())));
            advances = kind.advances().apply(accepted);
            advances.addEventsTo(events);
        }
        return new ContractDecider.Decision(events, new LedgerReplies.BatchResult(accepted.size(), duplicate, errors.size(),
                errors, advances.payouts(), null, advances.notes()));
    }
}
