package org.vbcsettle.ingest.fhir;

import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;

import java.util.List;
import java.util.Map;

/**
 * What one FHIR upload holds once every resource has been read and checked: the records it maps to, and
 * every problem found. A batch with problems is refused as a whole (nothing of it is stored), as a JSON
 * batch is.
 *
 * @param resources resources read, by type ({@code ExplanationOfBenefit: 12})
 * @param skipped   resources of types that carry no claims, attribution or quality (Patient, Coverage, ...),
 *                  by type; Patients and Organizations still serve to resolve member ids and NPIs
 */
public record FhirBatch(List<Claim> claims, List<Attribution> attribution, List<QualityEvent> qualityEvents,
                        List<FhirProblem> problems, Map<String, Integer> resources, Map<String, Integer> skipped) {
    public FhirBatch {
        claims = List.copyOf(claims);
        attribution = List.copyOf(attribution);
        qualityEvents = List.copyOf(qualityEvents);
        problems = List.copyOf(problems);
        resources = Map.copyOf(resources);
        skipped = Map.copyOf(skipped);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public int records() {
        return claims.size() + attribution.size() + qualityEvents.size();
    }
}
