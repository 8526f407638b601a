#!/usr/bin/env python3
"""Derives conf/territory/ambiti_lombardia.csv: a synthetic, reproducible regional Ambiti file for the
lombardia benchmark scale (about 90 Ambiti covering all 1,502 comuni, under the 8 ATS and 27 ASST).

No official comune -> Ambito -> ASST mapping is in the repository, so this one is DERIVED, not real:
  1. the 12 demo Ambiti of conf/territory/ambiti.csv are kept as they are (codes, comuni, ASST);
  2. every other comune gets an ASST from its province (PROVINCE_ASSTS below); a province served by several
     ASSTs is cut, in ISTAT-code order, into contiguous runs of about equal size, one per ASST;
     Milano city (015146) is one Ambito of its own under ASST Fatebenefratelli Sacco; the ASSTs
     Niguarda, Santi Paolo e Carlo and Gaetano Pini-CTO get no Ambito;
  3. each ASST's comuni are cut, in ISTAT-code order, into ceil(n / COMUNI_PER_AMBITO) Ambiti of about equal
     size, coded AMB-<ASST code>-<nn> and named after their first comune.
Deterministic: same inputs, same bytes. Usage: python3 bench/territory/derive_ambiti_lombardia.py [HOME]
"""
import csv, math, sys
from pathlib import Path

COMUNI_PER_AMBITO = 21
MILANO = "015146"
# province sigla -> ASSTs that serve it (in the order the province's comuni are cut)
PROVINCE_ASSTS = {
    "MI": ["030705", "030706", "030707", "030708"], "LO": ["030709"],
    "VA": ["030711", "030710"], "CO": ["030712", "030713"],
    "SO": ["030713"], "LC": ["030715"], "MB": ["030716", "030717"],
    "BG": ["030718", "030719", "030720"], "BS": ["030721", "030722", "030723", "030714"],
    "CR": ["030724", "030726"], "MN": ["030725"], "PV": ["030727"],
}

def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))

def chunks(items, k):
    size = len(items) / k
    return [items[round(i * size):round((i + 1) * size)] for i in range(k)]

def main(home):
    conf = home / "conf" / "territory"
    comuni = sorted(read(conf / "comuni.csv"), key=lambda c: c["codice_istat"])
    names = {c["codice_istat"]: c["denominazione"] for c in comuni}
    ats_of = {r["codice"]: r["codice_padre"] for r in read(conf / "ats_asst.csv") if r["livello"] == "ASST"}
    demo = read(conf / "ambiti.csv")
    taken = {c for a in demo for c in a["comuni_istat"].split("|")}
    rows = [[a["codice_ambito"], a["denominazione"], a["codice_asst"], a["codice_ats"], a["comuni_istat"]] for a in demo]
    rows.append(["AMB-MILANO", "Milano", "030703", ats_of["030703"], MILANO])
    taken.add(MILANO)
    by_asst = {}
    for sigla, assts in PROVINCE_ASSTS.items():
        rest = [c["codice_istat"] for c in comuni if c["sigla_provincia"] == sigla and c["codice_istat"] not in taken]
        for asst, part in zip(assts, chunks(rest, len(assts))):
            by_asst.setdefault(asst, []).extend(part)
    for asst in sorted(by_asst):
        codes = sorted(by_asst[asst])
        for i, part in enumerate(chunks(codes, max(1, math.ceil(len(codes) / COMUNI_PER_AMBITO))), start=1):
            rows.append([f"AMB-{asst}-{i:02d}", names[part[0]], asst, ats_of[asst], "|".join(part)])
    covered = [c for r in rows for c in r[4].split("|")]
    assert len(covered) == len(set(covered)) == len(comuni), "every comune in exactly one Ambito"
    out = conf / "ambiti_lombardia.csv"
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("codice_ambito;denominazione;codice_asst;codice_ats;comuni_istat\n")
        for r in rows:
            f.write(";".join(r) + "\n")
    print(f"{out}: {len(rows)} Ambiti, {len(covered)} comuni, {len({r[2] for r in rows})} ASST, {len({r[3] for r in rows})} ATS")

if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]))
