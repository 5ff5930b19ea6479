#!/usr/bin/env bash
# Benchmark for `cronkit validate` walking a repository (issue 13), not a test.
#
#  1. A generated tree of 100 000 files in 1 000 directories, 1 % of them
#     holding schedules (workflows, CronJobs, crontabs), the rest source-like
#     text, YAML and JSON without schedules: `cronkit validate TREE` beside
#     `rg --files TREE` (the bare walk), in the same run, with hyperfine.
#     Target: within 2x of the bare walk.
#  2. One file of 1 000 000 expressions: expressions per second.
#
# Usage: scripts/bench_validate.sh [WORKDIR]   (needs ripgrep and hyperfine;
# builds the release binary)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-$(mktemp -d)}"
tree="$work/tree"
command -v rg >/dev/null || { echo "ripgrep (rg) is needed: apt-get install ripgrep" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine" >&2; exit 2; }
cargo build --release --quiet
bin="$PWD/target/release/cronkit"

if [ ! -d "$tree" ]; then
  echo "generating $tree ..." >&2
  python3 - "$tree" <<'PY'
import os, sys
root = sys.argv[1]
for d in range(1000):
    dd = os.path.join(root, f"pkg{d:04}")
    os.makedirs(dd)
    for f in range(100):
        n = d * 100 + f
        if n % 100 == 0:
            kind = (n // 100) % 3
            if kind == 0:
                os.makedirs(os.path.join(dd, ".github/workflows"), exist_ok=True)
                p = os.path.join(dd, ".github/workflows", f"w{f}.yml")
                body = f"on:\n  schedule:\n    - cron: '{n % 60} {n % 24} * * 1-5'\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
            elif kind == 1:
                p = os.path.join(dd, f"cronjob{f}.yaml")
                body = f"apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: j{n}\nspec:\n  schedule: '{n % 60} 3 * * 7'\n"
            else:
                p = os.path.join(dd, f"jobs{f}.crontab")
                body = f"MAILTO=ops\n{n % 60} 2 * * * /usr/bin/job{n}\n"
        elif f % 10 == 1:
            p = os.path.join(dd, f"config{f}.yaml")
            body = "name: x\nvalues:\n" + "".join(f"  k{i}: v{i}\n" for i in range(20))
        elif f % 10 == 2:
            p = os.path.join(dd, f"data{f}.json")
            body = '{"a": [1, 2, 3], "b": {"c": "d"}}\n' * 5
        else:
            p = os.path.join(dd, f"src{f}.rs")
            body = "fn main() {\n    println!(\"hello\");\n}\n" * 10
        with open(p, "w") as fh:
            fh.write(body)
PY
fi
files=$(rg --files --hidden "$tree" | wc -l)
echo "tree: $files files" >&2

hyperfine -N --warmup 2 --runs 10 --ignore-failure \
  --export-markdown "$work/walk.md" \
  "rg --files --hidden $tree" \
  "rg --files $tree" \
  "$bin validate --format json $tree"
cat "$work/walk.md"

big="$work/million.txt"
if [ ! -f "$big" ]; then
  python3 - "$big" <<'PY'
import sys
exprs = ["0 0/5 * * * ?", "0 15 10 ? * MON-FRI", "*/5 * * * *", "0 0 12 L * ?", "30 2 * * 1-5"]
with open(sys.argv[1], "w") as fh:
    for i in range(1_000_000):
        fh.write(exprs[i % len(exprs)] + "\n")
PY
fi
hyperfine -N --warmup 1 --runs 5 --ignore-failure \
  --export-markdown "$work/million.md" \
  "$bin validate --input lines --format json $big"
cat "$work/million.md"
echo "expressions/s = 1000000 / mean time above" >&2
