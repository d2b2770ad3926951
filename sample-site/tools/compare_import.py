#!/usr/bin/env python3
"""Scores an import against its answer key: python3 sample-site/tools/compare_import.py KEY.json IMPORTED.json
Counts values, growth rates, increases (stated changes with their 比… note), gaps, ranks and ratio terms."""
import json, sys
key = json.load(open(sys.argv[1])); imp = json.load(open(sys.argv[2]))
def per(f, rel): return json.dumps(f.get("period") or rel["period"], sort_keys=True)
def find(k):
    for f in imp["facts"]:
        if f["id"] == k["id"] and per(f, imp) == per(k, key): return f, "id"
    for f in imp["facts"]:
        if f["name"] == k["name"] and per(f, imp) == per(k, key): return f, "name"
    return None, None
right = total = 0; misses = []
sent = {s["id"]: s["text"] for s in key["sentences"]}
for k in key["facts"]:
    f, how = find(k)
    items = []
    if "value" in k: items.append(("value", (k["value"]["amount"], k["value"]["unit"]), f and f.get("value") and (f["value"]["amount"], f["value"]["unit"])))
    if "growth" in k: items.append(("growth", (k["growth"]["rate"], k["growth"]["form"]), f and f.get("growth") and (f["growth"]["rate"], f["growth"]["form"])))
    if "increase" in k: nk = k.get("note") if (k.get("note") or "").startswith("比") else None
    if "increase" in k: items.append(("increase", (k["increase"]["amount"], k["increase"]["unit"], nk), f and f.get("increase") and (f["increase"]["amount"], f["increase"]["unit"], f.get("note") if nk else None)))
    for g in k.get("gaps", []):
        got = f and next((x["points"] for x in f.get("gaps", []) if x["comparator"] == g["comparator"]), None)
        items.append(("gap " + g["comparator"], g["points"], got))
    for r_ in k.get("ranks", []):
        got = f and next((x["rank"] for x in f.get("ranks", []) if x["scope"] == r_["scope"]), None)
        items.append(("rank " + r_["scope"], r_["rank"], got))
    for what, want, got in items:
        total += 1
        if want == got: right += 1
        else: misses.append((k["id"], k["name"], what, want, got, sent.get(k.get("sentence"), "")))
    # secondary attributes
    if f and "growth" in k and f.get("growth"):
        for a in ("basis", "prices"):
            if k["growth"].get(a) != f["growth"].get(a): print(f"  note: {k['id']} growth.{a} key={k['growth'].get(a)} import={f['growth'].get(a)}")
    if f and k.get("period") != f.get("period") and per(k,key)!=per(f,imp): print("  period differs", k["id"])
# ratio terms and breakdowns
for rk in key.get("ratios", []):
    ri = next((x for x in imp.get("ratios", []) if x["terms"] == rk["terms"]), None)
    total += len(rk["terms"])
    if ri: right += len(rk["terms"])
    else: misses.append((rk["id"], rk["name"], "ratio terms", rk["terms"], None, ""))
    print("  ratio", rk["id"], "found" if ri else "MISSING", "breakdown:", ri and ri.get("breakdown"))
for b in key.get("breakdowns", []):
    bi = [x for x in imp.get("breakdowns", [])]
    print("  breakdown", b["id"], "import:", [(x["id"], x["kind"], x["total"], x["parts"]) for x in bi])
# extra facts in the import that match no key fact
used = set()
for k in key["facts"]:
    f, _ = find(k)
    if f: used.add(f["id"])
extra = [(f["id"], f["name"], {x: f[x] for x in ("value", "growth", "increase", "note") if x in f}) for f in imp["facts"] if f["id"] not in used]
print(f"RIGHT {right}/{total}")
for m in misses: print("  MISS", m)
for e in extra: print("  EXTRA", e)
print("  import title:", imp["title"], "period:", imp["period"], "status:", imp["status"])
