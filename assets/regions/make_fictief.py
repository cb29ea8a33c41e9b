#!/usr/bin/env python3
"""Writes fictief.json: a clearly FICTIONAL table of 78 STO regions (73 techniekregio's,
5 techniekluwe) with realistic sizes. Nothing here is a real region or a real amount.

- 2020-2023 grant = 15,895 x BB/KB + 7,947.50 x GL students (the published per-student rates),
  from about EUR 1M to EUR 22M per region, about EUR 335M in all.
- 2025-2028 annex amount = the same distribution scaled so the techniekregio's add up to exactly
  EUR 368,640,080 (the published total), largest remainder to the cent.
- Techniekluwe regions: small counts, no annex amount (the scheme caps them at EUR 4,000,000).
Deterministic: run from the repository root, python3 assets/regions/make_fictief.py
"""
import json
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20251)

N_REGIO, N_LUWE = 73, 5
BBKB_RATE, GL_RATE = 1589500, 794750  # cents, whole period

regions = []
for i in range(N_REGIO):
    # Sizes from ~60 to ~1,250 BB/KB students, skewed small; the ends pinned near 1M and 22M.
    t = i / (N_REGIO - 1)
    bbkb = round(math.exp(math.log(60) + (math.log(1240) - math.log(60)) * (t ** 2.1)) *
                 rng.uniform(0.92, 1.08))
    gl = round(bbkb * rng.uniform(0.12, 0.35))
    if i == 0:
        bbkb, gl = 55, 16      # EUR 1,001,385 : the smallest
    if i == N_REGIO - 1:
        bbkb, gl = 1250, 268   # EUR 21,998,710 : the largest
    regions.append({"bbkb": bbkb, "gl": gl, "type": "techniekregio"})
rng.shuffle(regions)
for i in range(N_LUWE):
    bbkb = rng.randint(8, 30)
    regions.append({"bbkb": bbkb, "gl": rng.randint(0, 10), "type": "techniekluwe"})

for r in regions:
    r["previous"] = BBKB_RATE * r["bbkb"] + GL_RATE * r["gl"]

# Annex amounts: same distribution, total exactly EUR 368,640,080.00.
TOTAL = 368_640_080_00
regio = [r for r in regions if r["type"] == "techniekregio"]
base = sum(r["previous"] for r in regio)
floors = [(r["previous"] * TOTAL // base, r["previous"] * TOTAL % base, k) for k, r in enumerate(regio)]
left = TOTAL - sum(f for f, _, _ in floors)
order = sorted(floors, key=lambda x: (-x[1], x[2]))
extra = {k for _, _, k in order[:left]}
for (f, _, k), r in zip(floors, regio):
    r["fixed"] = f + (1 if k in extra else 0)
assert sum(r["fixed"] for r in regio) == TOTAL

out = {
    "format": "sto-regions",
    "version": 1,
    "note": "FICTIEF / FICTIONAL: invented regions and numbers for trying out the national view. "
            "Amounts in euro cents. previous_grant = 2020-2023 per-student maximum; fixed_amount = "
            "an invented 2025-2028 annex amount (techniekregio's add up to EUR 368,640,080).",
    "regions": [],
}
for n, r in enumerate(regions, start=1):
    kind = "techniekluwe" if r["type"] == "techniekluwe" else "techniekregio"
    out["regions"].append({
        "name": "Regio Fictief %02d (voorbeeld%s)" % (n, ", techniekluwe" if kind == "techniekluwe" else ""),
        "type": kind,
        "students_bbkb": r["bbkb"],
        "students_gl": r["gl"],
        "previous_grant_cents": r["previous"],
        "fixed_amount_cents": r.get("fixed", 0),
    })
with open(os.path.join(HERE, "fictief.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
prev = [r["previous"] for r in regio]
print("regions", len(regions), "min", min(prev) / 100, "max", max(prev) / 100, "sum", sum(prev) / 100)
