package org.vbcsettle.ingest.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Resource;
import org.vbcsettle.contract.Contract;
import org.vbcsettle.contract.Mappers;
import org.vbcsettle.ingest.Checked;
import org.vbcsettle.ingest.RecordReader;
import org.vbcsettle.ingest.RecordRules;
import org.vbcsettle.ingest.Violation;
import org.vbcsettle.settlement.Attribution;
import org.vbcsettle.settlement.Claim;
import org.vbcsettle.settlement.QualityEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads FHIR R4 resources sent to a contract, a Bundle ({@code application/fhir+json}) or bulk-data NDJSON
 * (the {@code $export} form, one resource per line), and turns the ones that carry our records into claims
 * ({@link EobClaims}), member-months ({@link AtrAttribution}) and quality events ({@link DeqmQualityEvents}).
 * Every record is checked by the one set of record rules of its kind, against the contract; a broken rule
 * comes back with the rule's own message, naming the resource ({@code ExplanationOfBenefit/eob-17}) and
 * the element the value came from ({@code .billablePeriod.start}).
 *
 * <p>Each resource is parsed alone (HAPI FHIR), so that one malformed resource is named and the others are
 * still checked; resources that others refer to (Patient, Organization) are indexed first.
 */
public final class FhirIntake {

    /** How the body is framed. */
    public enum Form {
        /** One JSON resource: a Bundle (its entries are read) or a single resource. */
        BUNDLE,
        /** One resource per line. */
        NDJSON
    }

    private FhirIntake() {
    }

    public static FhirBatch read(String body, Form form, Contract contract) {
        RecordRules rules = RecordRules.forContract(contract);
        List<FhirProblem> problems = new ArrayList<>();
        List<Entry> entries = form == Form.NDJSON ? lines(body, problems) : bundle(body, problems);
        IParser parser = Fhir.jsonParser();
        References refs = new References();
        List<Resource> parsed = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Entry e : entries) {
            String label = label(e);
            try {
                Resource r = (Resource) parser.parseResource(Mappers.json().writeValueAsString(e.node));
                refs.index(r);
                parsed.add(r);
                labels.add(label);
            } catch (DataFormatException | ClassCastException | JsonProcessingException ex) {
                problems.add(new FhirProblem(label, ".", "not a valid FHIR R4 resource: " + hapiMessage(ex)));
            } catch (RuntimeException ex) {
                // the parser fails on some shapes it does not foresee (an element named "" ends in an index
                // out of range): the resource is as unreadable as one it refuses, and named the same way
                problems.add(new FhirProblem(label, ".", "not a valid FHIR R4 resource: the FHIR parser cannot read it"
                        + (emptyName(e.node) ? " (an element has an empty name)" : "")));
            }
        }
        List<Claim> claims = new ArrayList<>();
        List<Attribution> attribution = new ArrayList<>();
        List<QualityEvent> quality = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (int i = 0; i < parsed.size(); i++) {
            Resource r = parsed.get(i);
            String label = labels.get(i);
            counts.merge(r.fhirType(), 1, Integer::sum);
            if (r instanceof ExplanationOfBenefit eob) {
                check(List.of(EobClaims.map(eob, label, refs)), rules, claims, problems);
            } else if (r instanceof Group g) {
                check(AtrAttribution.map(g, label, refs, contract), rules, attribution, problems);
            } else if (r instanceof MeasureReport mr) {
                check(DeqmQualityEvents.map(mr, label, refs), rules, quality, problems);
            } else {
                skipped.merge(r.fhirType(), 1, Integer::sum);
            }
        }
        return new FhirBatch(claims, attribution, quality, dedupe(problems), counts, skipped);
    }

    private static <T> void check(List<Mapped<T>> mapped, RecordRules rules, List<T> out, List<FhirProblem> problems) {
        for (Mapped<T> m : mapped) {
            Checked<T> c = m.type.read(m.fields, rules);
            for (Violation v : c.violations()) {
                problems.add(new FhirProblem(m.resource, m.path(v.field()), v.message()));
            }
            problems.addAll(m.problems);
            if (c.ok() && m.problems.isEmpty()) {
                out.add(c.value());
            }
        }
    }

    /** A member with twelve bad months is one problem, not twelve. */
    private static List<FhirProblem> dedupe(List<FhirProblem> problems) {
        Set<FhirProblem> seen = new LinkedHashSet<>(problems);
        return List.copyOf(seen);
    }

    private record Entry(String position, JsonNode node) {
    }

    private static String label(Entry e) {
        JsonNode type = e.node.get("resourceType");
        JsonNode id = e.node.get("id");
        if (type != null && type.isTextual() && id != null && id.isTextual() && !id.asText().isBlank()) {
            return type.asText() + "/" + id.asText();
        }
        return (type != null && type.isTextual() ? type.asText() + " " : "") + e.position;
    }

    private static List<Entry> bundle(String body, List<FhirProblem> problems) {
        JsonNode root;
        try {
            root = Mappers.json().readTree(body);
        } catch (JsonProcessingException e) {
            problems.add(new FhirProblem("body", ".", RecordReader.notJson(e)));
            return List.of();
        }
        if (root == null || !root.isObject() || !root.path("resourceType").isTextual()) {
            problems.add(new FhirProblem("body", ".", "must be one FHIR resource (a Bundle) with a resourceType"));
            return List.of();
        }
        if (!root.path("resourceType").asText().equals("Bundle")) {
            return List.of(new Entry("body", root));
        }
        List<Entry> out = new ArrayList<>();
        JsonNode entries = root.path("entry");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode res = entries.get(i).get("resource");
            if (res == null || !res.isObject()) {
                problems.add(new FhirProblem("Bundle entry[" + i + "]", ".resource", "is required"));
            } else {
                out.add(new Entry("entry[" + i + "]", res));
            }
        }
        return out;
    }

    private static List<Entry> lines(String body, List<FhirProblem> problems) {
        List<Entry> out = new ArrayList<>();
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String text = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (text.isBlank()) {
                continue;
            }
            String position = "line " + (i + 1);
            try {
                JsonNode n = Mappers.json().readTree(text);
                if (n == null || !n.isObject()) {
                    problems.add(new FhirProblem(position, ".", "must be one FHIR resource (a JSON object)"));
                } else {
                    out.add(new Entry(position, n));
                }
            } catch (JsonProcessingException e) {
                problems.add(new FhirProblem(position, ".", RecordReader.notJson(e)));
            }
        }
        return out;
    }

    private static boolean emptyName(JsonNode n) {
        if (n.isObject()) {
            for (var it = n.fields(); it.hasNext(); ) {
                var f = it.next();
                if (f.getKey().isEmpty() || emptyName(f.getValue())) {
                    return true;
                }
            }
        } else if (n.isArray()) {
            for (JsonNode c : n) {
                if (emptyName(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String hapiMessage(Exception e) {
        String m = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        return m.replaceFirst("^HAPI-\\d+: ", "");
    }

    /** The counts for a reply: resources by type, records by kind. */
    public static Map<String, Object> summary(FhirBatch b) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("resources", b.resources());
        s.put("skipped", b.skipped());
        s.put("claims", b.claims().size());
        s.put("attribution", b.attribution().size());
        s.put("qualityEvents", b.qualityEvents().size());
        return s;
    }
}
