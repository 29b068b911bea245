package org.vbcsettle.ingest.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.vbcsettle.ingest.ClaimFormat;
import org.vbcsettle.settlement.Claim;

import java.util.List;
import java.util.Locale;

import static org.vbcsettle.ingest.fhir.References.code;
import static org.vbcsettle.ingest.fhir.References.date;
import static org.vbcsettle.ingest.fhir.References.raw;

/**
 * CARIN Blue Button {@code ExplanationOfBenefit} → one claim, field by field, as raw values for the claim
 * record rules ({@link ClaimFormat}):
 * <ul>
 * <li>id: the identifier of type {@code uc} (unique claim id), else the first identifier;</li>
 * <li>memberId: {@code patient}; type: {@code type}: institutional claims are snf, home-health or hospice
 *     by their NUBC type of bill, else inpatient / outpatient by {@code subType} or the profile;
 *     professional; pharmacy (CARIN has no DME profile);</li>
 * <li>serviceFrom / serviceThrough: {@code billablePeriod}; paidDate: {@code payment.date};</li>
 * <li>paidAmount: the {@code total} of category {@code paidtoprovider} (C4BBAdjudication), else
 *     {@code payment.amount}; allowedAmount: the {@code total} of category {@code eligible};</li>
 * <li>drg: the {@code supportingInfo} of category {@code drg}; hcpcs: each item's {@code productOrService}
 *     coded in HCPCS or CPT; diagnoses: each {@code diagnosis} code; billingProvider: the provider's NPI;</li>
 * <li>a {@code related} claim with relationship {@code prior} makes it a replacement (frequency 7) of that
 *     claim; status {@code entered-in-error} makes it a void (8) of the related claim, or of its own
 *     identifier when none is related (id {@code <identifier>-void}, paid $0 unless it says otherwise).</li>
 * </ul>
 * Money is dollars in FHIR: {@code 12.50} is read as {@code "$12.50"}, so a third decimal is refused as a
 * fraction of a cent, by the same rule as CSV.
 */
final class EobClaims {
    static final String CARIN_ADJUDICATION = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication";
    static final String HL7_ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication";
    static final String CARIN_SUPPORTING_INFO = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBSupportingInfoType";
    static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";

    private EobClaims() {
    }

    static Mapped<Claim> map(ExplanationOfBenefit eob, String resource, References refs) {
        Mapped<Claim> m = new Mapped<>(ClaimFormat.INSTANCE, resource);
        String identifier = claimIdentifier(eob.getIdentifier());
        boolean voided = eob.getStatus() == ExplanationOfBenefit.ExplanationOfBenefitStatus.ENTEREDINERROR;
        int prior = priorClaim(eob);
        String replaces = prior < 0 ? null : relatedId(eob.getRelated().get(prior));
        String replacesPath = prior < 0 ? ".status" : ".related[" + prior + "].claim";
        if (voided) {
            boolean ownIdentifier = replaces == null;
            m.put("id", ownIdentifier && identifier != null ? identifier + "-void" : identifier, ".identifier");
            m.put("frequency", "8", ".status");
            m.put("replacesClaimId", ownIdentifier ? identifier : replaces, replacesPath);
        } else {
            m.put("id", identifier, ".identifier");
            if (replaces != null) {
                m.put("frequency", "7", ".related[" + prior + "].relationship");
                m.put("replacesClaimId", replaces, replacesPath);
            }
        }
        m.put("memberId", refs.member(eob.getPatient()), ".patient");
        String type = claimType(eob);
        boolean bySubType = "institutional".equals(code(eob.getType(), null)) && eob.hasSubType();
        m.put("type", type, bySubType ? ".subType" : ".type");
        m.put("serviceFrom", date(eob.getBillablePeriod().getStartElement()), ".billablePeriod.start");
        m.put("serviceThrough", date(eob.getBillablePeriod().getEndElement()), ".billablePeriod.end");
        m.put("paidDate", date(eob.getPayment().getDateElement()), ".payment.date");
        int paid = total(eob, CARIN_ADJUDICATION, "paidtoprovider");
        if (paid >= 0) {
            amount(m, "paidAmount", eob.getTotal().get(paid).getAmount(), ".total[" + paid + "].amount");
        } else if (eob.getPayment().hasAmount()) {
            amount(m, "paidAmount", eob.getPayment().getAmount(), ".payment.amount");
        } else {
            m.put("paidAmount", voided ? "0" : null, ".total(paidtoprovider).amount");
        }
        int allowed = total(eob, HL7_ADJUDICATION, "eligible");
        if (allowed >= 0) {
            amount(m, "allowedAmount", eob.getTotal().get(allowed).getAmount(), ".total[" + allowed + "].amount");
        }
        for (int i = 0; i < eob.getSupportingInfo().size(); i++) {
            var si = eob.getSupportingInfo().get(i);
            String category = code(si.getCategory(), CARIN_SUPPORTING_INFO);
            if ("drg".equals(category) || "ms-drg".equals(category)) {
                m.put("drg", code(si.getCode(), null), ".supportingInfo[" + i + "].code");
            }
        }
        for (int i = 0; i < eob.getItem().size(); i++) {
            for (Coding c : eob.getItem().get(i).getProductOrService().getCoding()) {
                if (isHcpcs(c.getSystem())) {
                    m.add("hcpcs", c.getCode(), ".item[" + i + "].productOrService");
                }
            }
        }
        for (int i = 0; i < eob.getDiagnosis().size(); i++) {
            var d = eob.getDiagnosis().get(i);
            if (d.hasDiagnosisCodeableConcept()) {
                m.add("diagnoses", code(d.getDiagnosisCodeableConcept(), null), ".diagnosis[" + i + "].diagnosisCodeableConcept");
            }
        }
        m.put("billingProvider", refs.npi(eob.getProvider()), ".provider");
        return m;
    }

    private static String claimIdentifier(List<Identifier> ids) {
        String uc = References.byType(ids, "uc");
        if (uc != null) {
            return uc;
        }
        return ids.isEmpty() ? null : ids.get(0).getValue();
    }

    /** The related entry naming the claim this one replaces ({@code prior}), or -1. */
    private static int priorClaim(ExplanationOfBenefit eob) {
        for (int i = 0; i < eob.getRelated().size(); i++) {
            String rel = code(eob.getRelated().get(i).getRelationship(), null);
            if ("prior".equals(rel) || "replaces".equals(rel)) {
                return i;
            }
        }
        return -1;
    }

    private static String relatedId(ExplanationOfBenefit.RelatedClaimComponent r) {
        if (r.hasReference() && r.getReference().hasValue()) {
            return r.getReference().getValue();
        }
        if (r.getClaim().hasIdentifier()) {
            return r.getClaim().getIdentifier().getValue();
        }
        return References.idPart(r.getClaim());
    }

    /** Our claim type code, or the code that was sent (the claim rules say which are known). */
    private static String claimType(ExplanationOfBenefit eob) {
        String type = code(eob.getType(), null);
        if (!"institutional".equals(type)) {
            return type;
        }
        String billType = typeOfBill(eob);
        if (billType != null) {
            return billType;
        }
        String sub = code(eob.getSubType(), null);
        if (sub != null) {
            return sub.toLowerCase(Locale.ROOT);
        }
        for (var profile : eob.getMeta().getProfile()) {
            String p = profile.getValue();
            if (p != null && p.contains("Inpatient-Institutional")) {
                return "inpatient";
            }
            if (p != null && p.contains("Outpatient-Institutional")) {
                return "outpatient";
            }
        }
        return type;
    }

    /**
     * SNF, home health and hospice claims are institutional claims told apart by the NUBC type of bill
     * (CARIN {@code supportingInfo[typeofbill]}): 21x/22x skilled nursing, 32x-34x home health, 81x/82x hospice.
     */
    private static String typeOfBill(ExplanationOfBenefit eob) {
        for (var si : eob.getSupportingInfo()) {
            if ("typeofbill".equals(code(si.getCategory(), CARIN_SUPPORTING_INFO))) {
                String tob = code(si.getCode(), null);
                if (tob == null) {
                    return null;
                }
                String t = tob.startsWith("0") ? tob.substring(1) : tob;
                if (t.startsWith("21") || t.startsWith("22")) {
                    return "snf";
                }
                if (t.startsWith("32") || t.startsWith("33") || t.startsWith("34")) {
                    return "home-health";
                }
                if (t.startsWith("81") || t.startsWith("82")) {
                    return "hospice";
                }
            }
        }
        return null;
    }

    private static int total(ExplanationOfBenefit eob, String system, String category) {
        for (int i = 0; i < eob.getTotal().size(); i++) {
            CodeableConcept c = eob.getTotal().get(i).getCategory();
            String code = code(c, system);
            if (category.equals(code) || (code == null && category.equals(code(c, null)))) {
                return i;
            }
        }
        return -1;
    }

    /** A FHIR Money (dollars) as the raw amount the claim rules read: {@code "$12.50"}, {@code "-$3"}. */
    static void amount(Mapped<?> m, String field, Money money, String path) {
        String v = raw(money.getValueElement());
        if (v != null && money.hasCurrency() && !"USD".equals(money.getCurrency())) {
            m.problem(path + ".currency", "must be USD, was " + money.getCurrency());
        }
        m.put(field, v == null ? null : v.startsWith("-") ? "-$" + v.substring(1) : "$" + v, path + ".value");
    }

    private static boolean isHcpcs(String system) {
        if (system == null) {
            return false;
        }
        String s = system.toLowerCase(Locale.ROOT);
        return s.contains("hcpcs") || s.endsWith("/cpt") || s.equals("urn:oid:2.16.840.1.113883.6.285")
                || s.equals("urn:oid:2.16.840.1.113883.6.12");
    }
}
