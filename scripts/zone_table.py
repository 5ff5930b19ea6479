#!/usr/bin/env python3
"""Summarise `cargo bench --bench zones` as the table of docs/performance.md.

Reads criterion's estimates (target/criterion/**/new/) for the groups
`zones/<schedule>/<scenario>`; each benchmark is 5 000 calls, so the mean is
divided by 5 000 to give nanoseconds per call. For each row: cronkit (shift),
cronkit (cron), the peers that were timed (those whose answers were checked
against cronkit's; see the bench's stderr), cronkit ÷ the fastest peer, and
cronkit ÷ the same schedule on an ordinary day in New York.

    python3 scripts/zone_table.py [target/criterion]

Then the parse of the special day forms against saffron (`parse_forms`, ns per
expression) and the build of a zone's table (`zone_table`, µs per build).
"""
import json
import pathlib
import sys

CALLS = 5000
root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
rows = {}
other = {}  # parse_forms / zone_table: full id -> mean in ns
for bench in root.glob("**/new/benchmark.json"):
    meta = json.loads(bench.read_text())
    group = meta.get("group_id", "")
    est = json.loads((bench.parent / "estimates.json").read_text())
    if group in ("parse_forms", "zone_table"):
        other[meta["full_id"]] = est["mean"]["point_estimate"]
        continue
    if not group.startswith("zones/"):
        continue
    _, case, scenario = group.split("/")
    rows.setdefault((case, scenario), {})[meta["function_id"]] = est["mean"]["point_estimate"] / CALLS

cases = ["every_second", "every_10_seconds", "every_minute", "weekdays_09_30", "yearly", "last_weekday", "once_a_century"]
scenarios = ["utc", "ny_ordinary", "ny_spring", "ny_fall"]
peers = ["cron", "croner", "saffron"]
print("| schedule | scenario | cronkit (shift) | cronkit (cron) | cron 0.17 | croner | saffron | ÷ fastest peer | ÷ ordinary day |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
fmt = lambda v: "-" if v is None else f"{v:.1f}"
for case in cases:
    for sc in scenarios:
        r = rows.get((case, sc))
        if not r:
            continue
        ours = r.get("cronkit-shift")
        timed = [r[p] for p in peers if p in r]
        best = min(timed) if timed else None
        ordinary = rows.get((case, "ny_ordinary"), {}).get("cronkit-shift")
        ratio = f"{ours / best:.2f}" if ours and best else "-"
        vs_day = f"{ours / ordinary:.2f}" if ours and ordinary and sc != "utc" else "-"
        print(f"| {case} | {sc} | {fmt(ours)} | {fmt(r.get('cronkit-cron'))} | "
              + " | ".join(fmt(r.get(p)) for p in peers) + f" | {ratio} | {vs_day} |")

forms = ["6L", "L-3", "3#2", "FRI#3"]
if any(f"parse_forms/cronkit/{f}" in other for f in forms):
    print()
    print("| form | cronkit | saffron | ratio |")
    print("|---|---:|---:|---:|")
    for f in forms:
        ours, theirs = other.get(f"parse_forms/cronkit/{f}"), other.get(f"parse_forms/saffron/{f}")
        ratio = f"{ours / theirs:.2f}" if ours and theirs else "-"
        print(f"| `{f}` | {fmt(ours)} | {fmt(theirs)} | {ratio} |")
builds = sorted(k for k in other if k.startswith("zone_table/"))
if builds:
    print()
    print("| zone table build | µs |")
    print("|---|---:|")
    for k in builds:
        print(f"| {k.split('/', 2)[2]} | {other[k] / 1000:.0f} |")
