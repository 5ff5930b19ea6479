#!/usr/bin/env bash
# Instructions per operation (callgrind), cronkit against the peer crates: a
# load-independent cross-check of `cargo bench --bench engine`.
#
#   scripts/instr_counts.sh            # needs valgrind
#   scripts/instr_counts.sh zones      # the time-zone table (benches/zones.rs)
#
# Each operation runs N=0 and N=2000 times under callgrind; the difference
# divided by 2000 is its cost (process start-up cancels out). Prints markdown.
set -euo pipefail
cd "$(dirname "$0")/.."
N=2000
cargo build --release --quiet --example instr_probe
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
probe="$target_dir/release/examples/instr_probe"

if [[ "${1:-}" != "zones" ]]; then

count() { # args for the probe with the count as "{}"
    local a b
    a=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$probe" "${@//\{\}/0}" 2>&1 | awk '/Collected/ {print $4}')
    b=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$probe" "${@//\{\}/$N}" 2>&1 | awk '/Collected/ {print $4}')
    if [[ -z "$a" || -z "$b" ]]; then echo "-"; else echo $(((b - a) / N)); fi
}

# cronkit-datetime: the same search through chrono's DateTime<Utc> in and out,
# the way the peers are called (the benchmark times the Unix-seconds API)
echo "| next fire time | cronkit | cron | croner | saffron | cronkit ÷ fastest peer | cronkit via DateTime | its ratio |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for c in every_minute weekdays_10_15 last_day_noon third_friday feb_29 every_5_seconds office_hours year_2099; do
    row=()
    for lib in cronkit cron croner saffron cronkit-datetime; do
        if "$probe" next "$lib" "$c" 0 2>/dev/null; then row+=("$(count next "$lib" "$c" "{}")"); else row+=("-"); fi
    done
    ratios=$(python3 -c "
import sys
ours, dt, peers = int(sys.argv[1]), int(sys.argv[2]), [int(x) for x in sys.argv[3:] if x != '-']
print(f'{ours/min(peers):.2f} | {dt} | {dt/min(peers):.2f}' if peers else '- | - | -')" "${row[0]}" "${row[4]}" "${row[1]}" "${row[2]}" "${row[3]}")
    echo "| $c | ${row[0]} | ${row[1]} | ${row[2]} | ${row[3]} | $ratios |"
done
k=$(count parse cronkit "{}"); s=$(count parse saffron "{}")
echo
echo "| parse (the 6 expressions saffron reads, per expression) | cronkit | saffron | ratio |"
echo "|---|---:|---:|---:|"
echo "| parse | $((k / 6)) | $((s / 6)) | $(python3 -c "print(f'{$k/$s:.2f}')") |"

# the special day forms of issue 12 (benches/zones.rs, `parse_forms`): the
# same schedule in each syntax (saffron numbers weekdays 1-7 from Sunday, as Quartz)
echo
echo "| parse form | cronkit | saffron | ratio |"
echo "|---|---:|---:|---:|"
for pair in "6L|0 15 10 ? * 6L|15 10 * * 6L" "L-3|0 15 10 L-3 * ?|15 10 L-3 * *" \
            "3#2|0 15 10 ? * 3#2|15 10 * * 3#2" "FRI#3|0 15 10 ? * FRI#3|15 10 * * FRI#3"; do
    IFS='|' read -r name ours theirs <<< "$pair"
    k=$(count parse-one "{}" "$ours"); s=$(count parse-one-saffron "{}" "$theirs")
    echo "| \`$name\` | $k | $s | $(python3 -c "print(f'{$k/$s:.2f}')") |"
done
fi

# `scripts/instr_counts.sh zones`: the time-zone workload of benches/zones.rs
# (instructions per call; 1 run of 5 000 calls against none).
if [[ "${1:-}" == "zones" ]]; then
    echo "| schedule | scenario | cronkit (shift) | cronkit (cron) | cron 0.17 | croner | saffron |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    zcount() {
        local a b
        a=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$probe" zones "$@" 0 2>&1 | awk '/Collected/ {print $4}')
        b=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$probe" zones "$@" 1 2>&1 | awk '/Collected/ {print $4}')
        if [[ -z "$a" || -z "$b" ]]; then echo "-"; else echo $(((b - a) / 5000)); fi
    }
    for c in every_second every_10_seconds every_minute weekdays_09_30 yearly last_weekday once_a_century; do
        for s in utc ny_ordinary ny_spring ny_fall; do
            row=("$(zcount cronkit "$c" "$s" shift)" "$(zcount cronkit "$c" "$s" cron)")
            for lib in cron croner saffron; do
                if "$probe" zones "$lib" "$c" "$s" shift 0 2>/dev/null; then row+=("$(zcount "$lib" "$c" "$s" shift)"); else row+=("-"); fi
            done
            echo "| $c | $s | ${row[0]} | ${row[1]} | ${row[2]} | ${row[3]} | ${row[4]} |"
        done
    done
fi
