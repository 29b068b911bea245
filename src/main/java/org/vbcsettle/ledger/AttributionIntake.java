package org.vbcsettle.ledger;

import org.vbcsettle.settlement.Attribution;

import java.util.ArrayList;
import java.util.List;

/**
 * Attribution records as {@link BatchIntake} takes them in. A retroactive change is a new record naming the
 * one it replaces ({@code replacesId}), which must be known. New member-months may make quality measures met.
 */
final class AttributionIntake {

    private static final RecordKind.Words WORDS = new RecordKind.Words("attribution records", "attribution",
            "the record's stable id", "attribution record");

    private AttributionIntake() {
    }

    static RecordKind<Attribution, Attribution> kind(ContractState state) {
        return new RecordKind<>(WORDS, Attribution::id, ClaimValidation::attributionFields, a -> a, state::attribution,
                ResentRecords::attribution, a -> "send a new record with replacesId naming it",
                (i, a, accepted) -> a.replacesId() != null && state.attribution(a.replacesId()) == null
                        && !accepted.containsKey(a.replacesId())
                        ? new RecordError(i, a.id(), "replacesId", "names unknown attribution record '" + a.replacesId() + "'")
                        : null,
                a -> { }, ContractEvent.MembersAttributed::new,
                accepted -> {
                    List<Attribution> after = new ArrayList<>(state.attributionRecords());
                    after.addAll(accepted.values());
                    return BenchmarkAdvances.forQuality(state, after, state.qualityEventRecords());
                });
    }
}
