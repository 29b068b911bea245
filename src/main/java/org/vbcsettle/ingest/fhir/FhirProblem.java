package org.vbcsettle.ingest.fhir;

/**
 * One thing wrong with one FHIR resource: the resource ({@code ExplanationOfBenefit/eob-17}, or its place in
 * the body when it has no id), the element path ({@code .billablePeriod.start}; {@code .} for the resource
 * as a whole) and what is wrong, in the record rules' words where a rule is broken.
 */
public record FhirProblem(String resource, String path, String message) {
    @Override
    public String toString() {
        return resource + " " + path + ": " + message;
    }
}
