#!/usr/bin/env python3
"""Writes the FHIR R4 form of the example dataset (../claims.csv, ../members.csv, ../quality.ndjson) as bulk
NDJSON, the form a payer's $export produces: CARIN BB ExplanationOfBenefit, Da Vinci ATR Group, DEQM
individual MeasureReport, and the Patients they point at. Deterministic: run it again and nothing changes.

Also writes claims-carin.csv: the claims of ../claims.csv that CARIN BB can carry (all but DME, which has no
CARIN profile), the CSV twin of ExplanationOfBenefit.ndjson; the tests import both and compare totals.
"""
import csv
import json
import os
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
EX = os.path.dirname(HERE)
CARIN = "http://hl7.org/fhir/us/carin-bb"
PROFILE = {
    "inpatient": CARIN + "/StructureDefinition/C4BB-ExplanationOfBenefit-Inpatient-Institutional",
    "snf": CARIN + "/StructureDefinition/C4BB-ExplanationOfBenefit-Inpatient-Institutional",
    "hospice": CARIN + "/StructureDefinition/C4BB-ExplanationOfBenefit-Inpatient-Institutional",
    "outpatient": CARIN + "/StructureDefinition/C4BB-ExplanationOfBenefit-Outpatient-Institutional",
    "home-health": CARIN + "/StructureDefinition/C4BB-ExplanationOfBenefit-Outpatient-Institutional",
    "professional": CARIN + "/StructureDefinition/C4BB-ExplanationOfBenefit-Professional-NonClinician",
    "pharmacy": CARIN + "/StructureDefinition/C4BB-ExplanationOfBenefit-Pharmacy",
}
# NUBC type of bill of the institutional claims that are neither hospital inpatient nor outpatient
TYPE_OF_BILL = {"snf": "0211", "home-health": "0321", "hospice": "0811", "inpatient": "0111", "outpatient": "0131"}


def dollars(cents):
    return round(int(cents) / 100, 2) if int(cents) % 100 else int(cents) // 100


def coding(system, code):
    return {"coding": [{"system": system, "code": code}]}


def eob(c):
    t = c["type"]
    institutional = t in ("inpatient", "outpatient", "snf", "home-health", "hospice")
    r = {
        "resourceType": "ExplanationOfBenefit",
        "id": "eob-" + c["id"],
        "meta": {"profile": [PROFILE[t]]},
        "identifier": [{"type": coding(CARIN + "/CodeSystem/C4BBIdentifierType", "uc"),
                        "system": "https://example.org/claims", "value": c["id"]}],
        "status": "active",
        "type": coding("http://terminology.hl7.org/CodeSystem/claim-type", "institutional" if institutional else t),
        "use": "claim",
        "patient": {"reference": "Patient/" + c["memberId"]},
        "billablePeriod": {"start": c["serviceFrom"], "end": c["serviceThrough"] or c["serviceFrom"]},
        "created": c["paidDate"] + "T00:00:00Z",
        "insurer": {"display": "Example payer"},
        "provider": {"identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": c["billingProvider"]}},
        "outcome": "complete",
        "insurance": [{"focal": True, "coverage": {"display": "Medicare Advantage"}}],
        "total": [
            {"category": coding(CARIN + "/CodeSystem/C4BBAdjudication", "paidtoprovider"),
             "amount": {"value": dollars(c["paidAmount"]), "currency": "USD"}},
            {"category": coding("http://terminology.hl7.org/CodeSystem/adjudication", "eligible"),
             "amount": {"value": dollars(c["allowedAmount"] or c["paidAmount"]), "currency": "USD"}},
        ],
        "payment": {"date": c["paidDate"]},
    }
    if institutional:
        r["subType"] = coding(CARIN + "/CodeSystem/C4BBInstitutionalClaimSubType",
                              "inpatient" if PROFILE[t].endswith("Inpatient-Institutional") else "outpatient")
    info = []
    if institutional:
        info.append({"sequence": len(info) + 1, "category": coding(CARIN + "/CodeSystem/C4BBSupportingInfoType", "typeofbill"),
                     "code": coding("https://www.nubc.org/CodeSystem/TypeOfBill", TYPE_OF_BILL[t])})
    if c["drg"]:
        info.append({"sequence": len(info) + 1, "category": coding(CARIN + "/CodeSystem/C4BBSupportingInfoType", "drg"),
                     "code": coding("https://www.cms.gov/Medicare/Medicare-Fee-for-Service-Payment/AcuteInpatientPPS/MS-DRG-Classifications-and-Software", c["drg"])})
    if info:
        r["supportingInfo"] = info
    if c["diagnoses"]:
        r["diagnosis"] = [{"sequence": i + 1, "diagnosisCodeableConcept": coding("http://hl7.org/fhir/sid/icd-10-cm", d)}
                          for i, d in enumerate(c["diagnoses"].split(";"))]
    if c["hcpcs"]:
        r["item"] = [{"sequence": i + 1, "productOrService": coding("https://bluebutton.cms.gov/resources/codesystem/hcpcs", h)}
                     for i, h in enumerate(c["hcpcs"].split(";"))]
    if c["frequency"] in ("7", "8"):
        r["related"] = [{"claim": {"identifier": {"system": "https://example.org/claims", "value": c["replacesClaimId"]}},
                         "relationship": coding("http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship", "prior")}]
    if c["frequency"] == "8":
        r["status"] = "entered-in-error"
    return r


def main():
    with open(os.path.join(EX, "claims.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0].keys())
    kept = {}
    for c in rows:
        if c["type"] == "dme" or (c["replacesClaimId"] and c["replacesClaimId"] not in kept):
            continue
        kept[c["id"]] = c
    with open(os.path.join(HERE, "claims-carin.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(kept.values())
    with open(os.path.join(HERE, "ExplanationOfBenefit.ndjson"), "w") as f:
        for c in kept.values():
            f.write(json.dumps(eob(c), separators=(",", ":")) + "\n")

    months = defaultdict(list)
    with open(os.path.join(EX, "members.csv"), newline="") as f:
        for a in csv.DictReader(f):
            if a["active"] == "true":
                months[a["memberId"]].append(a["month"])
    members = []
    for m in sorted(months):
        ms = sorted(set(months[m]))
        run = [ms[0]]
        for x in ms[1:] + [None]:
            y, mo = map(int, run[-1].split("-"))
            nxt = "%04d-%02d" % (y + (mo == 12), 1 if mo == 12 else mo + 1)
            if x == nxt:
                run.append(x)
                continue
            ey, em = map(int, run[-1].split("-"))
            last = [31, 29 if ey % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][em - 1]
            members.append({"extension": [{"url": "http://hl7.org/fhir/us/davinci-atr/StructureDefinition/ext-changeType", "valueCode": "new"}],
                            "entity": {"reference": "Patient/" + m},
                            "period": {"start": run[0] + "-01", "end": "%s-%02d" % (run[-1], last)},
                            "inactive": False})
            run = [x] if x else []
    group = {"resourceType": "Group", "id": "atr-example-2024",
             "meta": {"profile": ["http://hl7.org/fhir/us/davinci-atr/StructureDefinition/atr-group"]},
             "identifier": [{"system": "https://example.org/atr", "value": "atr-example-2024"}],
             "active": True, "type": "person", "actual": True, "name": "Example attribution list 2024",
             "quantity": len(months), "member": members}
    with open(os.path.join(HERE, "Group.ndjson"), "w") as f:
        f.write(json.dumps(group, separators=(",", ":")) + "\n")
    with open(os.path.join(HERE, "Patient.ndjson"), "w") as f:
        for m in sorted(months):
            f.write(json.dumps({"resourceType": "Patient", "id": m, "identifier": [
                {"type": coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MB"), "system": "https://example.org/members", "value": m}],
                "active": True}, separators=(",", ":")) + "\n")

    pops = defaultdict(set)
    with open(os.path.join(EX, "quality.ndjson")) as f:
        for line in f:
            q = json.loads(line)
            pops[(q["memberId"], q["measureId"], q["period"])].add(q["kind"])
    code = {"numerator": "numerator", "denominator": "denominator", "exclusion": "denominator-exclusion"}
    with open(os.path.join(HERE, "MeasureReport.ndjson"), "w") as f:
        for (m, measure, period), kinds in sorted(pops.items()):
            assert len(period) == 4, period
            r = {"resourceType": "MeasureReport", "id": "mr-%s-%s-%s" % (m, measure, period),
                 "meta": {"profile": ["http://hl7.org/fhir/us/davinci-deqm/StructureDefinition/indv-measurereport-deqm"]},
                 "status": "complete", "type": "individual",
                 "measure": "https://example.org/fhir/Measure/" + measure,
                 "subject": {"reference": "Patient/" + m}, "date": "2025-02-01",
                 "reporter": {"display": "Example payer"},
                 "period": {"start": period + "-01-01", "end": period + "-12-31"},
                 "group": [{"population": [
                     {"code": coding("http://terminology.hl7.org/CodeSystem/measure-population", code[k]), "count": 1 if k in kinds else 0}
                     for k in ("denominator", "exclusion", "numerator")]}]}
            f.write(json.dumps(r, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
