//! Next fire time in time zones and across DST changes: cronkit against the peer
//! crates `cron`, `croner` and `saffron`, in the same run (issue 12).
//!
//! Each benchmark is one *run* of `benches/common/zones.rs`: 5 000 next-fire calls
//! through the `DateTime` API from consecutive seconds after the scenario's start
//! (UTC, New York on an ordinary day, New York from the spring-forward change,
//! New York from the start of the fall-back overlap). cronkit runs under its
//! default policy (`shift`) and, at the changes, under `cron` too.
//!
//! Before timing, each peer's 5 000 answers are compared with cronkit's under
//! every DST policy; a peer whose answers match none (for example `cron` 0.17,
//! which answers times before the one asked at the fall-back) is reported on
//! stderr and not timed.
//!
//! Also timed: parse of the special day forms against saffron (`parse_forms`)
//! and the one-off build of a zone's table of offset changes (`zone_table`).
//!
//! Run: `cargo bench --bench zones`; summarise with
//! `python3 scripts/zone_table.py` (per-call nanoseconds and ratios).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use cronkit::DstPolicy;

#[path = "common/zones.rs"]
mod zones;
use zones::{verdict, Runner, SCENARIOS, ZONE_CASES};

fn bench_zones(c: &mut Criterion) {
    for case in ZONE_CASES {
        for sc in SCENARIOS {
            let mut g = c.benchmark_group(format!("zones/{}/{}", case.name, sc.name));
            g.sample_size(10)
                .warm_up_time(Duration::from_millis(300))
                .measurement_time(Duration::from_secs(1));
            let mut policies = vec![DstPolicy::Shift];
            if sc.name.starts_with("ny_") && sc.name != "ny_ordinary" {
                policies.push(DstPolicy::Cron);
            }
            for dst in policies {
                let r = Runner::new("cronkit", case, sc, dst).expect("cronkit");
                g.bench_function(format!("cronkit-{dst}"), |b| {
                    b.iter(|| {
                        for i in 0..zones::CALLS {
                            black_box(r.next(black_box(sc.start + i)));
                        }
                    })
                });
            }
            for lib in ["cron", "croner", "saffron"] {
                let Some(r) = Runner::new(lib, case, sc, DstPolicy::Shift) else {
                    continue;
                };
                match verdict(&r.run(sc.start), case, sc) {
                    Ok(dst) => eprintln!(
                        "check: {lib} {} {}: as cronkit --dst {dst}",
                        case.name, sc.name
                    ),
                    Err(why) => {
                        eprintln!("check: {lib} {} {}: not timed: {why}", case.name, sc.name);
                        continue;
                    }
                }
                g.bench_function(lib, |b| {
                    b.iter(|| {
                        for i in 0..zones::CALLS {
                            black_box(r.next(black_box(sc.start + i)));
                        }
                    })
                });
            }
            g.finish();
        }
    }
}

/// Parse of the special day forms of issue 12 against saffron, where saffron
/// reads the same schedule (checked on the first 10 fire times; saffron's
/// weekday numbering is tried both ways).
fn bench_parse_forms(c: &mut Criterion) {
    use std::str::FromStr;
    let utc = cronkit::Zone::utc();
    let t0 = chrono::DateTime::from_timestamp(1_773_126_000, 0).expect("valid");
    let mut g = c.benchmark_group("parse_forms");
    for (name, ours, theirs) in [
        (
            "6L",
            "0 15 10 ? * 6L",
            &["15 10 * * 5L", "15 10 * * 6L"][..],
        ),
        ("L-3", "0 15 10 L-3 * ?", &["15 10 L-3 * *"][..]),
        (
            "3#2",
            "0 15 10 ? * 3#2",
            &["15 10 * * 2#2", "15 10 * * 3#2"][..],
        ),
        ("FRI#3", "0 15 10 ? * FRI#3", &["15 10 * * FRI#3"][..]),
    ] {
        let s = cronkit::Schedule::parse(ours, cronkit::DialectChoice::Quartz).expect("parses");
        let mut want = Vec::new();
        let mut t = t0;
        for _ in 0..10 {
            t = s.next_after(t, &utc, DstPolicy::Shift).expect("fires");
            want.push(t);
        }
        g.bench_function(format!("cronkit/{name}"), |b| {
            b.iter(|| cronkit::Schedule::parse(black_box(ours), cronkit::DialectChoice::Quartz))
        });
        let same = theirs.iter().copied().find(|e| {
            let Ok(p) = saffron::Cron::from_str(e) else {
                return false;
            };
            let mut got = Vec::new();
            let mut t = t0;
            for _ in 0..10 {
                match p.next_after(t) {
                    Some(n) => {
                        got.push(n);
                        t = n;
                    }
                    None => break,
                }
            }
            got == want
        });
        match same {
            Some(e) => {
                eprintln!("check: saffron `{e}` fires as cronkit `{ours}`");
                g.bench_function(format!("saffron/{name}"), |b| {
                    b.iter(|| saffron::Cron::from_str(black_box(e)))
                });
            }
            None => eprintln!("check: saffron cannot express `{ours}`; not timed"),
        }
    }
    g.finish();
}

/// The one-off cost of a zone's first use in a process: building its table of
/// offset changes (`Zone::build_table_uncached` builds a fresh one each time), for
/// New York and for the zone whose table holds the most changes (found here, over
/// every zone chrono-tz has).
fn bench_zone_table(c: &mut Criterion) {
    use chrono_tz::Tz;
    let (most, changes) = chrono_tz::TZ_VARIANTS
        .iter()
        .filter_map(|&tz| Some((tz, cronkit::Zone::build_table_uncached(tz)?)))
        .max_by_key(|&(tz, n)| (n, std::cmp::Reverse(tz.name())))
        .expect("zones have tables");
    let ny = cronkit::Zone::build_table_uncached(Tz::America__New_York).expect("a table");
    eprintln!(
        "check: America/New_York's table holds {ny} changes; the most, {changes}, are {}'s",
        most.name()
    );
    let mut g = c.benchmark_group("zone_table");
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for tz in [Tz::America__New_York, most] {
        g.bench_function(format!("build/{}", tz.name()), |b| {
            b.iter(|| cronkit::Zone::build_table_uncached(black_box(tz)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench_zones, bench_parse_forms, bench_zone_table);
criterion_main!(benches);
