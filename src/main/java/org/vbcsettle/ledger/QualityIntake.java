package org.vbcsettle.ledger;

import org.vbcsettle.contract.Arrangement;
import org.vbcsettle.contract.QualityIncentive;
import org.vbcsettle.settlement.QualityEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Quality events as {@link BatchIntake} takes them in: each names a measure of the contract's terms. A
 * recorded event never changes (a corrected status is a new event). New events may make measures met.
 */
final class QualityIntake {

    private static final RecordKind.Words WORDS = new RecordKind.Words("quality events", "qualityEvent",
            "the event's stable id", "quality event");

    private QualityIntake() {
    }

    static RecordKind<QualityEvent, QualityEvent> kind(ContractState state) {
        Set<String> measures = measures(state);
        return new RecordKind<>(WORDS, QualityEvent::id, ClaimValidation::qualityFields, q -> q, state::qualityEvent,
                ResentRecords::quality, q -> "a recorded event is never changed: send the corrected status as an event with a new id",
                (i, q, accepted) -> measures.contains(q.measureId()) ? null
                        : new RecordError(i, q.id(), "measureId", "'" + q.measureId() + "' is not a measure of contract "
                        + state.contractId() + " (measures: " + measures + ")"),
                q -> { }, ContractEvent.QualityEventsRecorded::new,
                accepted -> advances(state, accepted));
    }

    private static Set<String> measures(ContractState state) {
        Set<String> measures = new TreeSet<>();
        for (Arrangement a : state.currentContract().arrangements()) {
            if (a instanceof QualityIncentive qi) {
                qi.measures().forEach(m -> measures.add(m.id()));
            }
        }
        return measures;
    }

    private static BenchmarkAdvances.Advances advances(ContractState state, Map<String, QualityEvent> accepted) {
        List<QualityEvent> after = new ArrayList<>(state.qualityEventRecords());
        after.addAll(accepted.values());
        return BenchmarkAdvances.forQuality(state, state.attributionRecords(), after);
    }
}
