#!/usr/bin/env python3
"""Generates the example dataset in this folder (deterministic: fixed seed).

A primary care population of 120 Medicare-age members for performance year 2024: monthly attribution
with risk scores and a few retroactive corrections, about 600 claims (inpatient stays including
joint-replacement and heart-failure episodes with their post-acute care, outpatient, professional,
SNF, home health, DME, hospice, pharmacy) with replacements (frequency 7) and voids (8), and HEDIS
quality events. Run: python3 examples/generate.py  (rewrites members.csv, claims.csv, claims.ndjson,
quality.ndjson and prints the totals used in docs/contracts-and-cli.md).
"""
import csv
import datetime as dt
import json
import os
import random

rnd = random.Random(20240101)
HERE = os.path.dirname(os.path.abspath(__file__))
YEAR = 2024
D = dt.date


def month_days(y, m):
    return (D(y + (m == 12), m % 12 + 1, 1) - D(y, m, 1)).days


def rand_date(start, end):
    return start + dt.timedelta(days=rnd.randint(0, (end - start).days))


def cents(lo, hi):
    return rnd.randint(lo * 100, hi * 100) // 100 * 100 + rnd.choice([0, 0, 25, 50, 75])


# ---- members ----------------------------------------------------------------------------------------
members = []
for i in range(1, 121):
    mid = "M-%04d" % i
    sex = rnd.choice("FM")
    disabled = i % 17 == 0
    esrd = i % 53 == 0
    birth_year = rnd.randint(1965, 1975) if disabled else 1959 - min(30, int(abs(rnd.gauss(0, 10))))
    segment = "esrd" if esrd else ("disabled" if disabled else ("aged/dual" if i % 9 == 0 else "aged/non-dual"))
    risk = round(max(0.35, rnd.lognormvariate(0.0, 0.35) * (1.9 if esrd else 1.0)), 3)
    first = 1
    last = 12
    if i % 23 == 0:          # aged in during the year
        first = rnd.randint(3, 8)
    if i % 31 == 0:          # died during the year
        last = rnd.randint(6, 11)
    members.append(dict(id=mid, sex=sex, age=YEAR - birth_year, segment=segment, risk=risk, first=first, last=last,
                        hypertension=rnd.random() < 0.62, diabetes=rnd.random() < 0.30))

attribution = []
for m in members:
    for mo in range(m["first"], m["last"] + 1):
        attribution.append(dict(id="A-%s-%d-%02d" % (m["id"], YEAR, mo), memberId=m["id"], month="%d-%02d" % (YEAR, mo),
                                riskScore="%.3f" % m["risk"], segment=m["segment"], replacesId="", active="true"))
# Retroactive corrections: a recalculated risk score for three members' Q4 months; two months retracted
# (the member had moved to another plan).
corrections = []
for m in members[10:13]:
    for mo in (10, 11, 12):
        if m["first"] <= mo <= m["last"]:
            corrections.append(dict(id="A-%s-%d-%02d-R1" % (m["id"], YEAR, mo), memberId=m["id"], month="%d-%02d" % (YEAR, mo),
                                    riskScore="%.3f" % round(m["risk"] * 1.08, 3), segment=m["segment"],
                                    replacesId="A-%s-%d-%02d" % (m["id"], YEAR, mo), active="true"))
for mid, mo in (("M-0040", 12), ("M-0041", 12)):
    corrections.append(dict(id="A-%s-%d-%02d-X" % (mid, YEAR, mo), memberId=mid, month="%d-%02d" % (YEAR, mo),
                            riskScore="", segment="", replacesId="A-%s-%d-%02d" % (mid, YEAR, mo), active="false"))
attribution += corrections


def member_months(m):
    return range(m["first"], m["last"] + 1)


# ---- claims -----------------------------------------------------------------------------------------
claims = []
npi = ["1467583920", "1598732041", "1730284615", "1821049376", "1952318704"]
hospital = "140119"          # Mercy General Hospital CCN
seq = [1000]


def claim(member, ctype, start, days, paid, drg="", hcpcs=(), dx=(), provider=None, lag=None):
    seq[0] += 1
    through = start + dt.timedelta(days=days)
    paid_date = through + dt.timedelta(days=lag if lag is not None else rnd.randint(12, 55))
    c = dict(id="C-%d" % seq[0], memberId=member["id"], type=ctype, serviceFrom=start.isoformat(),
             serviceThrough=through.isoformat(), paidDate=paid_date.isoformat(), paidAmount=paid,
             allowedAmount=int(paid * rnd.uniform(1.02, 1.25)), drg=drg, hcpcs=list(hcpcs), diagnoses=list(dx),
             billingProvider=provider or rnd.choice(npi), frequency=1, replacesClaimId="")
    claims.append(c)
    return c


def in_coverage(m, d):
    return d.year == YEAR and m["first"] <= d.month <= m["last"]


def any_day(m):
    start = D(YEAR, m["first"], 1)
    end = D(YEAR, m["last"], month_days(YEAR, m["last"]))
    return rand_date(start, end)


# Joint replacement episodes (MS-DRG 470; one 469 with major complication) and their post-acute care.
for k, m in enumerate(members[2:7]):
    admit = D(YEAR, 2 + k * 2, 5 + 3 * k)
    drg = "469" if k == 2 else "470"
    stay = 5 if drg == "469" else 2
    claim(m, "inpatient", admit, stay, cents(21000, 24000) if drg == "469" else cents(12500, 14800), drg=drg,
          hcpcs=["27447"] if k % 2 == 0 else ["27130"], dx=["M1711"] if k % 2 == 0 else ["M1611"], provider=hospital)
    discharge = admit + dt.timedelta(days=stay)
    if k in (1, 2):
        claim(m, "snf", discharge + dt.timedelta(days=1), rnd.randint(12, 20), cents(7800, 11800), dx=["Z471"])
    claim(m, "home-health", discharge + dt.timedelta(days=rnd.randint(3, 25)), 29, cents(2600, 3400), dx=["Z96651"])
    for v in range(rnd.randint(6, 10)):
        claim(m, "outpatient", discharge + dt.timedelta(days=7 + 6 * v), 0, cents(110, 160), hcpcs=["97110", "97530"],
              dx=["Z96651"])
    claim(m, "professional", discharge + dt.timedelta(days=14), 0, cents(90, 140), hcpcs=["99024"], dx=["Z96651"])
    claim(m, "professional", admit, 0, cents(1350, 1650), hcpcs=["27447" if k % 2 == 0 else "27130"], dx=["M1711"])

# Heart failure episodes (MS-DRG 291-293) with readmission for one.
for k, m in enumerate(members[20:24]):
    admit = D(YEAR, 3 + k * 2, 10 + k)
    drg = ["291", "292", "293", "291"][k]
    stay = {"291": 6, "292": 4, "293": 3}[drg]
    claim(m, "inpatient", admit, stay, {"291": cents(13500, 16500), "292": cents(9200, 10800), "293": cents(6800, 7900)}[drg],
          drg=drg, dx=["I5023", "I110"], provider=hospital)
    discharge = admit + dt.timedelta(days=stay)
    claim(m, "professional", discharge + dt.timedelta(days=7), 0, cents(130, 190), hcpcs=["99496"], dx=["I5023"])
    claim(m, "outpatient", discharge + dt.timedelta(days=20), 0, cents(350, 700), hcpcs=["93306"], dx=["I5023"])
    if k == 0:
        claim(m, "inpatient", discharge + dt.timedelta(days=24), 4, cents(10500, 12500), drg="291", dx=["I5023"], provider=hospital)
    if k in (0, 3):
        claim(m, "home-health", discharge + dt.timedelta(days=2), 29, cents(2400, 3200), dx=["I5023"])

# Other inpatient stays (pneumonia, sepsis, COPD, hip fracture, stroke ...).
other_drgs = [("193", 11000, 14500, "J189"), ("871", 17000, 24000, "A419"), ("190", 8500, 11000, "J441"),
              ("481", 16000, 20500, "S72001A"), ("065", 9000, 12500, "I639"), ("683", 8000, 10500, "N179"),
              ("392", 6000, 8200, "K5290"), ("603", 6500, 8500, "L03115")]
for k in range(50):
    m = members[(k * 7 + 30) % len(members)]
    drg, lo, hi, dx = other_drgs[k % len(other_drgs)]
    start = any_day(m)
    if start > D(YEAR, 12, 20):
        start = D(YEAR, 12, 2)
    c = claim(m, "inpatient", start, rnd.randint(2, 7), cents(lo, hi), drg=drg, dx=[dx], provider=rnd.choice([hospital, "140088", "140276"]))
    if k % 2 == 0:
        claim(m, "snf", D.fromisoformat(c["serviceThrough"]) + dt.timedelta(days=1), rnd.randint(10, 24), cents(6000, 12000), dx=[dx])

# Routine care for everyone: office visits, labs, imaging, outpatient procedures, drugs, DME.
visit_codes = ["99213", "99214", "99215", "G0439", "99397"]
for m in members:
    n_prof = rnd.randint(1, 3) + (1 if m["risk"] > 1.3 else 0)
    for _ in range(n_prof):
        d = any_day(m)
        claim(m, "professional", d, 0, cents(140, 720), hcpcs=[rnd.choice(visit_codes)],
              dx=["I10"] if m["hypertension"] else (["E119"] if m["diabetes"] else ["Z0000"]))
    for _ in range(rnd.randint(1, 2)):
        claim(m, "outpatient", any_day(m), 0, cents(180, 3400), hcpcs=[rnd.choice(["80053", "71046", "93000", "45378", "77067", "G0121"])],
              dx=["Z1231"] if m["sex"] == "F" and rnd.random() < 0.3 else ["R079"])
    if m["diabetes"] or rnd.random() < 0.2:
        for _ in range(rnd.randint(1, 3)):
            claim(m, "pharmacy", any_day(m), 0, cents(40, 620), dx=["E119"] if m["diabetes"] else ["I10"], provider="1093817465", lag=rnd.randint(1, 5))
    if rnd.random() < 0.07:
        claim(m, "dme", any_day(m), 0, cents(250, 1900), hcpcs=[rnd.choice(["E0601", "E0260", "K0001"])], dx=["G4733"])
for m in [members[30], members[61]]:   # the two members who died in the year
    last_day = D(YEAR, m["last"], 1)
    claim(m, "hospice", last_day - dt.timedelta(days=40), 38, cents(7500, 9500), dx=["C349"])

# Claims outside the performance year (Dec 2023 service, paid in 2024) are drawn (so the random sequence and
# the claim ids after them stay as they were) but not written: settle, like the HTTP API, refuses a claim whose
# service starts outside the contract's performance period.
for m in members[100:104]:
    claim(m, "professional", D(2023, 12, rnd.randint(4, 28)), 0, cents(110, 210), hcpcs=["99214"], dx=["I10"], lag=30)
    claims.pop()

# Replacements (frequency 7: corrected amount) and voids (frequency 8: paid in error).
originals = [c for c in claims if c["type"] in ("professional", "outpatient") and c["serviceFrom"].startswith(str(YEAR))]
for c in rnd.sample(originals, 14):
    seq[0] += 1
    r = dict(c)
    r.update(id="C-%d" % seq[0], frequency=7, replacesClaimId=c["id"],
             paidAmount=max(0, c["paidAmount"] + rnd.choice([-1, 1]) * rnd.randint(1500, 6000)),
             paidDate=(D.fromisoformat(c["paidDate"]) + dt.timedelta(days=rnd.randint(20, 60))).isoformat())
    r["allowedAmount"] = int(r["paidAmount"] * 1.1)
    claims.append(r)
replaced = {c["replacesClaimId"] for c in claims if c["frequency"] == 7}
for c in rnd.sample([c for c in originals if c["id"] not in replaced], 8):
    seq[0] += 1
    v = dict(c)
    v.update(id="C-%d" % seq[0], frequency=8, replacesClaimId=c["id"], paidAmount=0, allowedAmount=0,
             paidDate=(D.fromisoformat(c["paidDate"]) + dt.timedelta(days=rnd.randint(20, 60))).isoformat())
    claims.append(v)
# One replacement that is itself replaced (a chain original -> 7 -> 7).
first_repl = [c for c in claims if c["frequency"] == 7][0]
seq[0] += 1
second = dict(first_repl)
second.update(id="C-%d" % seq[0], replacesClaimId=first_repl["id"], paidAmount=first_repl["paidAmount"] + 1200,
              paidDate=(D.fromisoformat(first_repl["paidDate"]) + dt.timedelta(days=30)).isoformat())
claims.append(second)

# ---- quality events ---------------------------------------------------------------------------------
quality = []
qseq = [0]


def event(m, measure, kind):
    qseq[0] += 1
    quality.append(dict(id="Q-%05d" % qseq[0], memberId=m["id"], measureId=measure, period=str(YEAR), kind=kind))


for m in members:
    hospice = m is members[30] or m is members[61]
    if m["hypertension"] and m["age"] <= 85:
        event(m, "CBP", "denominator")
        if hospice:
            event(m, "CBP", "exclusion")
        elif rnd.random() < 0.74:
            event(m, "CBP", "numerator")
    if m["sex"] == "F" and 52 <= m["age"] <= 74 or (m["sex"] == "F" and m["age"] <= 80 and rnd.random() < 0.5):
        event(m, "BCS-E", "denominator")
        if rnd.random() < 0.76:
            event(m, "BCS-E", "numerator")
    if m["diabetes"] or rnd.random() < 0.12:
        event(m, "HBD-PC", "denominator")
        if hospice:
            event(m, "HBD-PC", "exclusion")
        elif rnd.random() < 0.21:
            event(m, "HBD-PC", "numerator")    # poor control: lower is better
    if m["age"] <= 75 or rnd.random() < 0.4:
        event(m, "COL-E", "denominator")
        if rnd.random() < 0.71:
            event(m, "COL-E", "numerator")

# ---- write ------------------------------------------------------------------------------------------
with open(os.path.join(HERE, "members.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["id", "memberId", "month", "riskScore", "segment", "replacesId", "active"], lineterminator="\n")
    w.writeheader()
    w.writerows(attribution)
claim_fields = ["id", "memberId", "type", "serviceFrom", "serviceThrough", "paidDate", "paidAmount", "allowedAmount", "drg",
                "hcpcs", "diagnoses", "billingProvider", "frequency", "replacesClaimId"]
with open(os.path.join(HERE, "claims.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=claim_fields, lineterminator="\n")
    w.writeheader()
    for c in claims:
        row = dict(c)
        row["hcpcs"] = ";".join(c["hcpcs"])
        row["diagnoses"] = ";".join(c["diagnoses"])
        w.writerow(row)
with open(os.path.join(HERE, "claims.ndjson"), "w") as f:
    for c in claims:
        o = {k: v for k, v in c.items() if v not in ("", [], None)}
        f.write(json.dumps(o) + "\n")
with open(os.path.join(HERE, "quality.ndjson"), "w") as f:
    for q in quality:
        f.write(json.dumps(q) + "\n")

# ---- totals (independent of the engine; quoted in the docs and tests) --------------------------------
by_id = {c["id"]: c for c in claims}
succ = {}
for c in claims:
    if c["frequency"] != 1:
        succ[c["replacesClaimId"]] = c
effective = []
for c in claims:
    if c["frequency"] == 1:
        h = c
        while h["id"] in succ:
            h = succ[h["id"]]
        if h["frequency"] != 8:
            effective.append(h)
in_year = [c for c in effective if c["serviceFrom"].startswith(str(YEAR))]
replaced_att = {a["replacesId"] for a in attribution if a["replacesId"]}
mm = {}
for a in attribution:
    if a["id"] in replaced_att or a["active"] != "true":
        continue
    mm[(a["memberId"], a["month"])] = a
risk_avg = sum(float(a["riskScore"]) for a in mm.values()) / len(mm)
print("attribution records", len(attribution), "member-months", len(mm), "members", len({k[0] for k in mm}),
      "average risk %.6f" % risk_avg)
print("claims", len(claims), "effective", len(effective), "effective with 2024 service", len(in_year),
      "paid 2024 service $%.2f" % (sum(c["paidAmount"] for c in in_year) / 100))
print("PMPM $%.2f" % (sum(c["paidAmount"] for c in in_year) / 100 / len(mm)))
for meas in ("CBP", "BCS-E", "HBD-PC", "COL-E"):
    ks = {k: {q["memberId"] for q in quality if q["measureId"] == meas and q["kind"] == k} for k in ("numerator", "denominator", "exclusion")}
    num = len(ks["numerator"] - ks["exclusion"])
    print(meas, "num", num, "den", len(ks["denominator"]), "excl", len(ks["exclusion"]),
          "rate %.4f" % (num / (len(ks["denominator"]) - len(ks["exclusion"]))))
print("quality events", len(quality))
att_paid = sum(c["paidAmount"] for c in in_year if (c["memberId"], c["serviceFrom"][:7]) in mm)
print("paid 2024 service in attributed member-months $%.2f" % (att_paid / 100),
      "claims", sum(1 for c in in_year if (c["memberId"], c["serviceFrom"][:7]) in mm))
