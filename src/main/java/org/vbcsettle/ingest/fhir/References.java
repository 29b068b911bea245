package org.vbcsettle.ingest.fhir;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The resources of one upload that others point at (Patient, Organization, Practitioner), by
 * {@code Type/id}, and the ids our records use for them: a member is the Patient's member identifier
 * (CARIN BB / ATR: identifier type {@code MB}) when the Patient came along, else the reference's logical
 * identifier, else the id in the reference ({@code Patient/M-1} → {@code M-1}); a provider is its NPI.
 */
final class References {
    static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
    static final String NPI = "http://hl7.org/fhir/sid/us-npi";

    private final Map<String, Resource> byRef = new HashMap<>();

    void index(Resource r) {
        if (r.getIdElement().hasIdPart()) {
            byRef.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
        }
    }

    String member(Reference ref) {
        if (ref == null || ref.isEmpty()) {
            return null;
        }
        Resource r = resolve(ref);
        if (r instanceof Patient p) {
            String mb = byType(p.getIdentifier(), "MB");
            if (mb != null) {
                return mb;
            }
        }
        if (ref.hasIdentifier() && ref.getIdentifier().hasValue()) {
            return ref.getIdentifier().getValue();
        }
        return idPart(ref);
    }

    String npi(Reference ref) {
        if (ref == null || ref.isEmpty()) {
            return null;
        }
        if (ref.hasIdentifier() && NPI.equals(ref.getIdentifier().getSystem())) {
            return ref.getIdentifier().getValue();
        }
        Resource r = resolve(ref);
        List<Identifier> ids = r instanceof Organization o ? o.getIdentifier() : r instanceof Practitioner p ? p.getIdentifier() : List.of();
        for (Identifier i : ids) {
            if (NPI.equals(i.getSystem()) || "NPI".equals(code(i.getType(), V2_0203))) {
                return i.getValue();
            }
        }
        return null;
    }

    private Resource resolve(Reference ref) {
        if (ref.getResource() instanceof Resource contained) {
            return contained;
        }
        return ref.hasReference() ? byRef.get(stripBase(ref.getReference())) : null;
    }

    static String idPart(Reference ref) {
        if (!ref.hasReference()) {
            return null;
        }
        String s = stripBase(ref.getReference());
        int slash = s.indexOf('/');
        return slash < 0 ? s : s.substring(slash + 1);
    }

    /** {@code https://server/fhir/Patient/1/_history/2} → {@code Patient/1}. */
    private static String stripBase(String reference) {
        String s = reference;
        int history = s.indexOf("/_history/");
        if (history >= 0) {
            s = s.substring(0, history);
        }
        String[] parts = s.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] + "/" + parts[parts.length - 1] : s;
    }

    static String byType(List<Identifier> ids, String typeCode) {
        for (Identifier i : ids) {
            for (Coding c : i.getType().getCoding()) {
                if (typeCode.equals(c.getCode())) {
                    return i.getValue();
                }
            }
        }
        return null;
    }

    /** The code of the concept's coding in {@code system} (null system: any), or null. */
    static String code(CodeableConcept cc, String system) {
        if (cc == null) {
            return null;
        }
        for (Coding c : cc.getCoding()) {
            if (system == null || system.equals(c.getSystem())) {
                return c.getCode();
            }
        }
        return null;
    }

    /** A primitive as the text that was sent (an invalid value too); null when absent. */
    static String raw(PrimitiveType<?> p) {
        return p == null || p.isEmpty() ? null : p.getValueAsString();
    }

    /** A FHIR date or dateTime as the calendar date it starts with; other text unchanged (the rules judge it). */
    static String date(PrimitiveType<?> p) {
        String v = raw(p);
        return v != null && v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v;
    }
}
