//! Next-fire-time and parse benchmarks: cronkit against the peer crates `cron`,
//! `croner` and `saffron`, in the same run, on the expression list of SPEC §9.
//!
//! Each peer gets the expression in its own syntax with the same meaning (saffron
//! has no seconds or years; `cron` has no `L`/`#`). Before timing, every peer's
//! first fire times are compared with cronkit's; a peer that disagrees is reported
//! and left out of that case rather than timed on a different schedule.
//!
//! Run: `cargo bench --bench engine`; summarise with `python3 scripts/bench_table.py`.

use std::hint::black_box;
use std::str::FromStr;

use chrono::{DateTime, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};

use cronkit::{DialectChoice, DstPolicy, Schedule, Zone};

#[path = "common/cases.rs"]
mod cases;
use cases::{Case, CASES};

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 8, 30, 0).unwrap()
}

/// First `n` fire times from `start` with a stepping function.
fn first_n(
    mut step: impl FnMut(DateTime<Utc>) -> Option<DateTime<Utc>>,
    n: usize,
) -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    let mut t = start();
    for _ in 0..n {
        match step(t) {
            Some(x) => {
                out.push(x);
                t = x;
            }
            None => break,
        }
    }
    out
}

fn croner_parser() -> croner::parser::CronParser {
    croner::parser::CronParser::builder()
        .seconds(croner::parser::Seconds::Optional)
        .build()
}

fn bench_next(c: &mut Criterion) {
    let utc = Zone::utc();
    for case in CASES {
        let ours = Schedule::parse(case.quartz, DialectChoice::Quartz).expect("cronkit parses");
        let expected = first_n(|t| ours.next_after(t, &utc, DstPolicy::Shift), 5);

        let cron_s = case.cron.and_then(|e| cron::Schedule::from_str(e).ok());
        let croner_s = case.croner.and_then(|e| croner_parser().parse(e).ok());
        let saffron_s = case.saffron.and_then(|e| saffron::Cron::from_str(e).ok());

        let cron_ok = cron_s.as_ref().filter(|s| {
            let got = first_n(|t| s.after(&t).next(), 5);
            agree("cron", case, &got, &expected)
        });
        let croner_ok = croner_s.as_ref().filter(|s| {
            let got = first_n(|t| s.find_next_occurrence(&t, false).ok(), 5);
            agree("croner", case, &got, &expected)
        });
        let saffron_ok = saffron_s.as_ref().filter(|s| {
            let got = first_n(|t| s.next_after(t), 5);
            agree("saffron", case, &got, &expected)
        });

        let mut g = c.benchmark_group(format!("next/{}", case.name));
        let t0 = start();
        g.bench_function("cronkit", |b| {
            b.iter(|| ours.next_after_ts(black_box(t0.timestamp()), &utc, DstPolicy::Shift))
        });
        if let Some(s) = cron_ok {
            g.bench_function("cron", |b| b.iter(|| s.after(black_box(&t0)).next()));
        }
        if let Some(s) = croner_ok {
            g.bench_function("croner", |b| {
                b.iter(|| s.find_next_occurrence(black_box(&t0), false).ok())
            });
        }
        if let Some(s) = saffron_ok {
            g.bench_function("saffron", |b| b.iter(|| s.next_after(black_box(t0))));
        }
        g.finish();
    }
}

fn agree(peer: &str, case: &Case, got: &[DateTime<Utc>], expected: &[DateTime<Utc>]) -> bool {
    if got == expected {
        true
    } else {
        eprintln!(
            "note: {peer} disagrees with cronkit on {} ({}): {:?} vs {:?}; not timed",
            case.name, case.quartz, got, expected
        );
        false
    }
}

fn bench_parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    let quartz: Vec<&str> = CASES.iter().map(|c| c.quartz).collect();
    let saffron_exprs: Vec<&str> = CASES.iter().filter_map(|c| c.saffron).collect();
    let saffron_as_quartz: Vec<&str> = CASES
        .iter()
        .filter(|c| c.saffron.is_some())
        .map(|c| c.quartz)
        .collect();
    let croner_exprs: Vec<&str> = CASES.iter().filter_map(|c| c.croner).collect();
    let cron_exprs: Vec<&str> = CASES.iter().filter_map(|c| c.cron).collect();
    // per expression, averaged over the list (the same list each peer can read)
    g.bench_function("cronkit/all", |b| {
        b.iter(|| {
            for e in &quartz {
                black_box(Schedule::parse(black_box(e), DialectChoice::Quartz).ok());
            }
        })
    });
    g.bench_function("cronkit/saffron_set", |b| {
        b.iter(|| {
            for e in &saffron_as_quartz {
                black_box(Schedule::parse(black_box(e), DialectChoice::Quartz).ok());
            }
        })
    });
    g.bench_function("saffron/saffron_set", |b| {
        b.iter(|| {
            for e in &saffron_exprs {
                black_box(saffron::Cron::from_str(black_box(e)).ok());
            }
        })
    });
    let parser = croner_parser();
    g.bench_function("croner/all", |b| {
        b.iter(|| {
            for e in &croner_exprs {
                black_box(parser.parse(black_box(e)).ok());
            }
        })
    });
    g.bench_function("cron/cron_set", |b| {
        b.iter(|| {
            for e in &cron_exprs {
                black_box(cron::Schedule::from_str(black_box(e)).ok());
            }
        })
    });
    g.finish();
}

fn bench_never(c: &mut Criterion) {
    let utc = Zone::utc();
    let mut g = c.benchmark_group("never_fires");
    for (name, expr) in [
        ("feb_30", "0 0 0 30 2 ?"),
        ("feb_29_2100", "0 0 0 29 2 ? 2100"),
        ("feb_31W", "0 0 0 31W 2 ?"),
    ] {
        let s = Schedule::parse(expr, DialectChoice::Quartz).unwrap();
        assert!(s.next_after(start(), &utc, DstPolicy::Shift).is_none());
        g.bench_function(format!("{name}/next"), |b| {
            b.iter(|| s.next_after_ts(black_box(start().timestamp()), &utc, DstPolicy::Shift))
        });
        g.bench_function(format!("{name}/parse_and_next"), |b| {
            b.iter(|| {
                Schedule::parse(black_box(expr), DialectChoice::Quartz)
                    .ok()
                    .and_then(|s| {
                        s.next_after_ts(black_box(start().timestamp()), &utc, DstPolicy::Shift)
                    })
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench_next, bench_parse, bench_never);
criterion_main!(benches);
