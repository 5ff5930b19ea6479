#!/usr/bin/env python3
"""Summarise `cargo bench --bench engine` as the markdown tables of SPEC §9.

    cargo bench --bench engine
    python3 scripts/bench_table.py [CRITERION_DIR]

CRITERION_DIR defaults to $CARGO_TARGET_DIR/criterion, else target/criterion.
Reads every <group>/<function>/new/{benchmark,estimates}.json that criterion
wrote and prints three tables: next fire time per expression (cronkit against
the fastest peer that can express it; budget: at most half its time), parse
(per expression; budget: at most half of saffron's) and never-fires (budget:
under 2 µs).

Times are criterion's point estimates: the slope of the linear regression when
criterion sampled linearly (its usual mode for fast functions), else the mean.
"""

import json
import os
import re
import sys
from pathlib import Path

PEERS = ["cron", "croner", "saffron"]
REPO = Path(__file__).resolve().parent.parent


def criterion_dir() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    target = os.environ.get("CARGO_TARGET_DIR")
    return Path(target) / "criterion" if target else REPO / "target" / "criterion"


class Time(float):
    """Nanoseconds per iteration; `noisy` when the 95% confidence interval is wider
    than a quarter of the estimate (typically: other load during the sample)."""

    noisy = False


def load(root: Path) -> dict:
    """full_id ("next/every_minute/cronkit") -> Time per iteration."""
    times = {}
    for bench in root.glob("**/new/benchmark.json"):
        meta = json.loads(bench.read_text())
        est = json.loads((bench.parent / "estimates.json").read_text())
        e = est.get("slope") or est["mean"]
        t = Time(e["point_estimate"])
        ci = e["confidence_interval"]
        t.noisy = (ci["upper_bound"] - ci["lower_bound"]) > 0.25 * t
        times[meta["full_id"]] = t
    return times


def case_order_and_set_sizes():
    """Case names in benchmark order, and how many expressions each peer's parse
    set holds (the parse benchmarks time a whole set per iteration)."""
    text = (REPO / "benches" / "common" / "cases.rs").read_text()
    names = re.findall(r'name:\s*"([^"]+)"', text)
    sizes = {
        "all": len(names),
        "saffron_set": len(re.findall(r"saffron:\s*Some", text)),
        "cron_set": len(re.findall(r"\bcron:\s*Some", text)),
    }
    return names, sizes


NOISY = []


def fmt(ns):
    if ns is None:
        return "–"
    text = f"{ns / 1000:.2f} µs" if ns >= 1000 else f"{ns:.1f} ns"
    if getattr(ns, "noisy", False):
        NOISY.append(text)
        text += " †"
    return text


def main() -> int:
    root = criterion_dir()
    times = load(root)
    if not times:
        print(f"no criterion results under {root}; run `cargo bench --bench engine` first", file=sys.stderr)
        return 1
    names, sizes = case_order_and_set_sizes()
    misses = 0

    print("| next fire time | cronkit | cron | croner | saffron | fastest peer | cronkit ÷ fastest | ≤ 0.5 (2× faster)? |")
    print("|---|---:|---:|---:|---:|---|---:|:---:|")
    for case in names:
        ours = times.get(f"next/{case}/cronkit")
        peers = {p: times.get(f"next/{case}/{p}") for p in PEERS}
        timed = {p: t for p, t in peers.items() if t is not None}
        if ours is None:
            continue
        if timed:
            best = min(timed, key=timed.get)
            ratio = ours / timed[best]
            ok = ratio <= 0.5
            misses += not ok
            verdict, best_s, ratio_s = ("yes" if ok else "**no**"), best, f"{ratio:.2f}"
        else:
            verdict, best_s, ratio_s = "(no peer)", "–", "–"
        cells = " | ".join(fmt(peers[p]) for p in PEERS)
        print(f"| `{case}` | {fmt(ours)} | {cells} | {best_s} | {ratio_s} | {verdict} |")

    print()
    print("| parse, per expression | cronkit | cron | croner | saffron | cronkit ÷ saffron | ≤ 0.5 (2× faster)? |")
    print("|---|---:|---:|---:|---:|---:|:---:|")
    def per(key, n):
        if key not in times:
            return None
        t = Time(times[key] / n)
        t.noisy = times[key].noisy
        return t

    ours = per("parse/cronkit/saffron_set", sizes["saffron_set"])
    ours_all = per("parse/cronkit/all", sizes["all"])
    saffron = per("parse/saffron/saffron_set", sizes["saffron_set"])
    cron = per("parse/cron/cron_set", sizes["cron_set"])
    croner = per("parse/croner/all", sizes["all"])
    if ours is not None and saffron:
        ratio = ours / saffron
        ok = ratio <= 0.5
        misses += not ok
        print(f"| saffron's {sizes['saffron_set']} expressions | {fmt(ours)} | – | – | {fmt(saffron)} | {ratio:.2f} | {'yes' if ok else '**no**'} |")
    print(f"| each peer's own set | {fmt(ours_all)} (all {sizes['all']}) | {fmt(cron)} ({sizes['cron_set']}) | {fmt(croner)} (all {sizes['all']}) | {fmt(saffron)} ({sizes['saffron_set']}) | | |")

    print()
    print("| never fires | next | parse + next | < 2 µs? |")
    print("|---|---:|---:|:---:|")
    for key in sorted({k.split("/")[1] for k in times if k.startswith("never_fires/")}):
        nxt = times.get(f"never_fires/{key}/next")
        both = times.get(f"never_fires/{key}/parse_and_next")
        worst = max(t for t in (nxt, both) if t is not None)
        ok = worst < 2000
        misses += not ok
        print(f"| `{key}` | {fmt(nxt)} | {fmt(both)} | {'yes' if ok else '**no**'} |")
    if NOISY:
        print()
        print("† wide 95% confidence interval (over a quarter of the estimate): the sample was disturbed, e.g. by other load")
    return 0 if misses == 0 else 3


if __name__ == "__main__":
    sys.exit(main())
